using System.Collections.Concurrent;
using QuizPlatform.Grading;

namespace QuizPlatform.Cli.Json;

/// <summary>Flag names per combination of flags, worked out once: a handful of combinations occur in a run.</summary>
internal static class FlagNames
{
    private static readonly ConcurrentDictionary<GradeFlags, IReadOnlyList<string>> Cache = new();

    public static IReadOnlyList<string> Of(GradeFlags flags) => Cache.GetOrAdd(flags, GradeResult.FlagNamesOf);
}
