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
    public async Task<int> GradeAsync(int attemptId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var responses = await db.Responses
            .Where(r => r.AttemptId == attemptId && r.Attempt.SubmittedAt != null && r.Grade == null)
            .Select(r => new
            {
                r.Id, r.Text, r.QuestionId, r.Attempt.QuizId, r.Attempt.SubmittedAt,
                Points = r.Attempt.Quiz.Questions.Where(q => q.QuestionId == r.QuestionId).Select(q => q.Points).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        if (responses.Count == 0)
            return 0;
        // Each question's prompt and keywords read once, not joined onto every response: that join repeated each
        // answer's text once per keyword, ~750 wide rows per attempt (docs/benchmarks.md, "Deadline rush").
        var questionIds = responses.Select(r => r.QuestionId).Distinct().ToList();
        var questions = await db.Questions.Where(q => questionIds.Contains(q.Id)).SelectKeys().ToListAsync(cancellationToken);
        var keysByQuestion = questions.ToDictionary(q => q.QuestionId, q => (Key: engine.KeywordKeyFor(q), q.KeywordVersion));
        var results = engine.Grade([.. responses.Select(r => new ToGrade(keysByQuestion[r.QuestionId].Key, r.Text, r.Points))], cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
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
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another worker graded the same attempt at the same moment (unique index on the response): fine if so.
            if (await AllGradedAsync(attemptId, cancellationToken))
                return 0;
            throw;
        }
        metrics.Graded(responses.Count, now - responses[0].SubmittedAt!.Value);
        activity.Publish(responses[0].QuizId);
        if (engine.UsesMeaning)
            meaning.Wake();
        return responses.Count;
    }

    async Task<bool> AllGradedAsync(int attemptId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return !await db.Responses.AnyAsync(r => r.AttemptId == attemptId && r.Grade == null, cancellationToken);
    }
}
