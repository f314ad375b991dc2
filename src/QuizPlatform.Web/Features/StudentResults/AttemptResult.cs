using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Taking;

namespace QuizPlatform.Web.Features.StudentResults;

/// <summary>
/// What a student may see of a handed-in attempt at this moment, as the quiz's review policy allows.
/// <para>
/// Policy: each of score, keyword feedback (with the grader's flags) and model answer is shown
/// <see cref="ReviewVisibility.Immediately"/> (once handed in and graded), <see cref="ReviewVisibility.AfterClose"/>
/// or <see cref="ReviewVisibility.Never"/>. "Close" is this student's close: their accommodation's extended close time,
/// else the quiz's. A quiz without a close time never closes (students may still start attempts, so a model answer
/// shown "after close" would reach those still to sit it): its after-close parts stay hidden until the instructor sets
/// a close time and it passes. Parts not shown are null here, not merely hidden by the page.
/// </para>
/// <see cref="TimeUp"/>: not handed in, but its deadline and grace have passed; the server hands it in within seconds.
/// <see cref="Stage"/>: how far grading has come, read just before the answers.
/// <see cref="TotalScore"/> is set when scores are shown and every answer is graded. Times are UTC.
/// </summary>
public sealed record AttemptResult(
    int AttemptId,
    int QuizId,
    string QuizTitle,
    int AttemptNumber,
    DateTime? SubmittedAt,
    SubmittedBy? SubmittedBy,
    bool TimeUp,
    bool GradingComplete,
    GradingStage Stage,
    DateTime? ClosesAt,
    ReviewPolicy Review,
    double? TotalScore,
    double MaxScore,
    IReadOnlyList<ResultQuestion> Questions)
{
    public bool Submitted => SubmittedAt is not null;
}
