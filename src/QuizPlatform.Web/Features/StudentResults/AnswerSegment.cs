using QuizPlatform.Web.Features.Grading;

namespace QuizPlatform.Web.Features.StudentResults;

/// <summary>A stretch of an answer: plain text, or marked as matching <see cref="Keywords"/> (one or more).</summary>
public sealed record AnswerSegment(string Text, IReadOnlyList<ExplainedKeyword> Keywords)
{
    public bool Marked => Keywords.Count > 0;
}
