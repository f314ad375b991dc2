using QuizPlatform.Grading;
using QuizPlatform.Web.Features.Grading;

namespace QuizPlatform.Web.Features.StudentResults;

/// <summary>
/// The grader's keywords (matched ones with their spans in the answer, missing ones) and its flags
/// (see <see cref="GradeExplanation"/>). Its summary is left out: it states the score, which may be hidden.
/// </summary>
public sealed record KeywordFeedback(IReadOnlyList<ExplainedKeyword> Keywords, IReadOnlyList<GradeFlags> Flags)
{
    public IEnumerable<ExplainedKeyword> Matched => Keywords.Where(k => k.Matched);
    public IEnumerable<ExplainedKeyword> Missing => Keywords.Where(k => !k.Matched);
}
