using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;

namespace QuizPlatform.Web.Features.Observability;

/// <summary>
/// How much grading waits, read from the database when /metrics is scraped, so every instance reports the same
/// shared backlog (the grading work is shared through the database too): handed-in attempts with answers still
/// without a grade, how long the oldest of them has waited, and answers waiting for the meaning pass.
/// </summary>
sealed class GradingBacklog(IDbContextFactory<QuizDbContext> dbFactory, TimeProvider clock, ILogger<GradingBacklog> logger)
{
    /// <summary>
    /// Only attempts handed in this recently are counted, so a scrape reads an index range, not every attempt ever
    /// taken. An alert on the oldest wait fires minutes after a hand-in is stuck, long before it leaves the window.
    /// </summary>
    static readonly TimeSpan Window = TimeSpan.FromDays(1);

    static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(2);

    public void Observe(QuizMetrics metrics)
    {
        metrics.Meter.CreateObservableGauge("quiz.grading.queue.length", () => Read(WaitingAttemptsAsync),
            "{attempt}", "Handed-in attempts with answers not yet graded (attempts handed in within the last day).");
        metrics.Meter.CreateObservableGauge("quiz.grading.queue.oldest_age", () => Read(OldestWaitAsync),
            "s", "How long the oldest handed-in attempt with ungraded answers has waited; 0 when none waits.");
        metrics.Meter.CreateObservableGauge("quiz.grading.meaning.queue.length", () => Read(MeaningWaitingAsync),
            "{answer}", "Graded answers waiting for the meaning pass (Grading:Meaning).");
    }

    async Task<int> WaitingAttemptsAsync(QuizDbContext db, CancellationToken cancellationToken) =>
        await Waiting(db).CountAsync(cancellationToken);

    async Task<double> OldestWaitAsync(QuizDbContext db, CancellationToken cancellationToken) =>
        await Waiting(db).MinAsync(a => a.SubmittedAt, cancellationToken) is { } oldest ? (Now - oldest).TotalSeconds : 0;

    async Task<int> MeaningWaitingAsync(QuizDbContext db, CancellationToken cancellationToken) =>
        await db.Grades.CountAsync(g => g.MeaningPending, cancellationToken);

    IQueryable<Attempt> Waiting(QuizDbContext db)
    {
        var since = Now - Window;
        return db.Attempts.Where(a => a.SubmittedAt >= since && a.Responses.Any(r => r.Grade == null));
    }

    DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>One gauge's value; none when the database does not answer in time, so the scrape still succeeds.</summary>
    Measurement<T>[] Read<T>(Func<QuizDbContext, CancellationToken, Task<T>> query) where T : struct
    {
        // Observable instruments are read synchronously, on the scrape's thread.
        using var timeout = new CancellationTokenSource(QueryTimeout);
        try
        {
            using var db = dbFactory.CreateDbContext();
            return [new(query(db, timeout.Token).GetAwaiter().GetResult())];
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not read the grading backlog for /metrics.");
            return [];
        }
    }
}
