using QuizPlatform.Grading;
using QuizPlatform.Web.Components.Shared;
using QuizPlatform.Web.Features.Grading;

namespace QuizPlatform.Web.Features.StudentResults;

/// <summary>The grader's terse names (match kinds, flags) in words a student reads on the results page.</summary>
public static class FeedbackWords
{
    public static string How(MatchKind? how) => how switch
    {
        MatchKind.Exact => "exact match",
        MatchKind.Stem => "another form of the word",
        MatchKind.Synonym => "an accepted alternative", // an instructor's alternative ("SMOTE") or a built-in synonym
        MatchKind.Acronym => "acronym or spelled out",
        MatchKind.Typo => "close spelling",
        MatchKind.Meaning => "close in meaning",
        _ => "found",
    };

    /// <summary>
    /// How <paramref name="keyword"/> matched, with the words of the answer it matched when that was by meaning:
    /// <c>"kernels" ~ "filters" (close in meaning, 0.78)</c>; otherwise <c>"filters", exact match</c>.
    /// </summary>
    public static string Match(ExplainedKeyword keyword, string answer)
    {
        if (keyword.How != MatchKind.Meaning)
            return $"\"{keyword.Phrase}\", {How(keyword.How)}";
        var words = string.Join(" … ", keyword.Spans.Where(s => s.Start >= 0 && s.Length > 0 && s.Start + s.Length <= answer.Length)
            .Select(s => answer.Substring(s.Start, s.Length)).Distinct());
        return $"\"{words}\" ~ \"{keyword.Phrase}\" ({How(keyword.How)}{Similarity(keyword)})";
    }

    static string Similarity(ExplainedKeyword keyword) => keyword.Similarity is { } value ? ", " + Formats.Statistic(value) : "";

    /// <summary>
    /// Which score the student or instructor is looking at: keywords only with the meaning pass still to come,
    /// keywords and meaning, and what the instructor's marks added (addressed to the instructor with
    /// <paramref name="toInstructor"/>).
    /// </summary>
    public static string Basis(GradeExplanation explanation, bool meaningPending, bool toInstructor = false)
    {
        var (who, whose) = toInstructor ? ("you", "your") : ("your instructor", "your instructor's");
        if (meaningPending)
            return "Scored by keywords; the meaning check is still running.";
        if (!explanation.ByMeaning)
            return "Scored by keywords.";
        var text = "Scored by keywords and meaning";
        if (explanation.References > 0)
            text += explanation.References == 1
                ? $", also compared with an answer {who} marked correct"
                : $", also compared with {Formats.Count(explanation.References)} answers {who} marked correct";
        if (explanation.CalibrationMarks > 0)
            text += $"; calibrated on {Formats.Count(explanation.CalibrationMarks)} of {whose} marks";
        return text + ".";
    }

    /// <summary>Under a score the instructor set, in place of <see cref="Basis"/>: the grader's way of scoring no longer counts.</summary>
    public const string SetByInstructor = "Your instructor set this score; the keywords marked are what the grader found.";

    /// <param name="otherQuestion">With <see cref="GradeFlags.OtherQuestion"/>: the question the answer reads as an answer to (<see cref="QuizResults.FlagWords.OtherQuestion"/>).</param>
    /// <param name="scoreSetByInstructor">The instructor set the score: what the grader saw stays, what it did to its own score goes.</param>
    public static string Flag(GradeFlags flag, string? otherQuestion = null, bool scoreSetByInstructor = false)
    {
        var (seen, consequence) = flag switch
        {
            GradeFlags.OtherQuestion => ($"The answer reads as an answer to {otherQuestion ?? "another question"} rather than to this one", ", so its score is capped"),
            GradeFlags.CopiesPrompt => ("The answer mostly restates the question", ": keywords taken from the question earn nothing"),
            GradeFlags.KeywordList => ("The answer is a list of words rather than sentences", ", so its score is capped"),
            GradeFlags.Repetition => ("The answer repeats the same words", ", so its score is capped"),
            GradeFlags.KeywordPadding => ("The keywords sit in filler sentences that say nothing about them", ", so the score is capped"),
            GradeFlags.Negated => ("A keyword appears only in a negative statement (such as \"does not ...\")", " and earned nothing"),
            GradeFlags.RequiredMissing => ("A required keyword is missing", ", so the score is capped"),
            GradeFlags.Empty => ("The answer is empty", ""),
            _ => (WireNames.Of(flag), null),
        };
        return consequence is null ? seen : seen + (scoreSetByInstructor ? "" : consequence) + ".";
    }

    /// <summary>
    /// What a screen reader hears after a marked stretch of the answer: the keyword each match stands for, and how it
    /// matched ("(keyword "filters", close in meaning, 0.78)" after "kernels", whose words it has just read).
    /// </summary>
    public static string Mark(IEnumerable<ExplainedKeyword> keywords, string answer) =>
        "(keyword " + string.Join("; keyword ", keywords.Select(k =>
            k.How == MatchKind.Meaning ? $"\"{k.Phrase}\", {How(k.How)}{Similarity(k)}" : Match(k, answer))) + ")";
}
