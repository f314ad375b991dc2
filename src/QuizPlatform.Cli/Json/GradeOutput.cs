using System.Collections.Concurrent;
using QuizPlatform.Grading;

namespace QuizPlatform.Cli.Json;

/// <summary>How a keyword matched, as written in <c>"how"</c>: exact, stem, synonym, acronym or typo.</summary>
internal static class MatchKindNames
{
    public static string Of(MatchKind kind) => kind switch
    {
        MatchKind.Exact => "exact",
        MatchKind.Stem => "stem",
        MatchKind.Synonym => "synonym",
        MatchKind.Acronym => "acronym",
        MatchKind.Typo => "typo",
        _ => kind.ToString().ToLowerInvariant(),
    };
}

/// <summary>Flag names per combination of flags, worked out once: a handful of combinations occur in a run.</summary>
internal static class FlagNames
{
    private static readonly ConcurrentDictionary<GradeFlags, IReadOnlyList<string>> Cache = new();

    public static IReadOnlyList<string> Of(GradeFlags flags) => Cache.GetOrAdd(flags, GradeResult.FlagNamesOf);
}
