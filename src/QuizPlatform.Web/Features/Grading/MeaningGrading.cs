using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Web.Features.QuizResults;

namespace QuizPlatform.Web.Features.Grading;

/// <summary>
/// The second half of hand-in grading with <see cref="GradingSettings.Meaning"/> on. <see cref="AttemptGrading"/>
/// stores the keyword grade at once and marks it <c>MeaningPending</c>; this grades those answers again with the
/// sentence model, <see cref="BatchSize"/> at a time across attempts (one model call per batch, so memory stays
/// bounded however long the queue), and replaces the grader's proposal through <c>Grade.Regrade</c> ("Meaning pass"):
/// a history row only where the score moved, an override keeps counting. A grade an instructor accepted is left as
/// accepted: the pass only clears its pending mark, as the score the instructor agreed with must not move silently
/// (so does an empty answer, whose keyword grade is final).
/// The database is the queue: pending grades are found again after a restart, and <see cref="Parts"/> workers each
/// take their own share (grade id modulo <see cref="Parts"/>), so they never grade the same answer.
/// </summary>
public sealed class MeaningGrading(IDbContextFactory<QuizDbContext> dbFactory, TimeProvider clock, QuizActivity activity, GradingEngine engine)
{
    public const int Parts = 2;
    public const int BatchSize = 128;
    public const string Reason = "Meaning pass";

    // One doorbell per part; a ring while one is pending is dropped, as the worker reads until nothing is left.
    readonly Channel<bool>[] doorbells = [.. Enumerable.Range(0, Parts)
        .Select(_ => Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite }))];

    /// <summary>Tells the workers that new grades are pending.</summary>
    public void Wake()
    {
        foreach (var doorbell in doorbells)
            doorbell.Writer.TryWrite(true);
    }

    /// <summary>Waits until <see cref="Wake"/> is called for <paramref name="part"/>.</summary>
    public async Task WaitAsync(int part, CancellationToken cancellationToken) =>
        await doorbells[part].Reader.ReadAsync(cancellationToken);

    /// <summary>Grades every pending answer (both parts); what the tests and the benchmark call to drive the pass.</summary>
    public async Task<int> GradeAllPendingAsync(CancellationToken cancellationToken = default)
    {
        var total = 0;
        for (var part = 0; part < Parts; part++)
            for (int graded; (graded = await GradeBatchAsync(part, cancellationToken)) > 0;)
                total += graded;
        return total;
    }

    /// <summary>
    /// Grades up to <see cref="BatchSize"/> pending answers of <paramref name="part"/>, oldest first; how many it
    /// took (0: none left). A grade an instructor marks meanwhile fails the save on its revision and is taken again.
    /// </summary>
    public async Task<int> GradeBatchAsync(int part, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pending = await db.Grades.Where(g => g.MeaningPending && g.Id % Parts == part).OrderBy(g => g.Id).Take(BatchSize)
            .Select(g => new { Grade = g, g.Response.Text, g.Response.QuestionId, g.Response.Attempt.QuizId })
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
            return 0;
        var questionIds = pending.Select(p => p.QuestionId).Distinct().ToList();
        var questions = await db.Questions.Where(q => questionIds.Contains(q.Id)).SelectKeys().ToListAsync(cancellationToken);
        var keys = questions.ToDictionary(q => q.QuestionId, q => (Key: engine.KeyFor(q), q.KeywordVersion));

        // An empty answer's keyword grade (0, flagged empty) is final: no model call for it.
        var regraded = pending.Where(p => !(p.Grade.Reviewed && p.Grade.OverrideScore is null) && !string.IsNullOrWhiteSpace(p.Text)).ToList();
        var results = engine.Grade([.. regraded.Select(p => new ToGrade(keys[p.QuestionId].Key, p.Text, p.Grade.MaxPoints))], cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < regraded.Count; i++)
            regraded[i].Grade.Regrade(results[i], GradeExplanation.Of(results[i]).ToJson(), keys[regraded[i].QuestionId].KeywordVersion,
                byId: null, now, Reason);
        pending.ForEach(p => p.Grade.MeaningPending = false);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // An instructor marked one of them meanwhile: nothing is stored, the next round reads their mark.
            return pending.Count;
        }
        foreach (var quizId in pending.Select(p => p.QuizId).Distinct())
            activity.Publish(quizId);
        return pending.Count;
    }
}
