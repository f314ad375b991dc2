using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Grading.Meaning;
using QuizPlatform.Web.Components.Shared;
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
/// Where the instructor applied "Learn from my marks" to the question in that quiz, the answer is graded with what the
/// marks taught (<see cref="LearnedKey"/>).
/// The database is the queue: pending grades are found again after a restart, and workers on any instance claim
/// batches of them with a lease (<see cref="Leases"/>), so two never grade the same answer.
/// </summary>
public sealed class MeaningGrading(IDbContextFactory<QuizDbContext> dbFactory, TimeProvider clock, QuizActivity activity, GradingEngine engine,
    IOptions<GradingSettings> settings)
{
    public const int BatchSize = 128;
    public const string Reason = "Meaning pass";

    readonly Doorbell[] doorbells = [.. Enumerable.Range(0, MeaningWorker.Workers).Select(_ => new Doorbell())];

    /// <summary>Tells the workers that new grades are pending.</summary>
    public void Wake()
    {
        foreach (var doorbell in doorbells)
            doorbell.Ring();
    }

    /// <summary>Waits until <see cref="Wake"/> is called for <paramref name="worker"/>, or the poll interval.</summary>
    public Task WaitAsync(int worker, CancellationToken cancellationToken) =>
        doorbells[worker].WaitAsync(settings.Value.PollInterval, clock, cancellationToken);

    /// <summary>Grades every pending answer no other worker holds; what the tests and the benchmark call to drive the pass.</summary>
    public async Task<int> GradeAllPendingAsync(CancellationToken cancellationToken = default)
    {
        var total = 0;
        for (int graded; (graded = await GradeBatchAsync(cancellationToken)) > 0;)
            total += graded;
        return total;
    }

    /// <summary>
    /// Claims up to <see cref="BatchSize"/> pending answers, oldest first, and grades them; how many it took (0: none
    /// left). A grade an instructor marks meanwhile fails the save on its revision and is given back to be taken again.
    /// </summary>
    public async Task<int> GradeBatchAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await Leases.ClaimAsync(db, "Grades", "\"MeaningPending\"", "\"Id\"", "MeaningLeaseUntil", BatchSize,
            now, now + settings.Value.ClaimLease, cancellationToken);
        if (claimed.Count == 0)
            return 0;
        var pending = await db.Grades.Where(g => claimed.Contains(g.Id) && g.MeaningPending).OrderBy(g => g.Id)
            .Select(g => new { Grade = g, g.Response.Text, g.Response.QuestionId, g.Response.Attempt.QuizId })
            .ToListAsync(cancellationToken);
        var questionIds = pending.Select(p => p.QuestionId).Distinct().ToList();
        var assignments = await db.Questions.SelectAssignmentKeys(questionIds).ToListAsync(cancellationToken);
        var prepared = engine.KeysAmong(assignments, questionIds, withMeaning: true);
        var keys = assignments.Where(q => prepared.ContainsKey(q.QuestionId))
            .ToDictionary(q => q.QuestionId, q => (Key: prepared[q.QuestionId], q.KeywordVersion));
        var learned = await LearnedKeysAsync(db, pending.Select(p => p.QuizId).Distinct().ToList(), questionIds, keys, cancellationToken);

        // An empty answer's keyword grade (0, flagged empty) is final: no model call for it.
        var regraded = pending.Where(p => !(p.Grade.Reviewed && p.Grade.OverrideScore is null) && !string.IsNullOrWhiteSpace(p.Text)).ToList();
        var results = engine.Grade([.. regraded.Select(p => new ToGrade(
            learned.GetValueOrDefault((p.QuizId, p.QuestionId))?.Question ?? keys[p.QuestionId].Key, p.Text, p.Grade.MaxPoints))], cancellationToken);
        for (var i = 0; i < regraded.Count; i++)
            regraded[i].Grade.Regrade(results[i], GradeExplanation.Of(results[i]).ToJson(), keys[regraded[i].QuestionId].KeywordVersion,
                byId: null, now, learned.GetValueOrDefault((regraded[i].QuizId, regraded[i].QuestionId))?.Reason ?? Reason);
        pending.ForEach(p => (p.Grade.MeaningPending, p.Grade.MeaningLeaseUntil) = (false, null));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // An instructor marked one of them meanwhile: nothing is stored, and the batch goes back to be read again
            // with their mark.
            await using var release = await dbFactory.CreateDbContextAsync(cancellationToken);
            await release.Grades.Where(g => claimed.Contains(g.Id))
                .ExecuteUpdateAsync(g => g.SetProperty(x => x.MeaningLeaseUntil, (DateTime?)null), cancellationToken);
            return claimed.Count;
        }
        foreach (var quizId in pending.Select(p => p.QuizId).Distinct())
            activity.Publish(quizId);
        return pending.Count;
    }

    /// <summary>
    /// The questions whose quiz keeps what the instructor's marks taught (<see cref="LearnedKey"/>, while the keywords
    /// are those it was learned with): their key with the marked answers beside the model answer and the learned offset.
    /// </summary>
    async Task<Dictionary<(int QuizId, int QuestionId), LearnedQuestion>> LearnedKeysAsync(QuizDbContext db,
        List<int> quizIds, List<int> questionIds, Dictionary<int, (PreparedQuestion Key, int KeywordVersion)> keys, CancellationToken cancellationToken)
    {
        var kept = await db.LearnedKeys
            .Where(k => quizIds.Contains(k.QuizId) && questionIds.Contains(k.QuestionId) && k.KeywordVersion == k.Question.KeywordVersion)
            .AsNoTracking().ToListAsync(cancellationToken);
        if (kept.Count == 0)
            return [];
        var encoded = engine.Encode(kept.SelectMany(k => k.References), cancellationToken);
        return kept.Where(k => keys.ContainsKey(k.QuestionId)).ToDictionary(k => (k.QuizId, k.QuestionId), k =>
        {
            var key = keys[k.QuestionId].Key;
            var meaning = key.Meaning!.WithReferences([.. k.References.Select(r => encoded[r])])
                .WithCalibration(k.CalibrationLogit is { } logit ? new Calibration(logit, k.CalibrationMarks, CalibrationCurve.Default) : null);
            return new LearnedQuestion(key with { Meaning = meaning }, $"{Reason}, with what {Formats.Count(k.Marks, "mark")} taught");
        });
    }

    sealed record LearnedQuestion(PreparedQuestion Question, string Reason);
}
