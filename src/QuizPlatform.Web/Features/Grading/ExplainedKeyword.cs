using System.Text.Json.Serialization;
using QuizPlatform.Grading;

namespace QuizPlatform.Web.Features.Grading;

/// <summary>
/// One keyword of the key; <see cref="How"/> says how it matched (null when missing), and for a
/// <see cref="MatchKind.Meaning"/> match <see cref="Similarity"/> how close in meaning its span is (cosine, 0 to 1).
/// </summary>
public sealed record ExplainedKeyword(
    string Phrase, double Weight, bool Required, bool Matched, MatchKind? How, bool Negated, IReadOnlyList<ExplainedSpan> Spans)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Similarity { get; init; }
}
