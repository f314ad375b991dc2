using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Taking;

namespace QuizPlatform.Web.Features.StudentResults;

/// <summary>
/// One question of the attempt, in the order the student saw it (<see cref="Order"/> from 1; <see cref="Number"/> is
/// the question's number in the assignment). <see cref="Prompt"/> and <see cref="ModelAnswer"/> are Markdown.
/// <see cref="Score"/> is the instructor's override when there is one (<see cref="ScoreOverridden"/>), else the grader's.
/// <see cref="Review"/> says whether the instructor has looked at the answer; <see cref="OverrideReason"/> is the
/// reason for an override the instructor chose to show, and only with the score. <see cref="ScoredBy"/> says which
/// score it is (<see cref="FeedbackWords.Basis"/>: keywords while the meaning check runs, or keywords and meaning; for an
/// override, <see cref="FeedbackWords.SetByInstructor"/>).
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
    string? ModelAnswer,
    InstructorReview Review = InstructorReview.None,
    string? OverrideReason = null,
    string? ScoredBy = null)
{
    public bool LeftEmpty => Response.IsEmpty(Text);

    /// <summary>
    /// An empty answer shown on the results page's "Left empty" line rather than as a card: a card would only list every
    /// keyword as missing. One whose score the instructor set keeps its card, and with it their note.
    /// </summary>
    public bool OnLeftEmptyLine => LeftEmpty && !ScoreOverridden;
}

