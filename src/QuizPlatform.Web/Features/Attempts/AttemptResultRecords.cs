using QuizPlatform.Data.Entities;

namespace QuizPlatform.Web.Features.Attempts;

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
    DateTime? ClosesAt,
    ReviewPolicy Review,
    double? TotalScore,
    double MaxScore,
    IReadOnlyList<ResultQuestion> Questions)
{
    public bool Submitted => SubmittedAt is not null;
}

/// <summary>The quiz's review policy and whether the student's close time has passed, which decide what is shown.</summary>
public sealed record ReviewPolicy(ReviewVisibility Score, ReviewVisibility KeywordFeedback, ReviewVisibility ModelAnswer, bool Closed)
{
    public bool ShowsScore => Shows(Score);
    public bool ShowsKeywordFeedback => Shows(KeywordFeedback);
    public bool ShowsModelAnswer => Shows(ModelAnswer);

    bool Shows(ReviewVisibility visibility) =>
        visibility == ReviewVisibility.Immediately || visibility == ReviewVisibility.AfterClose && Closed;
}

/// <summary>
/// One question of the attempt, in the order the student saw it (<see cref="Order"/> from 1; <see cref="Number"/> is
/// the question's number in the assignment). <see cref="Prompt"/> and <see cref="ModelAnswer"/> are Markdown.
/// <see cref="Score"/> is the instructor's override when there is one (<see cref="ScoreOverridden"/>), else the grader's.
/// </summary>
public sealed record ResultQuestion(
    int Order,
    int Number,
    string Prompt,
    double Points,
    string Text,
    bool Graded,
    double? Score,
    bool ScoreOverridden,
    KeywordFeedback? Feedback,
    string? ModelAnswer);

/// <summary>
/// The grader's keywords (matched ones with their spans in the answer, missing ones) and its flags as kebab names
/// (see <see cref="GradeExplanation"/>). Its summary is left out: it states the score, which may be hidden.
/// </summary>
public sealed record KeywordFeedback(IReadOnlyList<ExplainedKeyword> Keywords, IReadOnlyList<string> Flags)
{
    public IEnumerable<ExplainedKeyword> Matched => Keywords.Where(k => k.Matched);
    public IEnumerable<ExplainedKeyword> Missing => Keywords.Where(k => !k.Matched);
}
