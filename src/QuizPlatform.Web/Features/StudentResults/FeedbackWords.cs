using QuizPlatform.Web.Features.Grading;

namespace QuizPlatform.Web.Features.StudentResults;

/// <summary>The grader's terse names (match kinds, flags) in words a student reads on the results page.</summary>
public static class FeedbackWords
{
    public static string How(string? how) => how switch
    {
        "exact" => "exact match",
        "stem" => "another form of the word",
        "synonym" => "a synonym",
        "acronym" => "acronym or spelled out",
        "typo" => "close spelling",
        _ => "found",
    };

    public static string Flag(string flag) => flag switch
    {
        "needs-review" => "Your instructor will look at this answer before the grade counts.",
        "copies-prompt" => "The answer mostly restates the question: keywords taken from the question earn nothing.",
        "keyword-list" => "The answer is a list of words rather than sentences, so its score is capped.",
        "repetition" => "The answer repeats the same words, so its score is capped.",
        "negated" => "A keyword appears only in a negative statement (such as \"does not ...\") and earned nothing.",
        "required-missing" => "A required keyword is missing, so the score is capped.",
        "empty" => "The answer is empty.",
        _ => flag,
    };

    /// <summary>What a screen reader hears after a marked stretch of the answer.</summary>
    public static string Mark(IEnumerable<ExplainedKeyword> keywords) =>
        "(keyword " + string.Join("; keyword ", keywords.Select(k => $"\"{k.Phrase}\", {How(k.How)}")) + ")";
}
