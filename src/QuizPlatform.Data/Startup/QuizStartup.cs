using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuizPlatform.Data.Assignments;
using QuizPlatform.Data.Demo;

namespace QuizPlatform.Data.Startup;

/// <summary>
/// Start-up in explicit, logged steps before the host serves requests: migrations (when
/// <c>Database:MigrateOnStartup</c>), roles and first-run admin, seeding (when <c>Seeding:Enabled</c>), then the
/// demo data (when <c>Seeding:Demo</c>, by default in Development).
/// </summary>
sealed class QuizStartup(
    IServiceScopeFactory scopes,
    DatabaseMigrator migrator,
    AssignmentSeeder seeder,
    IOptions<DatabaseOptions> database,
    IOptions<SeedingOptions> seeding,
    IHostEnvironment environment,
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

        if (seeding.Value.Demo ?? environment.IsDevelopment())
        {
            if (!environment.IsDevelopment())
                logger.LogWarning("Seeding:Demo is on outside Development: the demo accounts' password is public");
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
