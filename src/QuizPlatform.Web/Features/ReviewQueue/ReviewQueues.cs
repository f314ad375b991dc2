using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Grading;
using QuizPlatform.Web.Features.Grading;
using QuizPlatform.Web.Features.Marking;
using QuizPlatform.Web.Features.QuizResults;

namespace QuizPlatform.Web.Features.ReviewQueue;

/// <summary>
/// A quiz's review queue for its owner and admins (anyone else gets null, as for a quiz that does not exist): the
/// answers <see cref="QueueEntries"/> selects that no instructor has reviewed yet, in the stable random order, one at
/// a time. The next answer costs the entries query and one answer's row, whatever the class size.
/// </summary>
public sealed class ReviewQueues(IDbContextFactory<QuizDbContext> dbFactory)
{
    /// <summary>
    /// The figures and the next answer to review. <paramref name="skipped"/> are grades skipped this session, oldest
    /// first: they come after every other answer, in the order they were skipped.
    /// </summary>
    public async Task<ReviewQueueView?> NextAsync(string actorId, int quizId, IReadOnlyList<int> skipped, bool hideNames,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await QuizAsync(db, actorId, quizId, cancellationToken) is not { } quiz)
            return null;
        var entries = await QueueEntries.AllAsync(db, quizId, quiz.SpotCheckShare, cancellationToken);
        var left = entries.Where(e => !e.Reviewed).ToList();
        var skippedAt = skipped.Select((id, at) => (id, at)).DistinctBy(x => x.id).ToDictionary(x => x.id, x => x.at);
        var next = left.FirstOrDefault(e => !skippedAt.ContainsKey(e.GradeId))
            ?? left.OrderBy(e => skippedAt[e.GradeId]).FirstOrDefault();
        var item = next is null ? null : await ItemAsync(db, quizId, next, hideNames, cancellationToken);
        return new ReviewQueueView(quizId, quiz.Title, QueueCounts.Of(entries), item);
    }

    /// <summary>The queue's figures alone, for the results pages' link to it.</summary>
    public async Task<QueueCounts?> CountsAsync(string actorId, int quizId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await QuizAsync(db, actorId, quizId, cancellationToken) is not { } quiz)
            return null;
        return QueueCounts.Of(await QueueEntries.AllAsync(db, quizId, quiz.SpotCheckShare, cancellationToken));
    }

    sealed record QueueQuiz(string Title, double SpotCheckShare);

    static async Task<QueueQuiz?> QuizAsync(QuizDbContext db, string actorId, int quizId, CancellationToken cancellationToken)
    {
        // Not "EnsureTeaches": a student or a stranger to the quiz gets the same "nothing here" as a guessed id.
        var actor = await Actor.LoadAsync(db, actorId, cancellationToken);
        return await actor.Quizzes(db).AsNoTracking().Where(q => q.Id == quizId)
            .Select(q => new QueueQuiz(q.Title, q.SpotCheckShare)).SingleOrDefaultAsync(cancellationToken);
    }

    static async Task<QueueItem> ItemAsync(QuizDbContext db, int quizId, QueueEntry entry, bool hideNames, CancellationToken cancellationToken)
    {
        var row = await db.Grades.AsNoTracking().Where(g => g.Id == entry.GradeId)
            .Select(g => new
            {
                g.Coverage, g.Flags, g.GraderVersion, g.KeywordHits, g.Explanation,
                g.Response.AttemptId, g.Response.Attempt.StudentId, g.Response.Attempt.Student.DisplayName, g.Response.Attempt.Student.Email,
                g.Response.QuestionId, g.Response.Question.Prompt, g.Response.Question.ModelAnswer, g.Response.Text,
                QuizQuestion = g.Response.Attempt.Quiz.Questions.Where(q => q.QuestionId == g.Response.QuestionId)
                    .Select(q => new { q.Points, Index = q.Quiz.Questions.Count(x => x.Position < q.Position) }).FirstOrDefault(),
                QuizNumbers = g.Response.Attempt.Quiz.Questions.OrderBy(q => q.Position).Select(q => q.Question.Number).ToList(),
            })
            .SingleAsync(cancellationToken);
        var student = hideNames
            ? $"Student {await StudentNumberAsync(db, quizId, row.StudentId, cancellationToken)}"
            : ApplicationUser.NameOf(row.DisplayName, row.Email);
        var state = await GradeState.Of(db.Grades.Where(g => g.Id == entry.GradeId)).SingleAsync(cancellationToken);
        var explanation = GradeExplanation.Parse(row.Explanation);
        var grade = new ReviewedGrade(state, row.Coverage, row.Flags, row.GraderVersion, row.KeywordHits, explanation.Keywords)
        {
            OtherQuestion = QuizResults.FlagWords.OtherQuestion(explanation.OtherQuestionNumber, row.QuizNumbers),
        };
        return new QueueItem(entry.GradeId, state.Revision, entry.Reason, student, row.AttemptId, row.QuestionId,
            row.QuizQuestion is null ? "A question no longer in the quiz" : $"Question {row.QuizQuestion.Index + 1}",
            row.Prompt, row.ModelAnswer, row.QuizQuestion?.Points ?? 0, row.Text, grade);
    }

    /// <summary>
    /// The student's number in the quiz when names are hidden: the quiz's students in a stable shuffle (by their first
    /// attempt), so the number says nothing about names, hand-in order or the class list, and is the same on every visit.
    /// </summary>
    static async Task<int> StudentNumberAsync(QuizDbContext db, int quizId, string studentId, CancellationToken cancellationToken)
    {
        var students = await db.Attempts.AsNoTracking().Where(a => a.QuizId == quizId)
            .GroupBy(a => a.StudentId).Select(g => new { StudentId = g.Key, First = g.Min(a => a.Id) })
            .ToListAsync(cancellationToken);
        return students.OrderBy(s => ReviewSelection.Order(quizId, s.First)).ToList().FindIndex(s => s.StudentId == studentId) + 1;
    }
}
