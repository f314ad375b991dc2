using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;

namespace QuizPlatform.Web.Features.Observability;

/// <summary>
/// How much grading waits, read from the database when /metrics is scraped, so every instance reports the same
/// shared backlog (the grading work is shared through the database too): handed-in attempts not yet graded, how long the oldest of them has waited, and answers waiting for the meaning pass.
/// </summary>
sealed class GradingBacklog(IDbContextFactory<QuizDbContext> dbFactory, TimeProvider clock, ILogger<GradingBacklog> logger)
{
    static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(2);

    public void Observe(QuizMetrics metrics)
    {
        metrics.Meter.CreateObservableGauge("quiz.grading.queue.length", () => Read(WaitingAttemptsAsync),
            "{attempt}", "Handed-in attempts not yet graded.");
        metrics.Meter.CreateObservableGauge("quiz.grading.queue.oldest_age", () => Read(OldestWaitAsync),
            "s", "How long the oldest handed-in attempt not yet graded has waited; 0 when none waits.");
        metrics.Meter.CreateObservableGauge("quiz.grading.meaning.queue.length", () => Read(MeaningWaitingAsync),
            "{answer}", "Graded answers waiting for the meaning pass (Grading:Meaning).");
    }

    async Task<int> WaitingAttemptsAsync(QuizDbContext db, CancellationToken cancellationToken) =>
        await Waiting(db).CountAsync(cancellationToken);

    async Task<double> OldestWaitAsync(QuizDbContext db, CancellationToken cancellationToken) =>
        await Waiting(db).MinAsync(a => a.SubmittedAt, cancellationToken) is { } oldest ? (Now - oldest).TotalSeconds : 0;

    async Task<int> MeaningWaitingAsync(QuizDbContext db, CancellationToken cancellationToken) =>
        await db.Grades.CountAsync(g => g.MeaningPending, cancellationToken);

    // The grading workers' own queue (GradingQueue), read through its partial index IX_Attempts_Ungraded.
    static IQueryable<Attempt> Waiting(QuizDbContext db) => db.Attempts.Where(a => a.SubmittedAt != null && a.GradedAt == null);

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
