using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QuizPlatform.Data;

namespace QuizPlatform.Web.Features.Grading;

/// <summary>
/// Handed-in attempts waiting for their keyword grades. The queue is the attempts themselves: the hand-in's own update
/// sets <c>SubmittedAt</c>, and an attempt handed in without <c>GradedAt</c> is work, so nothing is lost when a process
/// dies. <see cref="GradingWorker"/>s on any instance claim batches of it (<see cref="Leases"/>); hand-ins on this
/// instance ring <see cref="Wake"/>, the others are found by polling. Submitting never waits for grading.
/// </summary>
public sealed class GradingQueue(IDbContextFactory<QuizDbContext> dbFactory, TimeProvider clock, IOptions<GradingSettings> settings)
{
    /// <summary>
    /// Attempts per claim and per SaveChanges: ~500 answers at 50 questions, a few hundred milliseconds of grading,
    /// and what a worker holds in memory.
    /// </summary>
    public const int BatchSize = 10;

    static readonly TimeSpan RecentWork = TimeSpan.FromMilliseconds(250);

    readonly Doorbell doorbell = new();
    long lastClaimedAt = long.MinValue / 2;

    /// <summary>Tells this instance's workers that an attempt was handed in.</summary>
    public void Wake() => doorbell.Ring();

    /// <summary>Waits for <see cref="Wake"/> or the poll interval.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) =>
        doorbell.WaitAsync(settings.Value.PollInterval, clock, cancellationToken);

    /// <summary>
    /// Whether this instance's workers claimed attempts within the last quarter second: the meaning pass waits meanwhile,
    /// as the model would take the cores that give every student their score at once. Real time, not the app's clock:
    /// it paces the work, it is no rule about it.
    /// </summary>
    public bool Busy => Environment.TickCount64 - Interlocked.Read(ref lastClaimedAt) < RecentWork.TotalMilliseconds;

    /// <summary>Claims up to <see cref="BatchSize"/> handed-in, ungraded attempts no other worker holds, oldest hand-in first.</summary>
    public async Task<List<int>> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await Leases.ClaimAsync(db, "Attempts", "\"SubmittedAt\" IS NOT NULL AND \"GradedAt\" IS NULL",
            "\"SubmittedAt\", \"Id\"", "GradingLeaseUntil", BatchSize, now, now + settings.Value.ClaimLease, cancellationToken);
        if (claimed.Count > 0)
            Interlocked.Exchange(ref lastClaimedAt, Environment.TickCount64);
        return claimed;
    }

    /// <summary>Gives claimed attempts back at once (a batch that failed), rather than when their lease runs out.</summary>
    public async Task ReleaseAsync(IReadOnlyCollection<int> attemptIds, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Attempts.Where(a => attemptIds.Contains(a.Id) && a.GradedAt == null)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.GradingLeaseUntil, (DateTime?)null), cancellationToken);
    }
}
