using System.Data.Common;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using QuizPlatform.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace QuizPlatform.Web.Tests.Infrastructure;

/// <summary>The harness itself, independent of the data model: every other web test relies on these.</summary>
public sealed class HarnessTests
{
    [Fact]
    public async Task PostgresServerAnswersQueries()
    {
        var server = await PostgresServer.GetAsync();
        await using var connection = new NpgsqlConnection(server.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT version()", connection);

        var version = (string?)await command.ExecuteScalarAsync();

        Assert.StartsWith("PostgreSQL", version);
    }

    [Theory, AllDatabaseProviders]
    public async Task EachTestGetsItsOwnDatabase(DatabaseProvider provider)
    {
        await using var first = await TestDatabase.CreateAsync(provider);
        await using var second = await TestDatabase.CreateAsync(provider);

        await ExecuteAsync(first, "CREATE TABLE marker (id integer)");

        Assert.NotEqual(first.ConnectionString, second.ConnectionString);
        Assert.Equal(1, await CountTablesNamedMarkerAsync(first));
        Assert.Equal(0, await CountTablesNamedMarkerAsync(second));
    }

    [Theory, AllDatabaseProviders]
    public async Task EachDatabaseStartsMigratedAndTheAppAppliesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var logs = new LogCollector();
        await using var factory = new QuizAppFactory(database);
        var app = factory.WithLogs(logs);

        await using var db = app.Services.CreateDbContext();

        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.Contains(logs.Messages, m => m.StartsWith("Applying migrations") && m.Contains(": 0 pending"));
    }

    [Theory, AllDatabaseProviders]
    public async Task AnEmptyDatabaseCanStillBeAskedFor(DatabaseProvider provider)
    {
        await using var empty = await TestDatabase.CreateEmptyAsync(provider);

        if (provider == DatabaseProvider.Sqlite)
        {
            Assert.False(File.Exists(new SqliteConnectionStringBuilder(empty.ConnectionString).DataSource));
            return;
        }
        await using var connection = Open(empty);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'";
        Assert.Equal(0L, Convert.ToInt64(await command.ExecuteScalarAsync()));
    }

    [Theory, AllDatabaseProviders]
    public async Task DisposedDatabaseIsGone(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await ExecuteAsync(database, "CREATE TABLE marker (id integer)");

        await database.DisposeAsync();

        if (provider == DatabaseProvider.Sqlite)
        {
            Assert.False(File.Exists(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource));
            return;
        }
        var server = await PostgresServer.GetAsync();
        var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database;
        await using var connection = new NpgsqlConnection(server.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = $1", connection)
        {
            Parameters = { new() { Value = name } },
        };
        Assert.Equal(0L, await command.ExecuteScalarAsync());
    }

    [Theory, AllDatabaseProviders]
    public async Task AppReceivesTheTestSettings(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, new Dictionary<string, string?> { ["Seeding:Directory"] = "/nowhere" });

        var configuration = app.Services.GetRequiredService<IConfiguration>();

        Assert.Equal(provider.ToString(), configuration["Database:Provider"]);
        Assert.Equal(database.ConnectionString, configuration.GetConnectionString("Quiz"));
        Assert.Equal("/nowhere", configuration["Seeding:Directory"]);
        Assert.Equal("false", configuration["Seeding:Enabled"]);
    }

    [Fact]
    public async Task KestrelServesOnALoopbackPort()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new QuizAppFactory(database);

        var address = app.StartKestrel();
        using var client = new HttpClient { BaseAddress = address };
        using var response = await client.GetAsync("/");

        Assert.Equal(IPAddress.Loopback.ToString(), address.Host);
        Assert.NotEqual(0, address.Port);
        Assert.True((int)response.StatusCode < 500, $"GET / answered {(int)response.StatusCode}");
    }

    private static async Task ExecuteAsync(TestDatabase database, string sql)
    {
        await using var connection = Open(database);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> CountTablesNamedMarkerAsync(TestDatabase database)
    {
        await using var connection = Open(database);
        await using var command = connection.CreateCommand();
        command.CommandText = database.Provider == DatabaseProvider.Sqlite
            ? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'marker'"
            : "SELECT count(*) FROM information_schema.tables WHERE table_name = 'marker'";
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static DbConnection Open(TestDatabase database)
    {
        DbConnection connection = database.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(database.ConnectionString)
            : new NpgsqlConnection(database.ConnectionString);
        connection.Open();
        return connection;
    }
}
