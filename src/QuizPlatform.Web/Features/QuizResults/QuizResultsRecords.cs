using QuizPlatform.Data.Entities;
using QuizPlatform.Grading;
using QuizPlatform.Grading.Statistics;

namespace QuizPlatform.Web.Features.QuizResults;

/// <summary>
/// How much a results page loads beyond the students: <see cref="Scores"/> for summaries and question statistics,
/// <see cref="Keywords"/> for concept hit rates too (each answer's keyword record).
/// </summary>
public enum ResultsDetail { Students, Scores, Keywords }

/// <summary>Where a student stands in a quiz: the dashboard's status column and filter.</summary>
public enum StudentStatus { NotStarted, InProgress, HandedIn, Graded }

/// <summary>A question of the quiz as results show it: <see cref="Index"/> is its place in the quiz (0-based).</summary>
public sealed record ResultsQuestion(int Index, int QuestionId, int Number, double Points, string Prompt, IReadOnlyList<Keyword> Keywords)
{
    public string Label => $"Q{Index + 1}";
}

public sealed record ResultsClass(int Id, string Name);

/// <summary>
/// One student of the quiz's classes (or with an attempt at it). <see cref="AttemptId"/> is the attempt to open (the
/// one in progress, else the one that counts under the quiz's <see cref="CountedAttempt"/> rule);
/// <see cref="CountedAttemptId"/> is the handed-in attempt that counts, and <see cref="Score"/> its total once every
/// answer is graded, overrides included, even while the student sits another attempt.
/// </summary>
public sealed record StudentResult(
    string StudentId, string Name, string Email, IReadOnlyList<string> Classes, StudentStatus Status, int AttemptsUsed,
    int? AttemptId, int? CountedAttemptId, DateTime? StartedAt, DateTime? HandedInAt, SubmittedBy? HandedInBy, TimeSpan? TimeUsed,
    double? Score, double? MaxPoints, int FlaggedAnswers, int OverriddenAnswers)
{
    public const string NotInClasses = "No longer in the quiz's classes";

    /// <summary>
    /// An admin deactivated the account (it cannot sign in): its attempts and grades count as before, and the
    /// instructor is told, as they are still answerable for the grade.
    /// </summary>
    public bool Deactivated { get; init; }

    public double? Percent => Score is { } score && MaxPoints is > 0 ? 100 * score / MaxPoints.Value : null;

    /// <summary>The quiz's classes the student is in, in words; <see cref="NotInClasses"/> once moved or taken out of them.</summary>
    public string ClassesText => Classes.Count == 0 ? NotInClasses : string.Join(", ", Classes);

    /// <summary>
    /// The name as a list of answers heads it, with a deactivated account and a student no longer in the quiz's
    /// classes said, as the dashboard's row says them.
    /// </summary>
    public string NameAndAccount => (Deactivated, Classes.Count == 0) switch
    {
        (true, true) => $"{Name} (account deactivated; {NotInClasses.ToLowerInvariant()})",
        (true, false) => $"{Name} (account deactivated)",
        (false, true) => $"{Name} ({NotInClasses.ToLowerInvariant()})",
        _ => Name,
    };

    /// <summary>The counted attempt once it is fully graded: the one the statistics use.</summary>
    public int? GradedAttemptId => Score is null ? null : CountedAttemptId;
}

/// <summary>
/// The dashboard's counts. Students are counted once, by <see cref="StudentResult.Status"/>; hand-ins by who handed
/// in the counted attempt; answers flagged (<see cref="ReviewFlags"/>, not yet reviewed) and overridden over the
/// counted attempts. <see cref="NoLongerEnrolled"/> are the students with an attempt who are in none of the quiz's
/// classes now (taken out of one, moved to another): counted by status, not among the enrolled.
/// </summary>
public sealed record ResultCounts(
    int Enrolled, int NotStarted, int InProgress, int HandedIn, int HandedInByStudent, int HandedInByTimer, int Graded,
    int FlaggedAnswers, int OverriddenAnswers, int NoLongerEnrolled = 0)
{
    /// <summary>Who handed in: "2 by the student, 1 by the timer", "all by the student"; null when none did.</summary>
    public string? HandedInBy => (HandedInByStudent, HandedInByTimer) switch
    {
        (0, 0) => null,
        (_, 0) => HandedIn == 1 ? "by the student" : "all by the student",
        (0, _) => HandedIn == 1 ? "by the timer" : "all by the timer",
        var (student, timer) => $"{student} by the student, {timer} by the timer",
    };
}

