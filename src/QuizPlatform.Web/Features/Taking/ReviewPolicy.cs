using QuizPlatform.Data.Entities;

namespace QuizPlatform.Web.Features.Taking;

/// <summary>
/// The quiz's review policy and whether the student's close time has passed, which decide what is shown.
/// <see cref="ScoresHeld"/>: the quiz holds every score until its review queue is empty, and it is not yet.
/// <see cref="MissingKeywordsHeld"/>: the student may still answer again (see <see cref="StudentQuizView.Review"/>), so
/// keyword feedback names the keywords found but not the missing ones: a list of what was missing, shown before the
/// next attempt, is the answer key (harvested by handing in an empty attempt, then padded into the next one).
/// </summary>
public sealed record ReviewPolicy(ReviewVisibility Score, ReviewVisibility KeywordFeedback, ReviewVisibility ModelAnswer, bool Closed,
    bool ScoresHeld = false, bool MissingKeywordsHeld = false)
{
    public bool ShowsScore => Shows(Score) && !ScoresHeld;
    /// <summary>The policy would show scores now, but the hold keeps them back: the student is told why.</summary>
    public bool HoldsScores => Shows(Score) && ScoresHeld;
    public bool ShowsKeywordFeedback => Shows(KeywordFeedback);
    /// <summary>Keyword feedback includes the keywords the answer missed.</summary>
    public bool ShowsMissingKeywords => ShowsKeywordFeedback && !MissingKeywordsHeld;
    /// <summary>Keyword feedback is shown without its missing keywords until no attempt remains: the student is told so.</summary>
    public bool HoldsMissingKeywords => ShowsKeywordFeedback && MissingKeywordsHeld;
    public bool ShowsModelAnswer => Shows(ModelAnswer);

    bool Shows(ReviewVisibility visibility) =>
        visibility == ReviewVisibility.Immediately || visibility == ReviewVisibility.AfterClose && Closed;
}
