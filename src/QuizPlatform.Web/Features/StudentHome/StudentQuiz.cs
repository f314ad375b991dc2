namespace QuizPlatform.Web.Features.StudentHome;

/// <summary>
/// One quiz on the student home. Times are UTC (the page converts them to the browser's zone). <see cref="ClosesAt"/>
/// and <see cref="TimeLimit"/> already include the student's accommodation. <see cref="TimeLeft"/> is set for an
/// attempt in progress with a deadline; <see cref="Score"/> only when graded and the quiz's review policy shows it.
/// <see cref="AttemptInProgressId"/> is the attempt to resume; <see cref="LastAttemptId"/> the student's last handed-in
/// attempt (its results page), if any. <see cref="ScoreProvisional"/>: an answer of the counted attempt still waits for
/// the instructor's review; <see cref="ScoresHeld"/>: the quiz holds scores until its review queue is empty.
/// </summary>
public sealed record StudentQuiz(
    int QuizId,
    string Title,
    IReadOnlyList<string> ClassNames,
    StudentQuizState State,
    DateTime? OpensAt,
    DateTime? ClosesAt,
    TimeSpan? TimeLimit,
    int AttemptsAllowed,
    int AttemptsLeft,
    TimeSpan? TimeLeft,
    double? Score,
    double? MaxScore,
    int? LastAttemptId,
    int? AttemptInProgressId = null,
    bool ScoreProvisional = false,
    bool ScoresHeld = false);
