using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using QuizPlatform.Grading;
using QuizPlatform.Grading.Statistics;

namespace QuizPlatform.Web.Features.Grading;

/// <summary>
/// The grader's explanation as stored in <c>Grade.Explanation</c> and read back by the results pages: every keyword
/// matched or missing, where it matched (spans into the response text, UTF-16 start and length) and how. Flags and
/// match kinds are stored by their <see cref="WireNames"/> ("needs-review", "synonym"): a name this build does not
/// know fails to read rather than passing through as a raw string. <see cref="Basis"/> is what the score used
/// (<see cref="GradeBasis"/>; null on grades stored before it, which were keyword grades) and <see cref="SoftRecall"/>
/// how much of the model answer the response recalls, with the meaning pass; <see cref="OtherQuestion"/> which question
/// of its assignment an answer flagged <see cref="GradeFlags.OtherQuestion"/> reads as an answer to.
/// </summary>
public sealed record GradeExplanation(string Summary, IReadOnlyList<GradeFlags> Flags, IReadOnlyList<ExplainedKeyword> Keywords)
{
    // Left out when absent, so an explanation stored before them reads and writes back the same.
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Basis { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? SoftRecall { get; init; }

    /// <summary>With <see cref="GradeFlags.OtherQuestion"/>: the question of the assignment the answer reads as an answer to.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public OtherQuestionFit? OtherQuestion { get; init; }

    /// <summary>
    /// The number in the assignment of <see cref="OtherQuestion"/>. Its label is that number ("7"); grades stored by
    /// grader 1.9.0 up to main's 4a38bed carry "7 of the assignment", so only the leading number is read.
    /// </summary>
    [JsonIgnore]
    public int? OtherQuestionNumber => OtherQuestion?.Question.Split(' ')[0] is { } label
        && int.TryParse(label, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>Whether the sentence model had a part in the score.</summary>
    [JsonIgnore]
    public bool ByMeaning => Basis?.Contains(GradeBasis.Meaning) == true;

    /// <summary>How many answers the instructor marked correct served as references (0: the model answer alone).</summary>
    [JsonIgnore]
    public int References => BasisCount("references: ");

    /// <summary>How many of the instructor's marks calibrated the score (0: none).</summary>
    [JsonIgnore]
    public int CalibrationMarks => BasisCount("calibration: ");

    int BasisCount(string prefix) => (Basis ?? []).Where(b => b.StartsWith(prefix, StringComparison.Ordinal))
        .Select(b => int.TryParse(b[prefix.Length..].Split(' ')[0], CultureInfo.InvariantCulture, out var n) ? n : 0)
        .FirstOrDefault();

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static GradeExplanation Of(GradeResult result) => new(
        result.Summary,
        result.FlagList,
        [.. result.Keywords.Select(k => new ExplainedKeyword(
            k.Keyword.Phrase, k.Keyword.Weight, k.Keyword.Required, k.Matched,
            k.How, k.Negated,
            [.. k.Spans.Select(s => new ExplainedSpan(s.Start, s.Length))]) { Similarity = k.Similarity })])
    {
        Basis = result.Basis, SoftRecall = result.SoftRecall, OtherQuestion = result.OtherQuestion,
    };

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
