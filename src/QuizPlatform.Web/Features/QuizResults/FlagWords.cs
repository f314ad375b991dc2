using QuizPlatform.Grading;

namespace QuizPlatform.Web.Features.QuizResults;

/// <summary>The grader's flags as an instructor reads them in tables and filters.</summary>
public static class FlagWords
{
    public static readonly GradeFlags[] All = [.. Enum.GetValues<GradeFlags>().Where(f => f != GradeFlags.None)];

    public static IEnumerable<string> Of(GradeFlags flags) => GradeResult.FlagListOf(flags).Select(Name);

    public static string Name(GradeFlags flag) => flag switch
    {
        GradeFlags.Empty => "empty",
        GradeFlags.CopiesPrompt => "copies the question",
        GradeFlags.KeywordList => "keyword list",
        GradeFlags.Repetition => "repetition",
        GradeFlags.KeywordPadding => "keyword padding",
        GradeFlags.Negated => "negated keyword",
        GradeFlags.RequiredMissing => "required keyword missing",
        GradeFlags.NeedsReview => "needs review",
        _ => flag.ToString(),
    };
}
