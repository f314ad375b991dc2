using System.Text.Json;
using QuizPlatform.Grading;
using QuizPlatform.Grading.Statistics;

namespace QuizPlatform.Web.Features.Grading;

/// <summary>
/// The grader's explanation as stored in <c>Grade.Explanation</c> and read back by the results pages: every keyword
/// matched or missing, where it matched (spans into the response text, UTF-16 start and length) and how. Flags and
/// match kinds are stored by their <see cref="WireNames"/> ("needs-review", "synonym"): a name this build does not
/// know fails to read rather than passing through as a raw string.
/// </summary>
public sealed record GradeExplanation(string Summary, IReadOnlyList<GradeFlags> Flags, IReadOnlyList<ExplainedKeyword> Keywords)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static GradeExplanation Of(GradeResult result) => new(
        result.Summary,
        result.FlagList,
        [.. result.Keywords.Select(k => new ExplainedKeyword(
            k.Keyword.Phrase, k.Keyword.Weight, k.Keyword.Required, k.Matched,
            k.How, k.Negated,
            [.. k.Spans.Select(s => new ExplainedSpan(s.Start, s.Length))]))]);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The flags as one value, as <c>Grade.Flags</c> stores them.</summary>
    public GradeFlags FlagSet() => Flags.Aggregate(GradeFlags.None, (all, flag) => all | flag);

    /// <summary>Each keyword's outcome in key order, as <see cref="KeywordHits"/> stores them.</summary>
    public KeywordOutcome[] Outcomes() =>
        [.. Keywords.Select(k => KeywordOutcome.Of(k.Matched, k.How, k.Negated))];

    /// <summary>The stored explanation; an empty one for a grade stored without (e.g. "{}").</summary>
    public static GradeExplanation Parse(string json)
    {
        var parsed = JsonSerializer.Deserialize<GradeExplanation>(json, Json);
        return parsed is { Keywords: not null, Flags: not null } ? parsed : new GradeExplanation(parsed?.Summary ?? "", [], []);
    }
}