/// <summary>
/// A quiz's results for its instructor, for one class or all: every student's counted attempt, and the graded ones
/// as a <see cref="GradedQuiz"/> (in the order of <see cref="GradedStudents"/>) for the statistics. <see cref="ClassId"/>
/// is the class filter in force (null: all the quiz's classes).
/// </summary>
public sealed record QuizResultsData(
    int QuizId, string Title, CountedAttempt Rule, bool Open, IReadOnlyList<ResultsClass> Classes, int? ClassId,
    IReadOnlyList<ResultsQuestion> Questions, IReadOnlyList<StudentResult> Students, ResultCounts Counts,
    GradedQuiz Graded, IReadOnlyList<StudentResult> GradedStudents, DateTime LoadedAt)
{
    /// <summary>The same without the graded answers, for what a page hands over once it has worked out its figures.</summary>
    public QuizResultsData WithoutGrades() => this with { Graded = new GradedQuiz([], []), GradedStudents = [] };
}

/// <summary>
/// The grader's verdict on one answer and the instructor's word on it (<see cref="State"/>, what a mark names);
/// <see cref="Keywords"/> are from its explanation, <see cref="History"/> its changes, newest first, where a page loads them.
/// </summary>
public sealed record ReviewedGrade(
    Marking.GradeState State, double Coverage, GradeFlags Flags, string GraderVersion, string? KeywordHits,
    IReadOnlyList<Grading.ExplainedKeyword> Keywords)
{
    public IReadOnlyList<Marking.GradeChangeRow> History { get; init; } = [];
    /// <summary>Which score this is: keywords with the meaning pass still running, or keywords and meaning (<see cref="StudentResults.FeedbackWords.Basis"/>).</summary>
    public string ScoredBy { get; init; } = "";
    /// <summary>With <see cref="GradeFlags.OtherQuestion"/>: the question it reads as an answer to, in the page's numbering (<see cref="FlagWords.OtherQuestion"/>).</summary>
    public string? OtherQuestion { get; init; }
    public double GraderScore => State.GraderScore;
    public double? OverrideScore => State.OverrideScore;
    public string? OverrideReason => State.OverrideReason;
    public double Score => State.Counted;
    /// <summary>The grader asked for review and no instructor has accepted or overridden it yet.</summary>
    public bool Flagged => Grade.Provisional(Flags, State.ReviewedAt);
}

/// <summary>One answer as the instructor reads it: <see cref="Order"/> is its place in the attempt (or the quiz), from 1.</summary>
public sealed record ReviewedAnswer(int Order, int QuestionId, int Number, string Prompt, double Points, string Text, ReviewedGrade? Grade);

/// <summary>
/// A whole attempt, with the students before and after it on the dashboard for stepping through a class;
/// <see cref="Student"/> as the dashboard lists them (their classes, a deactivated account).
/// </summary>
public sealed record AttemptReview(
    QuizResultsData Quiz, StudentResult? Student, int AttemptNumber, DateTime StartedAt, DateTime? SubmittedAt,
    SubmittedBy? SubmittedBy, StudentResult? Previous, StudentResult? Next, IReadOnlyList<ReviewedAnswer> Answers)
{
    public string StudentName => Student?.Name ?? "";
    public string StudentEmail => Student?.Email ?? "";
}

public sealed record StudentAnswer(StudentResult Student, ReviewedAnswer Answer)
{
    /// <summary>The answer's place in the student's attempt (its question order may differ from the quiz's), from 1.</summary>
    public int AttemptOrder { get; init; }

    public bool Empty => Response.IsEmpty(Answer.Text);

    /// <summary>The answer on its attempt's page: an empty one opened from the attempt's "Left empty" line.</summary>
    public string Link(ResultsLinks links) => links.AttemptAnswer(Student.CountedAttemptId!.Value, AttemptOrder, Empty);
}

/// <summary>Every counted answer to one question, for reading a class's answers side by side.</summary>
public sealed record QuestionReview(QuizResultsData Quiz, ResultsQuestion Question, string ModelAnswer, IReadOnlyList<StudentAnswer> Answers);

/// <summary>
/// What the results dashboard shows: the quiz's students and counts, with the summary and histogram of its graded
/// attempts worked out. <see cref="Data"/> keeps none of the per-answer scores and question keys they come from, so the
/// page can carry it from its prerender to its connected copy (about 260 KB of JSON for a class of 500).
/// </summary>
public sealed record ResultsOverview(QuizResultsData Data, ScoreSummary Summary, IReadOnlyList<HistogramBin> Histogram)
{
    public static ResultsOverview Of(QuizResultsData data) =>
        new(data.WithoutGrades() with { Questions = [] }, ScoreSummary.Of(data.Graded), ScoreHistogram.Of(data.Graded));
}

/// <summary>
/// A results view's <see cref="Figures"/> worked out while prerendering, handed with the page to its connected copy:
/// <see cref="Data"/> keeps the quiz and its questions but none of the students and answers the figures come from, which
/// <see cref="GradedAttempts"/> counts.
/// </summary>
public sealed record ResultsFigures<T>(QuizResultsData Data, int GradedAttempts, T Figures);

public static class ResultsFigures
{
    public static ResultsFigures<T> Of<T>(QuizResultsData data, T figures) =>
        new(data.WithoutGrades() with { Students = [] }, data.Graded.Attempts.Count, figures);
}
