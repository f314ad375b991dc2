using QuizPlatform.Grading;

namespace QuizPlatform.Web.Features.Grading;

/// <summary>One keyword of the key; <see cref="How"/> says how it matched (null when missing).</summary>
public sealed record ExplainedKeyword(
    string Phrase, double Weight, bool Required, bool Matched, MatchKind? How, bool Negated, IReadOnlyList<ExplainedSpan> Spans);
