using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Grading;
using QuizPlatform.Web.Features.Grading;
using QuizPlatform.Web.Features.Marking;
using QuizPlatform.Web.Features.StudentResults;

namespace QuizPlatform.Web.Features.QuizResults;

/// <summary>
/// Students' answers as their instructor reads them, whatever the students' own review policy: one attempt whole, or
/// every counted answer to one question. Owner and admins only; anyone else gets null, as for what does not exist.
/// </summary>
public sealed class AnswerReview(IDbContextFactory<QuizDbContext> dbFactory, QuizResults results)
{
    /// <summary>The attempt with every answer explained, and the students before and after it in the dashboard's order.</summary>
    public async Task<AttemptReview?> AttemptAsync(string actorId, int quizId, int attemptId, int? classId = null,
        CancellationToken cancellationToken = default)
    {
        var students = await results.LoadAsync(actorId, quizId, classId, ResultsDetail.Students, cancellationToken);
        if (students is null)
            return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var attempt = await db.Attempts.AsNoTracking()
            .Where(a => a.Id == attemptId && a.QuizId == quizId)
            .Select(a => new { a.StudentId, a.Number, a.StartedAt, a.SubmittedAt, a.SubmittedBy })
            .SingleOrDefaultAsync(cancellationToken);
        if (attempt is null)
            return null;
        var answers = await Answers(db, quizId).Where(r => r.AttemptId == attemptId).OrderBy(r => r.Position)
            .Select(ToRow).ToListAsync(cancellationToken);
        var history = await GradeMarks.HistoriesAsync(db.GradeChanges.Where(c => c.Grade.Response.AttemptId == attemptId), cancellationToken);

        var attemptNumbers = answers.Select(a => a.Number).ToList();
        var order = students.Students.Where(s => s.AttemptId is not null).ToList();
        var at = order.FindIndex(s => s.StudentId == attempt.StudentId);
        var student = students.Students.FirstOrDefault(s => s.StudentId == attempt.StudentId);
        return new AttemptReview(students, student, attempt.Number, attempt.StartedAt, attempt.SubmittedAt, attempt.SubmittedBy,
            at > 0 ? order[at - 1] : null, at >= 0 && at < order.Count - 1 ? order[at + 1] : null,
            [.. answers.Select((row, i) => row.Explain(i + 1, attemptNumbers, history))]);
    }

    /// <summary>Every counted attempt's answer to one question of the quiz.</summary>
    public async Task<QuestionReview?> QuestionAsync(string actorId, int quizId, int questionId, int? classId = null,
        CancellationToken cancellationToken = default)
    {
        var students = await results.LoadAsync(actorId, quizId, classId, ResultsDetail.Students, cancellationToken);
        if (students?.Questions.FirstOrDefault(q => q.QuestionId == questionId) is not { } question)
            return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var modelAnswer = await db.Questions.Where(q => q.Id == questionId).Select(q => q.ModelAnswer).SingleAsync(cancellationToken);
        var quizNumbers = students.Questions.Select(q => q.Number).ToList();
        var counted = students.Students.Where(s => s.CountedAttemptId is not null).ToDictionary(s => s.CountedAttemptId!.Value);
        var attemptIds = counted.Keys.ToList();
        var rows = await Answers(db, quizId).Where(r => r.QuestionId == questionId && attemptIds.Contains(r.AttemptId))
            .Select(ToRow).ToListAsync(cancellationToken);
        return new QuestionReview(students, question, modelAnswer,
            [.. rows.Select(row => new StudentAnswer(counted[row.AttemptId], row.Explain(question.Index + 1, quizNumbers)) { AttemptOrder = row.AttemptOrder })]);
    }

    static IQueryable<Data.Entities.Response> Answers(QuizDbContext db, int quizId) =>
        db.Responses.AsNoTracking().Where(r => r.Attempt.QuizId == quizId);

    static readonly System.Linq.Expressions.Expression<Func<Data.Entities.Response, AnswerRow>> ToRow = r => new AnswerRow(
        r.AttemptId, r.Attempt.Responses.Count(o => o.Position < r.Position) + 1, r.QuestionId, r.Question.Number, r.Question.Prompt,
        r.Attempt.Quiz.Questions.Where(q => q.QuestionId == r.QuestionId).Select(q => q.Points).FirstOrDefault(), r.Text,
        r.Grade == null ? null : new GradeRow(
            new GradeState(r.Grade.Id, r.Grade.Revision, r.Grade.Score, r.Grade.OverrideScore, r.Grade.OverrideReason,
                r.Grade.OverrideReasonShown, r.Grade.MaxPoints, r.Grade.ReviewedAt, r.Grade.ReviewedBy == null ? null : r.Grade.ReviewedBy.DisplayName),
            r.Grade.Coverage, r.Grade.Flags, r.Grade.GraderVersion, r.Grade.KeywordHits, r.Grade.Explanation, r.Grade.MeaningPending));

    sealed record GradeRow(GradeState State, double Coverage, GradeFlags Flags, string GraderVersion, string? KeywordHits, string Explanation,
        bool MeaningPending);

    /// <param name="AttemptOrder">Its place in the attempt, from 1, as the attempt's page numbers it.</param>
    sealed record AnswerRow(int AttemptId, int AttemptOrder, int QuestionId, int Number, string Prompt, double Points, string Text, GradeRow? Grade)
    {
        /// <param name="shown">How the page numbers its questions: their numbers in the assignment, in its order.</param>
        public ReviewedAnswer Explain(int order, IReadOnlyList<int> shown, ILookup<int, GradeChangeRow>? history = null)
        {
            if (Grade is null)
                return new(order, QuestionId, Number, Prompt, Points, Text, null);
            var explanation = GradeExplanation.Parse(Grade.Explanation);
            return new(order, QuestionId, Number, Prompt, Points, Text, new ReviewedGrade(Grade.State, Grade.Coverage, Grade.Flags,
                Grade.GraderVersion, Grade.KeywordHits, explanation.Keywords)
            {
                History = [.. history?[Grade.State.GradeId] ?? []],
                ScoredBy = FeedbackWords.Basis(explanation, Grade.MeaningPending, toInstructor: true),
                OtherQuestion = FlagWords.OtherQuestion(explanation.OtherQuestionNumber, shown),
            });
        }
    }
}
