using QuizPlatform.Data.Entities;

namespace QuizPlatform.Web.Features.Taking;

/// <summary>The quiz's review policy and whether the student's close time has passed, which decide what is shown.</summary>
public sealed record ReviewPolicy(ReviewVisibility Score, ReviewVisibility KeywordFeedback, ReviewVisibility ModelAnswer, bool Closed)
{
    public bool ShowsScore => Shows(Score);
    public bool ShowsKeywordFeedback => Shows(KeywordFeedback);
    public bool ShowsModelAnswer => Shows(ModelAnswer);

    bool Shows(ReviewVisibility visibility) =>
        visibility == ReviewVisibility.Immediately || visibility == ReviewVisibility.AfterClose && Closed;
}
