using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Grading;
using QuizPlatform.Grading.Marks;
using QuizPlatform.Web.Features.Grading;

namespace QuizPlatform.Web.Features.Regrading;

/// <summary>A graded answer as a regrade reads it: the stored verdict and what the grader needs to give a new one.</summary>
sealed record StoredAnswer(int GradeId, int QuestionId, string Student, int Attempt, string Text, double Points,
    double Score, double? OverrideScore, string Explanation);

/// <summary>One answer graded again: the stored answer, the grader's new result and its explanation.</summary>
sealed record AnswerRegrade(StoredAnswer Answer, GradeResult Result, GradeExplanation Explanation)
{
    public bool Overridden => Answer.OverrideScore is not null;

    /// <summary>Why the score moved when no keyword flipped says it: "Close to an answer you marked correct".</summary>
    public string? Because { get; init; }

    /// <summary>The counted score after a regrade: an override keeps counting.</summary>
    public double NewCounted => Grade.Counted(Result.Score, Answer.OverrideScore);

    public double OldCounted => Grade.Counted(Answer.Score, Answer.OverrideScore);

    public double Change => NewCounted - OldCounted;

    /// <summary>Whether the counted score changes; sums of weights in floating point differ by less when equal.</summary>
    public bool CountedChanged => Math.Abs(Change) > 1e-9;

    /// <summary>The quizzes whose grades the actor may regrade (<see cref="Actor.Quizzes"/>).</summary>
    public static async Task<IQueryable<Quiz>> RegradableAsync(QuizDbContext db, string actorId, CancellationToken cancellationToken) =>
        (await Actor.LoadAsync(db, actorId, cancellationToken)).Quizzes(db);

    /// <summary>
    /// Grades <paramref name="answers"/> with <paramref name="key"/>, the same grader and explanation as
    /// <see cref="AttemptGrading"/>: preview, apply and the whole-quiz job all give a grade through here, so an apply
    /// stores exactly what its preview showed.
    /// </summary>
    public static List<AnswerRegrade> All(GradingEngine engine, PreparedQuestion key, IReadOnlyList<StoredAnswer> answers, CancellationToken cancellationToken = default)
    {
        var results = engine.Grade([.. answers.Select(a => new ToGrade(key, a.Text, a.Points))], cancellationToken);
        return [.. answers.Select((a, i) => new AnswerRegrade(a, results[i], GradeExplanation.Of(results[i])))];
    }

    /// <summary>Stores the new verdict on the tracked <paramref name="grade"/> (a history row if its score moved; an override stays).</summary>
    public void ApplyTo(Grade grade, int keywordVersion, string? byId, DateTime now, string reason) =>
        grade.Regrade(Result, Explanation.ToJson(), keywordVersion, byId, now, reason);

    /// <summary>
    /// Stores each regrade on its tracked grade in <paramref name="grades"/>; in <see cref="RegradeMode.OnlyIncreases"/>
    /// a grade that would go down keeps its old verdict. How many counted scores went up, down, and were kept.
    /// </summary>
    public static (int Up, int Down, int Kept) ApplyAll(IEnumerable<AnswerRegrade> regrades, IReadOnlyDictionary<int, Grade> grades,
        RegradeMode mode, int keywordVersion, string byId, DateTime now, string reason)
    {
        int up = 0, down = 0, kept = 0;
        foreach (var regrade in regrades)
        {
            if (mode == RegradeMode.OnlyIncreases && regrade.CountedChanged && regrade.Change < 0)
            {
                kept++;
                continue;
            }
            regrade.ApplyTo(grades[regrade.Answer.GradeId], keywordVersion, byId, now, reason);
            if (regrade.CountedChanged && regrade.Change > 0)
                up++;
            else if (regrade.CountedChanged)
                down++;
        }
        return (up, down, kept);
    }

    /// <summary>The graded answers of a quiz, each with its student, attempt and the points the quiz gives its question.</summary>
    public static IQueryable<StoredAnswer> Stored(IQueryable<Grade> grades) =>
        grades.Select(g => new StoredAnswer(g.Id, g.Response.QuestionId,
            ApplicationUser.NameOf(g.Response.Attempt.Student.DisplayName, g.Response.Attempt.Student.Email),
            g.Response.Attempt.Number, g.Response.Text,
            g.Response.Attempt.Quiz.Questions.Where(q => q.QuestionId == g.Response.QuestionId).Select(q => q.Points).FirstOrDefault(),
            g.Score, g.OverrideScore, g.Explanation));

    /// <summary>The instructor's marks (<see cref="Grade.InstructorMark"/>) on the quiz's answers to the question, as shares of the points.</summary>
    public static async Task<List<(int GradeId, HumanMark Mark)>> MarksAsync(QuizDbContext db, int quizId, int questionId,
        CancellationToken cancellationToken) =>
        [.. (await OfQuestion(db, quizId, questionId).AsNoTracking()
                .Where(g => (g.OverrideScore != null || g.ReviewedAt != null) && g.MaxPoints > 0)
                .Select(g => new { g.Id, g.Response.Text, g.Score, g.OverrideScore, g.ReviewedAt, g.MaxPoints })
                .ToListAsync(cancellationToken))
            .Select(g => (g.Id, new HumanMark(g.Text, Grade.InstructorMark(g.Score, g.OverrideScore, g.ReviewedAt)!.Value / g.MaxPoints)))];

    /// <summary>The grades of <paramref name="quizId"/>'s answers to <paramref name="questionId"/>.</summary>
    public static IQueryable<Grade> OfQuestion(QuizDbContext db, int quizId, int questionId) =>
        db.Grades.Where(g => g.Response.QuestionId == questionId && g.Response.Attempt.QuizId == quizId);
}
