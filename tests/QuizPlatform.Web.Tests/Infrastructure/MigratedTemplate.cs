using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using QuizPlatform.Data;
using QuizPlatform.Data.Startup;

namespace QuizPlatform.Web.Tests.Infrastructure;

/// <summary>
/// The schema every <see cref="TestDatabase"/> starts from: per provider, one database migrated once per test run by
/// the app's own <see cref="DatabaseMigrator"/> and then only copied (PostgreSQL <c>CREATE DATABASE ... TEMPLATE</c>,
/// a file copy on SQLite). Running every migration for each of the suite's databases cost most of its time.
/// </summary>
public static class MigratedTemplate
{
    private static readonly Lazy<Task<string>> Postgres = new(CreatePostgresAsync);
    private static readonly Lazy<Task<string>> Sqlite = new(CreateSqliteAsync);

    /// <summary>The template's PostgreSQL database name, or its SQLite file; created on first use.</summary>
    public static Task<string> GetAsync(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Postgres => Postgres.Value,
        DatabaseProvider.Sqlite => Sqlite.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    private static async Task<string> CreatePostgresAsync()
    {
        var server = await PostgresServer.GetAsync();
        var connectionString = await server.CreateDatabaseAsync(namePrefix: "quiz_template_");
        await MigrateAsync(DatabaseProvider.Postgres, connectionString);
        // PostgreSQL copies a template only while nobody is connected to it, pooled idle connections included: the
        // app's pool too, whose connection string has the pool settings added (PostgresConnection.WithDefaults).
        foreach (var pool in new[] { connectionString, PostgresConnection.WithDefaults(connectionString, new DatabaseOptions()) })
        {
            using var pooled = new NpgsqlConnection(pool);
            NpgsqlConnection.ClearPool(pooled);
        }
        // A server shared between runs (QUIZ_TEST_POSTGRES) should not collect templates; a throwaway cluster goes anyway.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                server.DropDatabaseAsync(connectionString).GetAwaiter().GetResult();
            }
            catch (NpgsqlException)
            {
            }
        };
        return new NpgsqlConnectionStringBuilder(connectionString).Database!;
    }

    private static async Task<string> CreateSqliteAsync()
    {
        var directory = new TempDirectory();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => directory.Dispose();
        var file = Path.Combine(directory.Path, "template.db");
        await MigrateAsync(DatabaseProvider.Sqlite, TestDatabase.SqliteConnectionString(file));
        // Closing the pooled connections checkpoints the write-ahead log into the file, so the file alone is the copy.
        SqliteConnection.ClearAllPools();
        return file;
    }

    private static async Task MigrateAsync(DatabaseProvider provider, string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            [$"ConnectionStrings:{QuizDataServiceCollectionExtensions.ConnectionStringName}"] = connectionString,
        }).Build();
        await using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddQuizData()
            .BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
    }
}
