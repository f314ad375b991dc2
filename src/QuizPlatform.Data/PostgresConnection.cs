using System.Data.Common;
using Npgsql;

namespace QuizPlatform.Data;

/// <summary>The connection string every host (web app, CLI) opens PostgreSQL with.</summary>
public static class PostgresConnection
{
    /// <summary>
    /// <paramref name="connectionString"/> with the pool size, timeouts and statement preparation of
    /// <paramref name="options"/> wherever it does not set them itself, under any of Npgsql's spellings
    /// (<c>MaxPoolSize</c>, <c>Maximum Pool Size</c>, ...): the operator's string always wins.
    /// </summary>
    public static string WithDefaults(string connectionString, DatabaseOptions options)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // Npgsql writes back only the settings it was given, each under its canonical keyword.
        var given = new DbConnectionStringBuilder { ConnectionString = builder.ConnectionString };
        if (!given.ContainsKey("Maximum Pool Size"))
            builder.MaxPoolSize = options.MaxPoolSize;
        if (!given.ContainsKey("Timeout"))
            builder.Timeout = Seconds(options.PoolTimeout);
        if (!given.ContainsKey("Command Timeout"))
            builder.CommandTimeout = Seconds(options.CommandTimeout);
        if (!given.ContainsKey("Max Auto Prepare"))
            builder.MaxAutoPrepare = options.MaxAutoPrepare;
        return builder.ConnectionString;
    }

    static int Seconds(TimeSpan time) => (int)Math.Ceiling(time.TotalSeconds);
}
