namespace QuizPlatform.Grading.Marks;

/// <summary>An instructor's mark on one response to a question: the share of the points given, 0 to 1.</summary>
public sealed record HumanMark(string Response, double Share);
