using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace QuizPlatform.Data.Startup;

/// <summary>Applies pending migrations of the configured provider; shared by web start-up and <c>quiz migrate</c>.</summary>
public sealed class DatabaseMigrator(
    IDbContextFactory<QuizDbContext> contextFactory,
    IOptions<DatabaseOptions> options,
    ILogger<DatabaseMigrator> logger)
{
    /// <summary>Returns the migrations that were applied (empty when the database was up to date).</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        logger.LogInformation("Applying migrations to the {Provider} database: {Count} pending{List}",
            options.Value.Provider, pending.Count, pending.Count == 0 ? "" : " (" + string.Join(", ", pending) + ")");
        // Migrate() takes a database lock on both providers, so two instances starting together apply each once.
        await db.Database.MigrateAsync(cancellationToken);
        return pending;
    }
}
