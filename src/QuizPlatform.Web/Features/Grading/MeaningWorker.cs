namespace QuizPlatform.Web.Features.Grading;

/// <summary>
/// Runs <see cref="MeaningGrading"/>: at start (grades left pending by a restart) and whenever a hand-in rings. Two
/// workers on two cores: while one waits for the database the other keeps the model busy. Keyword grades come first:
/// while attempts wait in the <see cref="GradingQueue"/> the pass waits, as the model would take the cores that give
/// every student their score at once (a class of 500 was keyword-graded 5 to 10 times slower with both running).
/// </summary>
public sealed class MeaningWorker(MeaningGrading meaning, GradingQueue grading, ILogger<MeaningWorker> logger) : BackgroundService
{
    static readonly TimeSpan KeywordsFirst = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await Task.WhenAll(Enumerable.Range(0, MeaningGrading.Parts).Select(part => WorkAsync(part, stoppingToken)));
    }

    async Task WorkAsync(int part, CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                try
                {
                    do
                    {
                        while (grading.Reader.Count > 0)
                            await Task.Delay(KeywordsFirst, stoppingToken);
                    }
                    while (await meaning.GradeBatchAsync(part, stoppingToken) > 0);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The batch stays pending (keyword grades stand meanwhile) and is tried again at the next hand-in
                    // or start, rather than in a tight loop; a database not migrated yet on a first start lands here too.
                    logger.LogError(e, "The meaning pass failed on a batch of part {Part}.", part);
                }
                await meaning.WaitAsync(part, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
