using QuizPlatform.Data.Entities;

namespace QuizPlatform.Web.Features.Taking;

/// <summary>
/// The quiz's review policy and whether the student's close time has passed, which decide what is shown.
/// <see cref="ScoresHeld"/>: the quiz holds every score until its review queue is empty, and it is not yet.
/// </summary>
public sealed record ReviewPolicy(ReviewVisibility Score, ReviewVisibility KeywordFeedback, ReviewVisibility ModelAnswer, bool Closed,
    bool ScoresHeld = false)
{
    public bool ShowsScore => Shows(Score) && !ScoresHeld;
    /// <summary>The policy would show scores now, but the hold keeps them back: the student is told why.</summary>
    public bool HoldsScores => Shows(Score) && ScoresHeld;
    public bool ShowsKeywordFeedback => Shows(KeywordFeedback);
    public bool ShowsModelAnswer => Shows(ModelAnswer);

    bool Shows(ReviewVisibility visibility) =>
        visibility == ReviewVisibility.Immediately || visibility == ReviewVisibility.AfterClose && Closed;
}
