using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuizPlatform.Data.Assignments;

namespace QuizPlatform.Data.Startup;

/// <summary>
/// Start-up in explicit, logged steps before the host serves requests: migrations (when
/// <c>Database:MigrateOnStartup</c>), roles and first-run admin, then seeding (when <c>Seeding:Enabled</c>).
/// </summary>
sealed class QuizStartup(
    IServiceScopeFactory scopes,
    DatabaseMigrator migrator,
    AssignmentSeeder seeder,
    IOptions<DatabaseOptions> database,
    IOptions<SeedingOptions> seeding,
    ILogger<QuizStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (database.Value.MigrateOnStartup)
            await migrator.MigrateAsync(cancellationToken);
        else
            logger.LogInformation("Database:MigrateOnStartup is off: not applying migrations (run `quiz migrate`)");

        await using (var scope = scopes.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IdentityBootstrapper>().EnsureRolesAndAdminAsync();

        if (seeding.Value.Enabled)
            await seeder.SeedAsync(cancellationToken);
        else
            logger.LogInformation("Seeding:Enabled is off: not importing seed documents");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
