namespace QuizPlatform.Web.Features.Regrading;

/// <summary>
/// Runs whole-quiz regrades in the background, one at a time: at start every job a restart left unfinished, then
/// each job as it is started.
/// </summary>
public sealed class RegradeWorker(RegradeJobs jobs, ILogger<RegradeWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await jobs.ResumeAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database may not be migrated yet on a first start; a job that failed is tried again at the next.
            logger.LogWarning(e, "Could not resume unfinished regrades at start-up.");
        }
        try
        {
            await foreach (var jobId in jobs.Started.ReadAllAsync(stoppingToken))
            {
                try
                {
                    var done = await jobs.RunAsync(jobId, stoppingToken);
                    logger.LogInformation("Regrade {JobId} finished: {Done} answers, {Changed} changed.", jobId, done?.Done, done?.Changed);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Regrade {JobId} failed; it resumes at the next start.", jobId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
