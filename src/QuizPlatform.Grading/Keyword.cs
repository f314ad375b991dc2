namespace QuizPlatform.Grading;

/// <summary>
/// What a marker looks for in a response: a phrase, other ways of saying it, how much it counts, and whether
/// the response cannot earn full marks without it.
/// </summary>
public sealed record Keyword(string Phrase, IReadOnlyList<string> Alternatives, double Weight, bool Required = false);

/// <summary>A question as keyword extraction sees it.</summary>
public sealed record QuestionText(string Prompt, string ModelAnswer);
