using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;

namespace QuizPlatform.Web.Features.Taking;

static class QuestionDraw
{
    /// <summary>The questions of a new attempt in the order the student sees them: drawn and shuffled as the quiz says.</summary>
    public static async Task<IReadOnlyList<int>> DrawAsync(QuizDbContext db, int quizId, CancellationToken cancellationToken)
    {
        var quiz = await db.Quizzes.AsNoTracking().Where(q => q.Id == quizId)
            .Select(q => new
            {
                q.QuestionSelection, q.RandomCount, q.Shuffle,
                QuestionIds = q.Questions.OrderBy(qq => qq.Position).Select(qq => qq.QuestionId).ToList(),
            })
            .SingleAsync(cancellationToken);
        var ids = quiz.QuestionIds.ToArray();
        if (quiz.QuestionSelection == QuestionSelection.RandomPerStudent)
        {
            Random.Shared.Shuffle(ids);
            var drawn = ids[..Math.Min(ids.Length, quiz.RandomCount ?? ids.Length)];
            ids = quiz.Shuffle ? drawn : [.. quiz.QuestionIds.Where(drawn.Contains)];
        }
        else if (quiz.Shuffle)
            Random.Shared.Shuffle(ids);
        return ids;
    }
}
