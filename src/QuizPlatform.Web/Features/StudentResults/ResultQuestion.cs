namespace QuizPlatform.Web.Features.StudentResults;

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
    string? ModelAnswer)
{
    /// <summary>The instructor's reason for an override, when they chose to show it to the student.</summary>
    public string? OverrideReason { get; init; }
}
