using QuizPlatform.Data.Entities;

namespace QuizPlatform.Web.Features.RegradeRequests;

/// <summary>
/// When a student may ask for a regrade of one answer: from the moment they can first see its score (when it was
/// graded, or when the quiz closed for them if scores show after close) for the quiz's window. No window, or scores
/// never shown, means no requests. A regrade gives a new score, and so a new window.
/// </summary>
public sealed record RegradeWindow(DateTime Opens, DateTime Closes)
{
    public bool IsOpen(DateTime now) => Opens <= now && now < Closes;

    /// <summary>The window of an answer graded at <paramref name="gradedAt"/>; null when the quiz takes no requests or hides scores.</summary>
    public static RegradeWindow? Of(TimeSpan? window, ReviewVisibility showScore, DateTime? closesAt, DateTime gradedAt)
    {
        if (window is not { } length)
            return null;
        DateTime? opens = showScore switch
        {
            ReviewVisibility.Immediately => gradedAt,
            ReviewVisibility.AfterClose when closesAt is { } closes => closes > gradedAt ? closes : gradedAt,
            _ => null,
        };
        return opens is { } start ? new RegradeWindow(start, start + length) : null;
    }
}
