namespace QuizPlatform.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>The <c>Database</c> section. The connection string is <c>ConnectionStrings:Quiz</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public bool MigrateOnStartup { get; set; } = true;
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
