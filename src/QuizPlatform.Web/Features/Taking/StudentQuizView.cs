using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Grading.Statistics;
using QuizPlatform.Web.Features.ReviewQueue;

namespace QuizPlatform.Web.Features.Taking;

/// <summary>
/// A quiz as one student sees it: their accommodation applied (<see cref="ClosesAt"/> is their close time;
/// <see cref="TimeLimit"/> their stretched limit), their attempts, and what its review policy shows them. Loaded once
/// per request by <see cref="LoadAsync"/> (one quiz) or <see cref="ListAsync"/> (the student home), and the one place
/// the start page, the attempt service, the home page and the results page read these rules from.
/// <see cref="ScoresHeld"/>: the quiz holds scores until its review queue is empty, and answers still wait in it.
/// </summary>
public sealed record StudentQuizView(
    int QuizId,
    string Title,
    bool AssignedToStudent,
    IReadOnlyList<string> ClassNames,
    int QuestionCount,
    DateTime? OpensAt,
    DateTime? ClosesAt,
    TimeSpan? BaseTimeLimit,
    double TimeMultiplier,
    TimeSpan Grace,
    int AttemptsAllowed,
    CountedAttempt CountedAttempt,
    ReviewVisibility ShowScore,
    ReviewVisibility ShowKeywordFeedback,
    ReviewVisibility ShowModelAnswer,
    bool ShowMissingKeywordsWhileAttemptsRemain,
    bool HoldScoresUntilReviewed,
    double SpotCheckShare,
    IReadOnlyList<StudentAttempt> Attempts)
{
    public bool ScoresHeld { get; init; }

    /// <summary>The time limit this student gets: the quiz's, times their multiplier.</summary>
    public TimeSpan? TimeLimit => AttemptTimes.StretchedLimit(BaseTimeLimit, TimeMultiplier);

    public int AttemptsUsed => Attempts.Count;
    public int AttemptsLeft => Math.Max(0, AttemptsAllowed - AttemptsUsed);

    public bool Opened(DateTime now) => OpensAt is null || OpensAt <= now;

    /// <summary>Closed for this student: their close time has passed. A quiz without a close time never closes.</summary>
    public bool Closed(DateTime now) => ClosesAt is { } closes && closes <= now;

    /// <summary>
    /// What the review policy shows now. Missing keywords are held while this student may still answer: before the
    /// quiz closes for them, with an attempt left to start or one in progress (during the last attempt, the first
    /// one's missing keywords would be its key), unless the quiz's option shows them anyway.
    /// </summary>
    public ReviewPolicy Review(DateTime now) => new(ShowScore, ShowKeywordFeedback, ShowModelAnswer, Closed(now), ScoresHeld,
        MissingKeywordsHeld: !ShowMissingKeywordsWhileAttemptsRemain && !Closed(now) && (AttemptsLeft > 0 || InProgress(now) is not null));

    /// <summary>The deadline of an attempt started at <paramref name="startedAt"/> (see <see cref="AttemptTimes.Deadline"/>).</summary>
    public DateTime? DeadlineFor(DateTime startedAt) => AttemptTimes.Deadline(startedAt, BaseTimeLimit, TimeMultiplier, ClosesAt);

    public StudentAttempt? InProgress(DateTime now) => Attempts.FirstOrDefault(a => a.InProgress(now));

    public StudentAttempt? LastHandedIn(DateTime now) => Attempts.LastOrDefault(a => a.HandedIn(now));

    /// <summary>The handed-in attempt whose score counts, by the quiz's rule (last, highest or first), as instructors see it.</summary>
    public StudentAttempt? Counted(DateTime now) =>
        CountedAttempts.Pick(CountedAttempt, Attempts.Where(a => a.HandedIn(now)), a => a.Number, a => a.Graded ? a.Score : null);

    /// <summary>Why a new attempt may not start now (<see cref="StartRefusal.None"/> if it may), with a sentence for the student.</summary>
    public (StartRefusal, string?) WhyNotStart(DateTime now) =>
        !Opened(now) ? (StartRefusal.NotYetOpen, "This quiz is not open yet.")
        : Closed(now) ? (StartRefusal.Closed, "This quiz has closed.")
        : AttemptsLeft == 0 ? (StartRefusal.NoAttemptsLeft,
            AttemptsAllowed == 1 ? "You have used your attempt at this quiz." : $"You have used all {AttemptsAllowed} attempts at this quiz.")
        : (StartRefusal.None, null);

    /// <summary>One quiz as <paramref name="studentId"/> sees it, whether or not it is (still) assigned to them; null if there is none.</summary>
    public static async Task<StudentQuizView?> LoadAsync(QuizDbContext db, string studentId, int quizId, CancellationToken cancellationToken) =>
        await Query(db, studentId, db.Quizzes.Where(q => q.Id == quizId)).SingleOrDefaultAsync(cancellationToken) is { } quiz
            ? await WithHoldAsync(db, quiz, cancellationToken)
            : null;

    /// <summary>Every quiz assigned to a class <paramref name="studentId"/> is enrolled in, in one query (and one per held quiz).</summary>
    public static async Task<List<StudentQuizView>> ListAsync(QuizDbContext db, string studentId, CancellationToken cancellationToken)
    {
        var quizzes = await Query(db, studentId, db.Quizzes.Where(q => q.Classes.Any(qc => qc.Class.Enrollments.Any(e => e.StudentId == studentId))))
            .ToListAsync(cancellationToken);
        for (var i = 0; i < quizzes.Count; i++)
            quizzes[i] = await WithHoldAsync(db, quizzes[i], cancellationToken);
        return quizzes;
    }

    /// <summary>A held quiz's scores stay hidden while its review queue has answers left; only a student with a handed-in attempt asks.</summary>
    static async Task<StudentQuizView> WithHoldAsync(QuizDbContext db, StudentQuizView quiz, CancellationToken cancellationToken) =>
        quiz.HoldScoresUntilReviewed && quiz.Attempts.Any(a => a.SubmittedAt is not null)
            ? quiz with { ScoresHeld = await QueueEntries.AnyLeftAsync(db, quiz.QuizId, quiz.SpotCheckShare, cancellationToken) }
            : quiz;

    static IQueryable<StudentQuizView> Query(QuizDbContext db, string studentId, IQueryable<Quiz> quizzes) =>
        quizzes.AsNoTracking().AsSplitQuery().Select(q => new StudentQuizView(
            q.Id, q.Title,
            q.Classes.Any(qc => qc.Class.Enrollments.Any(e => e.StudentId == studentId)),
            q.Classes.Where(qc => qc.Class.Enrollments.Any(e => e.StudentId == studentId)).Select(qc => qc.Class.Name).ToList(),
            q.QuestionSelection == QuestionSelection.RandomPerStudent ? q.RandomCount ?? 0 : q.Questions.Count(),
            q.OpensAt,
            q.Accommodations.Where(a => a.StudentId == studentId).Select(a => a.ExtendedClosesAt).FirstOrDefault() ?? q.ClosesAt,
            q.TimeLimit,
            q.Accommodations.Where(a => a.StudentId == studentId).Select(a => (double?)a.TimeMultiplier).FirstOrDefault() ?? 1,
            q.Grace, q.AttemptsAllowed, q.CountedAttempt, q.ShowScore, q.ShowKeywordFeedback, q.ShowModelAnswer,
            q.ShowMissingKeywordsWhileAttemptsRemain, q.HoldScoresUntilReviewed, q.SpotCheckShare,
            db.Attempts.Where(a => a.QuizId == q.Id && a.StudentId == studentId).OrderBy(a => a.Number)
                .Select(a => new StudentAttempt(a.Id, a.Number, a.Deadline, a.SubmittedAt,
                    a.Responses.Select(r => r.Grade == null ? null : new GradeFigures(r.Grade.Score, r.Grade.OverrideScore, r.Grade.MaxPoints,
                        r.Grade.Flags, r.Grade.ReviewedAt))
                        .ToList()))
                .ToList()));
}
