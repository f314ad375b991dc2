using QuizPlatform.Grading;
using QuizPlatform.Web.Features.Grading;
using QuizPlatform.Web.Features.Taking;

namespace QuizPlatform.Web.Features.StudentResults;

/// <summary>
/// The grader's keywords (matched ones with their spans in the answer, missing ones) and its flags
/// (see <see cref="GradeExplanation"/>). Its summary is left out: it states the score, which may be hidden.
/// <see cref="MissingHeld"/>: the policy holds the missing keywords back (<see cref="ReviewPolicy.MissingKeywordsHeld"/>),
/// so <see cref="Keywords"/> has only the matched ones: they never leave the server.
/// </summary>
public sealed record KeywordFeedback(IReadOnlyList<ExplainedKeyword> Keywords, IReadOnlyList<GradeFlags> Flags, bool MissingHeld = false)
{
    /// <summary>With <see cref="GradeFlags.OtherQuestion"/>: the question the answer reads as an answer to.</summary>
    public string? OtherQuestion { get; init; }

    public IEnumerable<ExplainedKeyword> Matched => Keywords.Where(k => k.Matched);
    public IEnumerable<ExplainedKeyword> Missing => Keywords.Where(k => !k.Matched);

    /// <summary>The feedback <paramref name="review"/> shows of a grade; null when it shows none.</summary>
    public static KeywordFeedback? Of(GradeExplanation explanation, ReviewPolicy review) =>
        !review.ShowsKeywordFeedback ? null
        : review.ShowsMissingKeywords ? new(explanation.Keywords, explanation.Flags) { OtherQuestion = explanation.OtherQuestion?.Question }
        : new([.. explanation.Keywords.Where(k => k.Matched)], explanation.Flags, MissingHeld: true) { OtherQuestion = explanation.OtherQuestion?.Question };
}
