using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;

namespace QuizPlatform.Web.Features.Taking;

/// <summary>A quiz's rules as they apply to one student: their accommodation is already in the times.</summary>
sealed record QuizRules(
    string Title, DateTime? OpensAt, DateTime? ClosesAt, TimeSpan? TimeLimit, int AttemptsAllowed,
    QuestionSelection Selection, int? RandomCount, bool Shuffle, IReadOnlyList<int> QuestionIds)
{
    public int QuestionCount => Selection == QuestionSelection.RandomPerStudent ? RandomCount ?? 0 : QuestionIds.Count;

    /// <summary>The rules, or null when the quiz is not assigned to a class the student is in.</summary>
    public static async Task<QuizRules?> LoadAsync(QuizDbContext db, string studentId, int quizId, CancellationToken cancellationToken)
    {
        var quiz = await db.Quizzes.AsNoTracking()
            .Where(q => q.Id == quizId && q.Classes.Any(qc => qc.Class.Enrollments.Any(e => e.StudentId == studentId)))
            .Select(q => new
            {
                q.Title, q.OpensAt, q.ClosesAt, q.TimeLimit, q.AttemptsAllowed, q.QuestionSelection, q.RandomCount, q.Shuffle,
                QuestionIds = q.Questions.OrderBy(qq => qq.Position).Select(qq => qq.QuestionId).ToList(),
                Accommodation = q.Accommodations.Where(a => a.StudentId == studentId)
                    .Select(a => new { a.TimeMultiplier, a.ExtendedClosesAt }).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return quiz is null ? null : new QuizRules(quiz.Title, quiz.OpensAt,
            quiz.Accommodation?.ExtendedClosesAt ?? quiz.ClosesAt,
            quiz.TimeLimit * (quiz.Accommodation?.TimeMultiplier ?? 1),
            quiz.AttemptsAllowed, quiz.QuestionSelection, quiz.RandomCount, quiz.Shuffle, quiz.QuestionIds);
    }

    public (StartRefusal, string?) WhyNotStart(int attemptsUsed, DateTime now) =>
        OpensAt > now ? (StartRefusal.NotYetOpen, "This quiz is not open yet.")
        : ClosesAt <= now ? (StartRefusal.Closed, "This quiz has closed.")
        : attemptsUsed >= AttemptsAllowed ? (StartRefusal.NoAttemptsLeft,
            AttemptsAllowed == 1 ? "You have used your attempt at this quiz." : $"You have used all {AttemptsAllowed} attempts at this quiz.")
        : (StartRefusal.None, null);

    /// <summary>The questions of a new attempt in the order the student sees them: drawn and shuffled as the quiz says.</summary>
    public IReadOnlyList<int> DrawQuestions()
    {
        var ids = QuestionIds.ToArray();
        if (Selection == QuestionSelection.RandomPerStudent)
        {
            Random.Shared.Shuffle(ids);
            var drawn = ids[..Math.Min(ids.Length, RandomCount ?? ids.Length)];
            ids = Shuffle ? drawn : [.. QuestionIds.Where(drawn.Contains)];
        }
        else if (Shuffle)
            Random.Shared.Shuffle(ids);
        return ids;
    }
}
