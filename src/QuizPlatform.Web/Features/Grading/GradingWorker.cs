using Microsoft.Extensions.Options;
using QuizPlatform.Web.Features.Admission;

namespace QuizPlatform.Web.Features.Grading;

/// <summary>
/// Grades handed-in attempts in the background: claims a batch from the <see cref="GradingQueue"/>, grades it, and
/// claims again until nothing is left, then waits for a hand-in or the poll interval. Attempts left ungraded by a
/// restart, a crash or another instance are in the same queue, so nothing needs finding again at start-up.
/// </summary>
public sealed class GradingWorker(GradingQueue queue, AttemptGrading grading, AdmissionGates admission,
    IOptions<GradingSettings> settings, ILogger<GradingWorker> logger) : BackgroundService
{
    const int Workers = 2;
    static readonly TimeSpan HandInsPause = TimeSpan.FromMilliseconds(50);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => WorkAsync(stoppingToken)));
    }

    async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                do
                    await HandInsFirstAsync(stoppingToken);
                while (await GradeBatchAsync(stoppingToken));
                await queue.WaitAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Waits while students hand in (<see cref="AdmissionGates.Busy"/>), at most <see cref="GradingSettings.HandInsFirst"/>:
    /// at a deadline, a hand-in sharing two cores with grading waited seconds for a place (docs/benchmarks.md,
    /// "Concurrency"), and a stream of hand-ins that lasts longer still gets a batch graded now and then.
    /// Real time, as <see cref="AdmissionGates.Busy"/>: it paces the work.
    /// </summary>
    async Task HandInsFirstAsync(CancellationToken stoppingToken)
    {
        var since = Environment.TickCount64;
        while (admission.Busy(AdmissionKind.HandIn) && Environment.TickCount64 - since < settings.Value.HandInsFirst.TotalMilliseconds)
            await Task.Delay(HandInsPause, stoppingToken);
    }

    /// <summary>Claims and grades one batch; false when there was none or it failed (then the worker waits a poll).</summary>
    async Task<bool> GradeBatchAsync(CancellationToken stoppingToken)
    {
        List<int> claimed = [];
        try
        {
            claimed = await queue.ClaimAsync(stoppingToken);
            if (claimed.Count == 0)
                return false;
            var graded = await grading.GradeAsync(claimed, stoppingToken);
            logger.LogDebug("Graded {Count} answers of attempts {AttemptIds}.", graded, claimed);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database may be away (a restart) or not migrated yet on a first start: the claimed attempts go back
            // to the queue, or their lease runs out if the database cannot be told; the next poll tries again.
            logger.LogError(e, "Grading attempts {AttemptIds} failed.", claimed);
            await ReleaseAsync(claimed);
            return false;
        }
    }

    async Task ReleaseAsync(List<int> claimed)
    {
        if (claimed.Count == 0)
            return;
        try
        {
            await queue.ReleaseAsync(claimed, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not give back attempts {AttemptIds}; they are taken again when their lease runs out.", claimed);
        }
    }
}
