using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Grading;
using QuizPlatform.Web.Features.StudentResults;
using QuizPlatform.Web.Features.Taking;
using QuizPlatform.Web.Tests.Features.Classes;
using QuizPlatform.Web.Tests.Features.Quizzes;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Attempts;

/// <summary>
/// The <see cref="QuizScene"/> (Sam in Alice's Algebra class, three questions) on an app without the background
/// grading worker: a submitted attempt stays ungraded until the test grades it with <see cref="GradeAsync"/>, and
/// the expired-attempt timer does not run after start.
/// Question 1 ("What does a convolution layer learn?") has the keywords filters, edges and weights.
/// </summary>
public sealed partial class ResultsScene : IAsyncDisposable
{
    public const string ModelAnswer1 = "It learns local filters that detect features such as edges.";

    private ResultsScene(QuizScene scene, WebApplicationFactory<Program> app) => (Scene, App) = (scene, app);

    public QuizScene Scene { get; }
    public WebApplicationFactory<Program> App { get; }
    public string Sam => Scene.Sam;

    public AttemptService Attempts => App.Services.GetRequiredService<AttemptService>();
    public AttemptResults Results => App.Services.GetRequiredService<AttemptResults>();

    public static async Task<ResultsScene> CreateAsync(DatabaseProvider provider)
    {
        // The timer would hand in an attempt a test left past its deadline on purpose: it runs once, at start only.
        var scene = await QuizScene.CreateAsync(provider, ("Attempts:ExpiryScanInterval", "1.00:00:00"));
        var app = scene.App.WithWebHostBuilder(host => host.ConfigureTestServices(services =>
        {
            foreach (var worker in services.Where(d => d.ImplementationType == typeof(GradingWorker)).ToList())
                services.Remove(worker);
        }));
        await using var db = app.Services.CreateDbContext();
        var question1 = await db.Questions.SingleAsync(q => q.AssignmentVersionId == scene.VersionId && q.Number == 1);
        await db.QuestionKeywords.Where(k => k.QuestionId == question1.Id).ExecuteDeleteAsync();
        db.QuestionKeywords.AddRange(new[] { "filters", "edges", "weights" }.Select((phrase, i) => new QuestionKeyword
        {
            QuestionId = question1.Id, Position = i, Phrase = phrase, Origin = KeywordOrigin.Edited,
        }));
        await db.SaveChangesAsync();
        return new ResultsScene(scene, app);
    }

    /// <summary>
    /// A quiz for Algebra over the three questions in order, 2 points each, open since yesterday and closing in a week,
    /// showing everything immediately unless <paramref name="adjust"/> says otherwise.
    /// </summary>
    public async Task<int> AddQuizAsync(Action<Quiz>? adjust = null)
    {
        await using var db = App.Services.CreateDbContext();
        var questionIds = await db.Questions.Where(q => q.AssignmentVersionId == Scene.VersionId).OrderBy(q => q.Number)
            .Select(q => q.Id).ToListAsync();
        var quiz = new Quiz
        {
            Title = "Networks quiz", AssignmentVersionId = Scene.VersionId, CreatedById = Scene.Alice,
            OpensAt = DateTime.UtcNow.AddDays(-1), ClosesAt = DateTime.UtcNow.AddDays(7), TimeLimit = TimeSpan.FromMinutes(30),
            ShowScore = ReviewVisibility.Immediately, ShowKeywordFeedback = ReviewVisibility.Immediately,
            ShowModelAnswer = ReviewVisibility.Immediately,
            Questions = [.. questionIds.Select((id, i) => new QuizQuestion { QuestionId = id, Position = i, Points = 2 })],
            Classes = [new QuizClass { ClassId = Scene.AlgebraId }],
        };
        adjust?.Invoke(quiz);
        db.Quizzes.Add(quiz);
        await db.SaveChangesAsync();
        return quiz.Id;
    }

    /// <summary>Sam starts the quiz and saves <paramref name="answers"/> (question 1 first); the attempt's id.</summary>
    public async Task<int> AnswerAsync(int quizId, params string[] answers)
    {
        var started = await Attempts.StartAsync(Sam, quizId);
        var attemptId = Assert.IsType<int>(started.AttemptId);
        await using var db = App.Services.CreateDbContext();
        var questionIds = await db.Responses.Where(r => r.AttemptId == attemptId).OrderBy(r => r.Position).Select(r => r.QuestionId).ToListAsync();
        foreach (var (questionId, text) in questionIds.Zip(answers))
            Assert.Equal(SaveStatus.Saved, (await Attempts.SaveAsync(Sam, attemptId, questionId, text, baseVersion: 0)).Status);
        return attemptId;
    }

    /// <summary>Sam answers and hands in; not graded yet.</summary>
    public async Task<int> SubmitAsync(int quizId, params string[] answers)
    {
        var attemptId = await AnswerAsync(quizId, answers);
        Assert.True((await Attempts.SubmitAsync(Sam, attemptId)).Found);
        return attemptId;
    }

    public Task GradeAsync(int attemptId) => App.Services.GetRequiredService<AttemptGrading>().GradeAsync(attemptId);

    /// <summary>Sam answers, hands in and is graded.</summary>
    public async Task<int> GradedAsync(int quizId, params string[] answers)
    {
        var attemptId = await SubmitAsync(quizId, answers);
        await GradeAsync(attemptId);
        return attemptId;
    }

    public async Task ChangeQuizAsync(int quizId, Action<Quiz> change)
    {
        await using var db = App.Services.CreateDbContext();
        change(await db.Quizzes.Include(q => q.Accommodations).SingleAsync(q => q.Id == quizId));
        await db.SaveChangesAsync();
    }

    /// <summary>A signed-in client for <paramref name="email"/> that does not follow redirects.</summary>
    public async Task<HttpClient> ClientAsync(string email = "sam@quiz.local")
    {
        var client = App.SignedOutClient();
        using var _ = await client.SignInAsync(email, TestUsers.Password);
        return client;
    }

    /// <summary>The results page's HTML without CSS-isolation attributes (b-xxxxxxxxxx), so tests can match markup.</summary>
    public static async Task<string> PageAsync(HttpClient client, int attemptId) =>
        ScopeAttribute().Replace(await client.GetStringAsync($"/attempts/{attemptId}/results"), "");

    [GeneratedRegex(@" b-[a-z0-9]{10}(?=[ >])")]
    private static partial Regex ScopeAttribute();

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Scene.DisposeAsync();
    }
}
