namespace QuizPlatform.Web.Features.Grading;

/// <summary>
/// Runs <see cref="MeaningGrading"/>: whenever a hand-in rings, and every poll interval for grades left pending by a
/// restart or handed in on another instance. Two workers on two cores: while one waits for the database the other
/// keeps the model busy. Keyword grades come first: while this instance's <see cref="GradingWorker"/>s find attempts
/// to grade the pass waits, as the model would take the cores that give every student their score at once (a class
/// of 500 was keyword-graded 5 to 10 times slower with both running).
/// </summary>
public sealed class MeaningWorker(MeaningGrading meaning, GradingQueue grading, ILogger<MeaningWorker> logger) : BackgroundService
{
    public const int Workers = 2;
    static readonly TimeSpan KeywordsFirst = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => WorkAsync(worker, stoppingToken)));
    }

    async Task WorkAsync(int worker, CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                try
                {
                    do
                    {
                        while (grading.Busy)
                            await Task.Delay(KeywordsFirst, stoppingToken);
                    }
                    while (await meaning.GradeBatchAsync(stoppingToken) > 0);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The batch stays pending (keyword grades stand meanwhile) and is taken again when its lease runs
                    // out; the database being away (a restart, or not migrated yet on a first start) lands here too.
                    logger.LogError(e, "The meaning pass failed on a batch (worker {Worker}).", worker);
                }
                await meaning.WaitAsync(worker, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
