using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Grading;
using QuizPlatform.Web.Features.StudentResults;
using QuizPlatform.Web.Features.Taking;
using QuizPlatform.Web.Tests.Features.Classes;
using QuizPlatform.Web.Tests.Features.Quizzes;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Attempts;

/// <summary>
/// The <see cref="QuizScene"/> (Sam in Alice's Algebra class, three questions) on an app without background workers
/// (the default): a submitted attempt stays ungraded until the test grades it with <see cref="GradeAsync"/>, and
/// nothing hands in an attempt a test left past its deadline on purpose.
/// Question 1 ("What does a convolution layer learn?") has the keywords filters, edges and weights.
/// </summary>
public sealed class ResultsScene : IAsyncDisposable
{
    public const string ModelAnswer1 = "It learns local filters that detect features such as edges.";

    private ResultsScene(QuizScene scene) => Scene = scene;

    public QuizScene Scene { get; }
    public QuizAppFactory App => Scene.App;

    public DateTime Now => Scene.Now;
    public string Sam => Scene.Sam;

    public AttemptService Attempts => App.Services.GetRequiredService<AttemptService>();
    public AttemptResults Results => App.Services.GetRequiredService<AttemptResults>();

    /// <param name="settings">App settings, e.g. <c>("Grading:Meaning", "true")</c>.</param>
    public static async Task<ResultsScene> CreateAsync(DatabaseProvider provider, params (string Key, string? Value)[] settings)
    {
        var scene = await QuizScene.CreateAsync(provider, settings);
        await UseQuestion1KeywordsAsync(scene);
        return new ResultsScene(scene);
    }

    /// <summary>Gives question 1 of <paramref name="scene"/>'s assignment the keywords filters, edges and weights.</summary>
    public static async Task UseQuestion1KeywordsAsync(QuizScene scene)
    {
        await using var db = scene.App.Services.CreateDbContext();
        var question1 = await db.Questions.SingleAsync(q => q.AssignmentVersionId == scene.VersionId && q.Number == 1);
        await db.QuestionKeywords.Where(k => k.QuestionId == question1.Id).ExecuteDeleteAsync();
        db.QuestionKeywords.AddRange(new[] { "filters", "edges", "weights" }.Select((phrase, i) => new QuestionKeyword
        {
            QuestionId = question1.Id, Position = i, Phrase = phrase, Origin = KeywordOrigin.Edited,
        }));
        await db.SaveChangesAsync();
    }

    /// <summary><see cref="QuizScene.AddQuizAsync"/> with 2 points on each question, unless <paramref name="adjust"/> says otherwise.</summary>
    public Task<int> AddQuizAsync(Action<Quiz>? adjust = null) => Scene.AddQuizAsync(quiz =>
    {
        foreach (var question in quiz.Questions)
            question.Points = 2;
        adjust?.Invoke(quiz);
    });

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
        var client = App.CreateNonRedirectingClient();
        using var _ = await client.SignInAsync(email, TestUsers.Password);
        return client;
    }

    /// <summary>Sam's results page for <paramref name="attemptId"/>, as a browser parses it.</summary>
    /// <param name="query">"?empty=2": the page with that empty answer's card open.</param>
    public static Task<IHtmlDocument> PageAsync(HttpClient client, int attemptId, string query = "") =>
        client.GetPageAsync($"/attempts/{attemptId}/results{query}");

    /// <summary>The page's card for question <paramref name="number"/> (a region named "Question n").</summary>
    public static IElement Question(IDocument page, int number) =>
        page.ByRole("region", $"Question {number}") ?? throw new InvalidOperationException($"No card for question {number}.");

    public ValueTask DisposeAsync() => Scene.DisposeAsync();
}
