using Microsoft.Data.Sqlite;

namespace QuizPlatform.Web.Tests.Infrastructure;

/// <summary>
/// A database of its own for one test: on PostgreSQL a new database on the run's <see cref="PostgresServer"/>, on
/// SQLite a file in a temp directory. <see cref="CreateAsync"/> copies the run's <see cref="MigratedTemplate"/>, so
/// the app's start-up migration finds nothing pending; <see cref="CreateEmptyAsync"/> is for tests about migrating
/// itself. Disposing drops or deletes it.
/// <code>await using var database = await TestDatabase.CreateAsync(provider);</code>
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly PostgresServer? _server;
    private readonly TempDirectory? _sqliteDirectory;

    private TestDatabase(DatabaseProvider provider, string connectionString, PostgresServer? server, TempDirectory? sqliteDirectory)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _server = server;
        _sqliteDirectory = sqliteDirectory;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The value for <c>ConnectionStrings:Quiz</c>.</summary>
    public string ConnectionString { get; }

    /// <summary>A copy of the migrated schema, with no rows but the migrations' history.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var template = await MigratedTemplate.GetAsync(provider);
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                var server = await PostgresServer.GetAsync();
                return new TestDatabase(provider, await server.CreateDatabaseAsync(template), server, null);
            case DatabaseProvider.Sqlite:
                var directory = new TempDirectory();
                var file = Path.Combine(directory.Path, "quiz.db");
                File.Copy(template, file);
                return new TestDatabase(provider, SqliteConnectionString(file), null, directory);
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, null);
        }
    }

    /// <summary>A database with no tables at all (on SQLite not even the file), as on an app's very first start.</summary>
    public static async Task<TestDatabase> CreateEmptyAsync(DatabaseProvider provider)
    {
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                var server = await PostgresServer.GetAsync();
                return new TestDatabase(provider, await server.CreateDatabaseAsync(), server, null);
            case DatabaseProvider.Sqlite:
                var directory = new TempDirectory();
                return new TestDatabase(provider, SqliteConnectionString(Path.Combine(directory.Path, "quiz.db")), null, directory);
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, null);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DropDatabaseAsync(ConnectionString);
        if (_sqliteDirectory is not null)
        {
            // Pooled connections keep the file (and its -wal/-shm companions) open.
            SqliteConnection.ClearAllPools();
            _sqliteDirectory.Dispose();
        }
    }

    internal static string SqliteConnectionString(string file) =>
        new SqliteConnectionStringBuilder { DataSource = file }.ConnectionString;
}
