using QuizPlatform.Grading;

namespace QuizPlatform.Web.Features.QuizResults;

/// <summary>The grader's flags as an instructor reads them in tables and filters.</summary>
public static class FlagWords
{
    public static readonly GradeFlags[] All = [.. Enum.GetValues<GradeFlags>().Where(f => f != GradeFlags.None)];

    public static IEnumerable<string> Of(GradeFlags flags) => GradeResult.FlagListOf(flags).Select(Name);

    /// <summary><see cref="Of(GradeFlags)"/>, naming the question an answer flagged <see cref="GradeFlags.OtherQuestion"/> reads as an answer to.</summary>
    public static IEnumerable<string> Of(GradeFlags flags, string? otherQuestion) => GradeResult.FlagListOf(flags)
        .Select(f => f == GradeFlags.OtherQuestion && otherQuestion is not null ? $"reads as an answer to question {otherQuestion}" : Name(f));

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
