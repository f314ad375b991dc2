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
    /// <summary>With <see cref="GradeFlags.OtherQuestion"/>: the question the answer reads as an answer to, in the student's numbering.</summary>
    public string? OtherQuestion { get; init; }

    public IEnumerable<ExplainedKeyword> Matched => Keywords.Where(k => k.Matched);
    public IEnumerable<ExplainedKeyword> Missing => Keywords.Where(k => !k.Matched);

    /// <summary>The feedback <paramref name="review"/> shows of a grade; null when it shows none.</summary>
    /// <param name="shown">How the student's page numbers its questions: their numbers in the assignment, in the attempt's order.</param>
    public static KeywordFeedback? Of(GradeExplanation explanation, ReviewPolicy review, IReadOnlyList<int> shown)
    {
        if (!review.ShowsKeywordFeedback)
            return null;
        var otherQuestion = QuizResults.FlagWords.OtherQuestion(explanation.OtherQuestionNumber, shown);
        // The card's review line says where the instructor's review stands ("Provisional" until they look, then
        // "Reviewed"); the grader's needs-review flag stays on the grade after the review and would contradict it.
        GradeFlags[] flags = [.. explanation.Flags.Where(f => f != GradeFlags.NeedsReview)];
        return review.ShowsMissingKeywords ? new(explanation.Keywords, flags) { OtherQuestion = otherQuestion }
            : new([.. explanation.Keywords.Where(k => k.Matched)], flags, MissingHeld: true) { OtherQuestion = otherQuestion };
    }
}
