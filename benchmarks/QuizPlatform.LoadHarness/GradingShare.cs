using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Grading;
using QuizPlatform.Web.Features.Grading;

namespace QuizPlatform.LoadHarness;

/// <summary>
/// After the rush: the quiz's answers graded again in process on one thread, without the database, to tell how much
/// of the grading CPU is the grader and the explanation JSON and how much the database work around them. The
/// grader's process-wide caches are warm by then, so this is a lower bound for the grader's share.
/// </summary>
public static class GradingShare
{
    public static async Task<string> MeasureAsync(IServiceProvider services, int quizId, CancellationToken ct)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<QuizDbContext>>().CreateDbContextAsync(ct);
        var answers = await db.Responses.Where(r => r.Attempt.QuizId == quizId).Select(r => new { r.QuestionId, r.Text }).ToListAsync(ct);
        var questions = await db.Questions.Where(q => db.QuizQuestions.Any(qq => qq.QuizId == quizId && qq.QuestionId == q.Id))
            .SelectKeys().ToListAsync(ct);
        var grader = new Grader();
        var keys = questions.ToDictionary(q => q.QuestionId, q => grader.Compile(q.Prompt, q.Keywords));

        var results = new GradeResult[answers.Count];
        var grading = Stopwatch.StartNew();
        for (var i = 0; i < answers.Count; i++)
            results[i] = grader.Grade(keys[answers[i].QuestionId], answers[i].Text, 1);
        grading.Stop();
        var explaining = Stopwatch.StartNew();
        var chars = results.Sum(r => (long)GradeExplanation.Of(r).ToJson().Length);
        explaining.Stop();
        return $"the same {answers.Count:N0} answers graded again in process, one thread, no database: Grader.Grade " +
            $"{grading.Elapsed.TotalSeconds:F2} s, explanation JSON {explaining.Elapsed.TotalSeconds:F2} s ({chars / 1e6:F0} MB of text)";
    }
}
