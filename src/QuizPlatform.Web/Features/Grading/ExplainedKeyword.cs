namespace QuizPlatform.Web.Features.Grading;

/// <summary>One keyword of the key; <see cref="How"/> is exact, stem, synonym, acronym or typo when matched.</summary>
public sealed record ExplainedKeyword(
    string Phrase, double Weight, bool Required, bool Matched, string? How, bool Negated, IReadOnlyList<ExplainedSpan> Spans);
