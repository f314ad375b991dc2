using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;
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
        if (string.IsNullOrWhiteSpace(db.Database.GetConnectionString()))
            throw new InvalidOperationException(
                $"Database:Provider is {options.Value.Provider} but ConnectionStrings:{QuizDataServiceCollectionExtensions.ConnectionStringName} is not set.");
        // EF's own migration lock on PostgreSQL lasts one migration's transaction, and another instance that read the
        // history before it may then apply the next migration again ("column already exists"). A session-level
        // advisory lock held across the whole run makes the second instance wait and then find nothing pending.
        var postgres = db.Database.IsNpgsql();
        if (postgres)
        {
            await CreateDatabaseIfMissingAsync(db, cancellationToken);
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
            // In a database just created, reading the history would log a failed query for the missing table.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        }
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            logger.LogInformation("Applying migrations to the {Provider} database: {Count} pending{List}",
                options.Value.Provider, pending.Count, pending.Count == 0 ? "" : " (" + string.Join(", ", pending) + ")");
            // On SQLite, Migrate() holds EF's lock table for the whole run. With nothing pending it would still diff
            // the model against the snapshot at every start; ModelTests makes that check once.
            if (pending.Count > 0)
                await db.Database.MigrateAsync(cancellationToken);
            return pending;
        }
        finally
        {
            if (postgres)
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    // Any fixed key of our own; AssignmentImporter's keys are per document title.
    const long MigrationLockKey = 0x5175_697A_4D69_6772; // "QuizMigr"

    static async Task CreateDatabaseIfMissingAsync(QuizDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
            return;
        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another instance created it a moment ago.
        }
    }
}
