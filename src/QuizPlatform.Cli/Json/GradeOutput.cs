using System.Collections.Concurrent;
using System.Text.Json.Serialization;
using QuizPlatform.Grading;

namespace QuizPlatform.Cli.Json;

/// <summary>One output line of <c>quiz grade</c>: the grade, what was matched or missed, and why.</summary>
public sealed record GradeLine(
    string? Id,
    double Score,
    double Points,
    double Coverage,
    IReadOnlyList<string> Matched,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Flags,
    GradeExplanation Explanation)
{
    /// <summary>
    /// The line for a graded response. The explanation's one-paragraph <c>summary</c> is written only when asked
    /// for: composing it costs as much as the rest of the line, and bulk output carries the same facts per keyword.
    /// </summary>
    public static GradeLine From(string? id, GradeResult result, string response, bool withSummary = false)
    {
        var matched = new List<string>(result.Keywords.Count);
        var missing = new List<string>(result.Keywords.Count);
        var keywords = new KeywordExplanation[result.Keywords.Count];
        for (var i = 0; i < keywords.Length; i++)
        {
            var match = result.Keywords[i];
            (match.Matched ? matched : missing).Add(match.Keyword.Phrase);
            var spans = new MatchedSpan[match.Spans.Count];
            for (var s = 0; s < spans.Length; s++)
            {
                var span = match.Spans[s];
                spans[s] = new MatchedSpan(span.Start, span.Length, response.Substring(span.Start, span.Length));
            }
            keywords[i] = new KeywordExplanation(match.Keyword.Phrase, match.Keyword.Weight, match.Keyword.Required,
                match.Matched, match.How is { } how ? MatchKindNames.Of(how) : null, match.Negated, spans);
        }
        return new GradeLine(id, result.Score, result.Points, result.Coverage, matched, missing, FlagNames.Of(result.Flags),
            new GradeExplanation(withSummary ? result.Summary : null, result.GraderVersion, keywords));
    }
}

public sealed record GradeExplanation(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Summary,
    string GraderVersion,
    IReadOnlyList<KeywordExplanation> Keywords);

/// <summary><see cref="How"/> is exact, stem, synonym, acronym or typo; null when the keyword was not found.</summary>
public sealed record KeywordExplanation(
    string Phrase, double Weight, bool Required, bool Matched, string? How, bool Negated, IReadOnlyList<MatchedSpan> Spans);

/// <summary>Where a keyword matched: UTF-16 offsets into the response, and the text found there.</summary>
public sealed record MatchedSpan(int Start, int Length, string Text);

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
