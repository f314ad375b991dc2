using QuizPlatform.Grading;

namespace QuizPlatform.Web.Features.QuizResults;

/// <summary>The grader's flags as an instructor reads them in tables and filters.</summary>
public static class FlagWords
{
    public static readonly GradeFlags[] All = [.. Enum.GetValues<GradeFlags>().Where(f => f != GradeFlags.None)];

    /// <summary>
    /// The flags in words; <paramref name="otherQuestion"/> (<see cref="OtherQuestion"/>) names the question an answer
    /// flagged <see cref="GradeFlags.OtherQuestion"/> reads as an answer to.
    /// </summary>
    public static IEnumerable<string> Of(GradeFlags flags, string? otherQuestion = null) => GradeResult.FlagListOf(flags)
        .Select(f => f == GradeFlags.OtherQuestion && otherQuestion is not null ? $"reads as an answer to {otherQuestion}" : Name(f));

    /// <summary>
    /// The question of the assignment numbered <paramref name="number"/> as a page that numbers its questions
    /// <paramref name="shown"/> (their numbers in the assignment, in the page's order) names it: by the page's own
    /// number when it is one of them ("question 2"), else by its number in the assignment ("question 12 of the
    /// assignment"). Never a bare number from the other numbering. Null when there is no number.
    /// </summary>
    public static string? OtherQuestion(int? number, IReadOnlyList<int> shown)
    {
        if (number is not { } n)
            return null;
        for (var place = 0; place < shown.Count; place++)
            if (shown[place] == n)
                return $"question {place + 1}";
        return $"question {n} of the assignment";
    }

    public static string Name(GradeFlags flag) => flag switch
    {
        GradeFlags.Empty => "empty",
        GradeFlags.CopiesPrompt => "copies the question",
        GradeFlags.KeywordList => "keyword list",
        GradeFlags.Repetition => "repetition",
        GradeFlags.KeywordPadding => "keyword padding",
        GradeFlags.OtherQuestion => "answers another question",
        GradeFlags.Negated => "negated keyword",
        GradeFlags.RequiredMissing => "required keyword missing",
        GradeFlags.NeedsReview => "needs review",
        _ => flag.ToString(),
    };
}
