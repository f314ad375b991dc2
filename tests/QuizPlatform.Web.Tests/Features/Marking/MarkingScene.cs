using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Marking;
using QuizPlatform.Web.Tests.Features.QuizResults;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Marking;

/// <summary>
/// Alice's quiz (Q1..Q3 worth 1, 2 and 3 points, one attempt) with Sam's graded attempt (0.5, 1 and 2): the grades a marking test
/// changes, by question number, and the pages' form posts as a browser sends them.
/// </summary>
public sealed class MarkingScene : IAsyncDisposable
{
    private MarkingScene(ResultsFixture fixture) => Fixture = fixture;

    public ResultsFixture Fixture { get; }
    public int QuizId { get; private set; }
    public int AttemptId { get; private set; }
    public IReadOnlyList<int> GradeIds { get; private set; } = [];
    public IReadOnlyList<int> QuestionIds { get; private set; } = [];
    public GradeMarks Marks => Fixture.App.Services.GetRequiredService<GradeMarks>();
    public string Alice => Fixture.Alice;
    public string AttemptPage => $"/quizzes/{QuizId}/attempts/{AttemptId}";

    public static async Task<MarkingScene> CreateAsync(DatabaseProvider provider, params FixtureAnswer?[] answers)
    {
        var scene = new MarkingScene(await ResultsFixture.CreateAsync(provider));
        var f = scene.Fixture;
        // One attempt allowed: once graded, Sam's home shows the quiz as graded, with its score.
        scene.QuizId = await f.AddQuizAsync(quiz => quiz.AttemptsAllowed = 1);
        scene.AttemptId = await f.AttemptAsync(scene.QuizId, f.Scene.Sam, 1, SubmittedBy.Student,
            answers.Length > 0 ? answers : [new FixtureAnswer(0.5), new FixtureAnswer(1), new FixtureAnswer(2)]);
        await using var db = f.App.Services.CreateDbContext();
        var rows = await db.Grades.Where(g => g.Response.AttemptId == scene.AttemptId).OrderBy(g => g.Response.Position)
            .Select(g => new { g.Id, g.Response.QuestionId }).ToListAsync();
        (scene.GradeIds, scene.QuestionIds) = ([.. rows.Select(r => r.Id)], [.. rows.Select(r => r.QuestionId)]);
        return scene;
    }

    public async Task<Grade> GradeAsync(int gradeId)
    {
        await using var db = Fixture.App.Services.CreateDbContext();
        return await db.Grades.Include(g => g.History).AsNoTracking().SingleAsync(g => g.Id == gradeId);
    }

    /// <summary>The form a page holds for the answer labelled <paramref name="label"/> (by its <c>aria-label</c>).</summary>
    public static IHtmlFormElement Form(IHtmlDocument page, string label) =>
        (IHtmlFormElement)page.QuerySelectorAll("form").Single(f => f.GetAttribute("aria-label") == label);

    /// <summary>
    /// Posts <paramref name="form"/> of a page read earlier as a browser does: its hidden fields (scope handler,
    /// antiforgery token, the revision the page showed) and <paramref name="fields"/>, to the page's address.
    /// </summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, IHtmlFormElement form, params (string Name, string Value)[] fields) =>
        client.PostAsync(path, new FormUrlEncodedContent(form.QuerySelectorAll("input[type=hidden][name]")
            .Select(i => KeyValuePair.Create(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Concat(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)))));

    /// <summary>Reads the page, posts its form for <paramref name="label"/> and parses the answer (which must be 200).</summary>
    public static async Task<IHtmlDocument> SubmitAsync(HttpClient client, string path, string label, params (string Name, string Value)[] fields)
    {
        using var response = await PostAsync(client, path, Form(await client.GetPageAsync(path), label), fields);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return Pages.Parse(body);
    }

    public ValueTask DisposeAsync() => Fixture.DisposeAsync();
}
