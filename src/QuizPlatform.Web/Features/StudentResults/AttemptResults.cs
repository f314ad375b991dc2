using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Grading;
using QuizPlatform.Web.Features.Taking;

namespace QuizPlatform.Web.Features.StudentResults;

/// <summary>A student's results for one attempt, cut to what the quiz's review policy shows at this moment.</summary>
public sealed class AttemptResults(IDbContextFactory<QuizDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>
    /// The attempt's results; null when it is not this student's (someone else's looks like none at all). Throws
    /// <see cref="UnauthorizedAccessException"/> unless <paramref name="studentId"/> is an active student.
    /// </summary>
    public async Task<AttemptResult?> LoadAsync(string studentId, int attemptId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var attempt = await Actor.AttemptsOfStudent(db, studentId).AsNoTracking().Where(a => a.Id == attemptId)
            .Select(a => new { a.QuizId, a.Number, a.Deadline, a.SubmittedAt, a.SubmittedBy })
            .SingleOrDefaultAsync(cancellationToken);
        if (attempt is null)
        {
            (await Actor.LoadAsync(db, studentId, cancellationToken)).EnsureStudent();
            return null;
        }
        var quiz = (await StudentQuizView.LoadAsync(db, studentId, attempt.QuizId, cancellationToken))!;
        // Before the answers: a stage read first can only be behind what they show, and the page then checks again.
        var stage = await db.Attempts.Where(a => a.Id == attemptId).Select(Stage).SingleAsync(cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var review = quiz.Review(now);
        var submitted = attempt.SubmittedAt is not null;
        var showModelAnswer = submitted && review.ShowsModelAnswer;
        var responses = await db.Responses.AsNoTracking()
            .Where(r => r.AttemptId == attemptId)
            .OrderBy(r => r.Position)
            .Select(r => new
            {
                r.Question.Number, r.Question.Prompt, r.Text,
                ModelAnswer = showModelAnswer ? r.Question.ModelAnswer : null,
                Points = r.Attempt.Quiz.Questions.Where(q => q.QuestionId == r.QuestionId).Select(q => q.Points).FirstOrDefault(),
                Grade = r.Grade == null ? null : new
                {
                    Figures = new GradeFigures(r.Grade.Score, r.Grade.OverrideScore, r.Grade.MaxPoints, r.Grade.Flags, r.Grade.ReviewedAt),
                    r.Grade.Explanation,
                    r.Grade.MeaningPending,
                    ShownReason = r.Grade.OverrideReasonShown ? r.Grade.OverrideReason : null,
                },
            })
            .ToListAsync(cancellationToken);

        // Grades only exist for handed-in attempts; checking anyway keeps a half-written row from showing early.
        var attemptNumbers = responses.Select(r => r.Number).ToList();
        var questions = responses.Select((r, index) =>
        {
            var grade = submitted ? r.Grade : null;
            var explanation = grade is null ? null : GradeExplanation.Parse(grade.Explanation);
            var feedback = explanation is null ? null : KeywordFeedback.Of(explanation, review, attemptNumbers);
            var overridden = grade?.Figures.OverrideScore is not null && review.ShowsScore;
            return new ResultQuestion(index + 1, r.Number, r.Prompt, r.Points, r.Text, grade is not null,
                grade is not null && review.ShowsScore ? grade.Figures.CountedScore : null,
                overridden, feedback, r.ModelAnswer, grade?.Figures.Review ?? InstructorReview.None,
                overridden ? grade!.ShownReason : null,
                overridden ? FeedbackWords.SetByInstructor
                    : explanation is not null && review.ShowsScore ? FeedbackWords.Basis(explanation, grade!.MeaningPending) : null);
        }).ToList();
        var gradingComplete = submitted && questions.All(q => q.Graded);
        return new AttemptResult(attemptId, attempt.QuizId, quiz.Title, attempt.Number, attempt.SubmittedAt,
            attempt.SubmittedBy, TimeUp: !submitted && !AttemptTimes.AcceptsSaves(attempt.Deadline, quiz.Grace, now),
            gradingComplete, stage, quiz.ClosesAt, review,
            gradingComplete && review.ShowsScore ? questions.Sum(q => q.Score ?? 0) : null,
            questions.Sum(q => q.Points), questions);
    }

    /// <summary>
    /// How far grading has come with the attempt (what the results page waits for); null when it is not this
    /// student's. Throws <see cref="UnauthorizedAccessException"/> unless <paramref name="studentId"/> is an active student.
    /// </summary>
    public async Task<GradingStage?> StageAsync(string studentId, int attemptId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stage = await Actor.AttemptsOfStudent(db, studentId).Where(a => a.Id == attemptId).Select(Stage)
            .Select(s => (GradingStage?)s).SingleOrDefaultAsync(cancellationToken);
        if (stage is null)
            (await Actor.LoadAsync(db, studentId, cancellationToken)).EnsureStudent();
        return stage;
    }

    static readonly Expression<Func<Attempt, GradingStage>> Stage = a =>
        a.SubmittedAt == null ? GradingStage.NotHandedIn
        : a.Responses.Any(r => r.Grade == null) ? GradingStage.Grading
        : a.Responses.Any(r => r.Grade!.MeaningPending) ? GradingStage.Meaning
        : GradingStage.Done;
}
