using Npgsql;

namespace QuizPlatform.Web.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server of this test run: the one named by <c>QUIZ_TEST_POSTGRES</c> (a connection string for a
/// role that may CREATE DATABASE), or else a throwaway cluster on a free loopback port, started on first use and
/// deleted after the test process exits. Each test gets its own database from <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgresServer
{
    public const string ConnectionStringVariable = "QUIZ_TEST_POSTGRES";

    private static readonly Lazy<Task<PostgresServer>> Instance = new(StartAsync);

    private readonly ThrowawayCluster? _cluster;

    private PostgresServer(string adminConnectionString, ThrowawayCluster? cluster = null) =>
        (AdminConnectionString, _cluster) = (adminConnectionString, cluster);

    /// <summary>Connection string for the maintenance database; the role may create and drop databases.</summary>
    public string AdminConnectionString { get; }

    /// <summary>The server for this test run; the first call starts it. Fails (never skips) when none is available.</summary>
    public static Task<PostgresServer> GetAsync() => Instance.Value;

    /// <summary>
    /// Creates a database with a unique name, empty or a copy of <paramref name="template"/> (a database nobody is
    /// connected to), and returns a connection string to it.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string? template = null, string namePrefix = "quiz_")
    {
        var name = $"{namePrefix}{Guid.NewGuid():N}";
        await ExecuteAsync(template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing any connections still open to it.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database
            ?? throw new ArgumentException("The connection string names no database.", nameof(connectionString));
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }
        // On a server the tests did not start, an autovacuum worker may be visiting the database: the test role may
        // not end it, but it leaves within moments.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 10)
            {
                await Task.Delay(200 * attempt);
            }
        }
    }

    /// <summary>
    /// Restarts the server (<c>pg_ctl restart -m fast</c>): every open connection of the run breaks. Only for a test
    /// that runs alone (<see cref="ServerRestartCollection"/>), and only on the throwaway cluster.
    /// </summary>
    public async Task RestartAsync()
    {
        if (_cluster is null)
            throw new InvalidOperationException(
                $"Restarting PostgreSQL needs the test run's own cluster; unset {ConnectionStringVariable} to run this test.");
        await _cluster.RestartAsync();
        // The tests' own pooled admin connections went with the old server; the apps' pools are theirs to recover.
        using var admin = new NpgsqlConnection(AdminConnectionString);
        NpgsqlConnection.ClearPool(admin);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var external = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            await using var probe = new NpgsqlConnection(external);
            try
            {
                await probe.OpenAsync();
            }
            catch (Exception e)
            {
                throw new InvalidOperationException(
                    $"{ConnectionStringVariable} is set but its server cannot be reached: {e.Message}", e);
            }
            return new PostgresServer(external);
        }

        var bin = FindServerBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL tests need a server, and none was found: initdb is neither on PATH nor in " +
            "/usr/lib/postgresql/*/bin. Run ./test.sh as root (it installs PostgreSQL), or install it yourself " +
            "(Debian/Ubuntu: apt-get install -y --no-install-recommends postgresql), or set " +
            $"{ConnectionStringVariable} to a connection string for a role that can CREATE DATABASE.");
        var cluster = await ThrowawayCluster.StartAsync(bin);
        return new PostgresServer(cluster.ConnectionString, cluster);
    }

    private static string? FindServerBinaries()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(dir => File.Exists(Path.Combine(dir, "initdb")));
        if (onPath is not null)
        {
            // Debian puts only wrappers on PATH in some setups; resolve links to find pg_ctl beside initdb.
            var initdb = new FileInfo(Path.Combine(onPath, "initdb"));
            var target = initdb.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? initdb.FullName;
            var dir = Path.GetDirectoryName(target)!;
            if (File.Exists(Path.Combine(dir, "pg_ctl")))
                return dir;
        }
        const string debianRoot = "/usr/lib/postgresql";
        if (!Directory.Exists(debianRoot))
            return null;
        return Directory.GetDirectories(debianRoot)
            .Select(dir => (Dir: Path.Combine(dir, "bin"), Version: int.TryParse(Path.GetFileName(dir), out var v) ? v : -1))
            .Where(candidate => File.Exists(Path.Combine(candidate.Dir, "initdb")))
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => candidate.Dir)
            .FirstOrDefault();
    }
}

/// <summary>Tests that restart the run's PostgreSQL server: xUnit runs this collection alone, after all the others.</summary>
[CollectionDefinition(nameof(ServerRestartCollection), DisableParallelization = true)]
public sealed class ServerRestartCollection;
