using QuizPlatform.Grading;
using QuizPlatform.Web.Features.Grading;

namespace QuizPlatform.Web.Features.StudentResults;

/// <summary>The grader's terse names (match kinds, flags) in words a student reads on the results page.</summary>
public static class FeedbackWords
{
    public static string How(MatchKind? how) => how switch
    {
        MatchKind.Exact => "exact match",
        MatchKind.Stem => "another form of the word",
        MatchKind.Synonym => "a synonym",
        MatchKind.Acronym => "acronym or spelled out",
        MatchKind.Typo => "close spelling",
        _ => "found",
    };

    public static string Flag(GradeFlags flag) => flag switch
    {
        GradeFlags.NeedsReview => "Your instructor will look at this answer before the grade counts.",
        GradeFlags.CopiesPrompt => "The answer mostly restates the question: keywords taken from the question earn nothing.",
        GradeFlags.KeywordList => "The answer is a list of words rather than sentences, so its score is capped.",
        GradeFlags.Repetition => "The answer repeats the same words, so its score is capped.",
        GradeFlags.KeywordPadding => "The keywords sit in filler sentences that say nothing about them, so the score is capped.",
        GradeFlags.Negated => "A keyword appears only in a negative statement (such as \"does not ...\") and earned nothing.",
        GradeFlags.RequiredMissing => "A required keyword is missing, so the score is capped.",
        GradeFlags.Empty => "The answer is empty.",
        _ => WireNames.Of(flag),
    };

    /// <summary>What a screen reader hears after a marked stretch of the answer.</summary>
    public static string Mark(IEnumerable<ExplainedKeyword> keywords) =>
        "(keyword " + string.Join("; keyword ", keywords.Select(k => $"\"{k.Phrase}\", {How(k.How)}")) + ")";
}
