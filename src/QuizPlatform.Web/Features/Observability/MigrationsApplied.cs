using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using QuizPlatform.Data;

namespace QuizPlatform.Web.Features.Observability;

/// <summary>
/// Ready only on the schema this build expects: an instance started before <c>quiz migrate</c> ran (with
/// <c>Database:MigrateOnStartup</c> off) would answer with errors, so the load balancer should not send it students.
/// </summary>
sealed class MigrationsApplied(IDbContextFactory<QuizDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        return pending == 0
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus, $"{pending} migrations are not applied: run `quiz migrate`.");
    }
}
