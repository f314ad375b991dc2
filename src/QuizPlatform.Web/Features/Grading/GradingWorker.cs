using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;

namespace QuizPlatform.Web.Features.Grading;

/// <summary>
/// Grades queued attempts in the background, a few at a time. On start it queues every submitted attempt that still
/// has ungraded answers, so a restart in the middle of a deadline rush loses no grading.
/// </summary>
public sealed class GradingWorker(GradingQueue queue, AttemptGrading grading, IDbContextFactory<QuizDbContext> dbFactory,
    ILogger<GradingWorker> logger) : BackgroundService
{
    const int Workers = 2;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await using (var db = await dbFactory.CreateDbContextAsync(stoppingToken))
            {
                var pending = await db.Attempts.Where(a => a.SubmittedAt != null && a.Responses.Any(r => r.Grade == null))
                    .Select(a => a.Id).ToListAsync(stoppingToken);
                pending.ForEach(queue.Enqueue);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database may not be migrated yet on a first start; newly submitted attempts are queued anyway.
            logger.LogWarning(e, "Could not look for ungraded attempts at start-up.");
        }
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => WorkAsync(stoppingToken)));
    }

    async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var attemptId in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    var graded = await grading.GradeAsync(attemptId, stoppingToken);
                    logger.LogDebug("Graded {Count} answers of attempt {AttemptId}.", graded, attemptId);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The attempt stays ungraded and is picked up again at the next start; the others go on.
                    logger.LogError(e, "Grading attempt {AttemptId} failed.", attemptId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
