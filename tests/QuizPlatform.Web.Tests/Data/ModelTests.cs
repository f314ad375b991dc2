using Microsoft.EntityFrameworkCore;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Data;

public sealed class ModelTests
{
    /// <summary>The CI guard that every model change comes with a migration, for each provider.</summary>
    [Theory, AllDatabaseProviders]
    public async Task ModelHasNoChangesWithoutAMigration(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        await using var db = app.Services.CreateDbContext();

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model changed without a migration for {provider}: see the commands in QuizDbContext's doc comment.");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}

public sealed class AuditTrailStorageTests
{
    [Theory, AllDatabaseProviders]
    public async Task TheDatabaseRefusesToChangeOrDeleteAnAuditLine(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        await using var db = app.Services.CreateDbContext();
        db.AuditEntries.Add(new() { At = DateTime.UtcNow, Action = "test.action", Summary = "written once" });
        await db.SaveChangesAsync();

        await Assert.ThrowsAnyAsync<Exception>(() =>
            db.AuditEntries.ExecuteUpdateAsync(s => s.SetProperty(e => e.Summary, "rewritten")));
        await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEntries.ExecuteDeleteAsync());

        var line = await db.AuditEntries.AsNoTracking().SingleAsync();
        Assert.Equal("written once", line.Summary);
    }
}
