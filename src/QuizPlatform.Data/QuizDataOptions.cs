namespace QuizPlatform.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// The <c>Database</c> section. The connection string is <c>ConnectionStrings:Quiz</c>. The PostgreSQL pool settings
/// apply where that string does not set them (see <see cref="PostgresConnection"/> and docs/architecture.md,
/// "Database connections").
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// Npgsql's <c>Maximum Pool Size</c> per process. Two app instances and the CLI at 25 each (75), each instance's
    /// two live-update connections (4), PostgreSQL's 3 reserved ones and 18 to spare (psql, backups, monitoring) make
    /// its default <c>max_connections</c> of 100; on two cores more connections only queue inside PostgreSQL.
    /// </summary>
    public int MaxPoolSize { get; set; } = 25;

    /// <summary>
    /// Npgsql's <c>Timeout</c>: how long a request waits for a pooled connection (or a new one to open) before it
    /// fails. Longer than Npgsql's 15 s, so a CPU-starved moment queues instead of failing.
    /// </summary>
    public TimeSpan PoolTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Npgsql's <c>Command Timeout</c>: the longest one statement may run.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Npgsql's <c>Max Auto Prepare</c>: how many of the statements a connection runs most are kept prepared on the
    /// server. Unprepared, PostgreSQL parses and plans every statement again; at a deadline that was nearly half of its
    /// CPU (docs/benchmarks.md, "Concurrency"). 0 turns it off (a pooler that cannot keep prepared statements).
    /// </summary>
    public int MaxAutoPrepare { get; set; } = 100;
}

/// <summary>The <c>Seeding</c> section: assignment documents imported at start-up.</summary>
public sealed class SeedingOptions
{
    public const string Section = "Seeding";
    public bool Enabled { get; set; } = true;
    /// <summary>Null means the nearest <c>seeds/</c> folder walking up from the content root.</summary>
    public string? Directory { get; set; }
    /// <summary>Add the demo accounts, class and quiz (<c>Demo.DemoDataSeeder</c>). Null: only in Development.</summary>
    public bool? Demo { get; set; }
}

/// <summary>The <c>Bootstrap</c> section: the admin created on first run when none exists.</summary>
public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";
    public string AdminEmail { get; set; } = "admin@quiz.local";
    /// <summary>When absent, a strong password is generated and printed once.</summary>
    public string? AdminPassword { get; set; }
}
