namespace QuizPlatform.Web.Features.Taking;

/// <summary>Hands in attempts whose deadline and grace passed, whether or not a browser is still there.</summary>
public sealed class ExpiredAttemptSubmitter(AttemptService attempts, Microsoft.Extensions.Options.IOptions<AttemptsOptions> options,
    TimeProvider clock, ILogger<ExpiredAttemptSubmitter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ExpiryScanInterval, clock);
        try
        {
            do
            {
                try
                {
                    var submitted = await attempts.SubmitExpiredAsync(stoppingToken);
                    if (submitted > 0)
                        logger.LogInformation("Handed in {Count} attempt(s) whose time ran out.", submitted);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Could not hand in expired attempts; trying again in {Interval}.", options.Value.ExpiryScanInterval);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
