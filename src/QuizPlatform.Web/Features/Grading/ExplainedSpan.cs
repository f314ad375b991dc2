namespace QuizPlatform.Web.Features.Grading;

public sealed record ExplainedSpan(int Start, int Length);
