using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Grading;
using QuizPlatform.Web.Features.Observability;
using QuizPlatform.Web.Features.QuizResults;

namespace QuizPlatform.Web.Features.Grading;

/// <summary>
/// Grades a submitted attempt with the grading engine and each question's stored keywords (extracted at import, or
/// as an instructor edited them), storing score, explanation and grader version. Responses graded already are left.
/// Keywords only, so the score is there at once; with <see cref="GradingEngine.UsesMeaning"/> the grades are marked
/// pending and <see cref="MeaningGrading"/> follows with the meaning pass.
/// </summary>
public sealed class AttemptGrading(IDbContextFactory<QuizDbContext> dbFactory, TimeProvider clock, QuizActivity activity,
    GradingEngine engine, MeaningGrading meaning, QuizMetrics metrics)
{
    /// <summary>Grades what is ungraded in the attempt; returns how many responses it graded.</summary>
    public Task<int> GradeAsync(int attemptId, CancellationToken cancellationToken = default) =>
        GradeAsync([attemptId], cancellationToken);

    /// <summary>
    /// Grades what is ungraded in the handed-in attempts, in one SaveChanges that also marks them graded (and ends
    /// their lease); returns how many responses it graded. If another worker stored a grade of one of them meanwhile
    /// (a lease that ran out), each attempt is graded on its own, so the others are not held back.
    /// </summary>
    public async Task<int> GradeAsync(IReadOnlyCollection<int> attemptIds, CancellationToken cancellationToken = default)
    {
        try
        {
            return await GradeTogetherAsync(attemptIds, cancellationToken);
        }
        catch (DbUpdateException) when (attemptIds.Count > 1)
        {
            var graded = 0;
            foreach (var attemptId in attemptIds)
                graded += await GradeAsync(attemptId, cancellationToken);
            return graded;
        }
        catch (DbUpdateException)
        {
            // Another worker graded the same attempt at the same moment (unique index on the response): fine if so.
            if (await AllGradedAsync(attemptIds.Single(), cancellationToken))
                return 0;
            throw;
        }
    }

    async Task<int> GradeTogetherAsync(IReadOnlyCollection<int> attemptIds, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var attempts = await db.Attempts.Where(a => attemptIds.Contains(a.Id) && a.SubmittedAt != null).ToListAsync(cancellationToken);
        var responses = await db.Responses
            .Where(r => attemptIds.Contains(r.AttemptId) && r.Attempt.SubmittedAt != null && r.Grade == null)
            .Select(r => new Ungraded(r.Id, r.AttemptId, r.Text, r.QuestionId,
                r.Attempt.Quiz.Questions.Where(q => q.QuestionId == r.QuestionId).Select(q => q.Points).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var attempt in attempts)
            (attempt.GradedAt, attempt.GradingLeaseUntil) = (now, null);
        if (responses.Count > 0)
            await AddGradesAsync(db, responses, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var attempt in attempts)
            metrics.Graded(responses.Count(r => r.AttemptId == attempt.Id), now - attempt.SubmittedAt!.Value);
        foreach (var quizId in attempts.Select(a => a.QuizId).Distinct())
            activity.Publish(quizId);
        if (engine.UsesMeaning && responses.Count > 0)
            meaning.Wake();
        return responses.Count;
    }

    sealed record Ungraded(int Id, int AttemptId, string Text, int QuestionId, double Points);

    async Task AddGradesAsync(QuizDbContext db, List<Ungraded> responses, DateTime now, CancellationToken cancellationToken)
    {
        // Each question's prompt and keywords read once, not joined onto every response: that join repeated each
        // answer's text once per keyword, ~750 wide rows per attempt (docs/benchmarks.md, "Deadline rush").
        var questionIds = responses.Select(r => r.QuestionId).Distinct().ToList();
        // With every question of their assignments: an answer to another of them is flagged.
        var assignments = await db.Questions.SelectAssignmentKeys(questionIds).ToListAsync(cancellationToken);
        var keys = engine.KeysAmong(assignments, questionIds, withMeaning: false);
        var keysByQuestion = assignments.Where(q => keys.ContainsKey(q.QuestionId))
            .ToDictionary(q => q.QuestionId, q => (Key: keys[q.QuestionId], q.KeywordVersion));
        var results = engine.Grade([.. responses.Select(r => new ToGrade(keysByQuestion[r.QuestionId].Key, r.Text, r.Points))], cancellationToken);
        for (var i = 0; i < responses.Count; i++)
        {
            var (response, result) = (responses[i], results[i]);
            db.Grades.Add(new Grade
            {
                ResponseId = response.Id, Score = result.Score, MaxPoints = result.Points, Coverage = result.Coverage,
                Explanation = GradeExplanation.Of(result).ToJson(), Flags = result.Flags,
                KeywordHits = KeywordHits.Encode(result.Keywords), GraderVersion = result.GraderVersion,
                KeywordVersion = keysByQuestion[response.QuestionId].KeywordVersion, GradedAt = now,
                // An empty answer's 0 is final: no meaning check to wait for.
                MeaningPending = engine.UsesMeaning && !string.IsNullOrWhiteSpace(response.Text),
            });
        }
    }

    async Task<bool> AllGradedAsync(int attemptId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return !await db.Responses.AnyAsync(r => r.AttemptId == attemptId && r.Grade == null, cancellationToken);
    }
}
