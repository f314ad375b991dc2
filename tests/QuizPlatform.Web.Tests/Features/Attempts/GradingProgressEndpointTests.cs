using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Attempts;

/// <summary><c>GET /api/attempts/{attempt}/grading</c>, which the results page asks while it waits for grades.</summary>
public sealed class GradingProgressEndpointTests
{
    static readonly string[] Answers = ["It learns local filters that detect edges.", "Pooling reduces the spatial size."];

    [Theory, AllDatabaseProviders]
    public async Task TheStudentFollowsTheirAttemptFromHandInThroughTheMeaningPass(DatabaseProvider provider)
    {
        await using var scene = await ResultsScene.CreateAsync(provider);
        var attemptId = await scene.AnswerAsync(await scene.AddQuizAsync(), Answers);
        using var sam = await scene.ClientAsync();
        var stages = new List<string?> { await StageAsync(sam, attemptId) };

        Assert.True((await scene.Attempts.SubmitAsync(scene.Sam, attemptId)).Found);
        stages.Add(await StageAsync(sam, attemptId));
        await scene.GradeAsync(attemptId);
        await using (var db = scene.App.Services.CreateDbContext())
            await db.Grades.Where(g => g.Response.AttemptId == attemptId).Take(1)
                .ExecuteUpdateAsync(g => g.SetProperty(x => x.MeaningPending, true));
        stages.Add(await StageAsync(sam, attemptId));
        await using (var db = scene.App.Services.CreateDbContext())
            await db.Grades.ExecuteUpdateAsync(g => g.SetProperty(x => x.MeaningPending, false));
        stages.Add(await StageAsync(sam, attemptId));

        Assert.Equal(["not-handed-in", "grading", "meaning", "done"], stages);
    }

    [Theory, AllDatabaseProviders]
    public async Task NobodyButTheAttemptsStudentLearnsAnythingOfIt(DatabaseProvider provider)
    {
        await using var scene = await ResultsScene.CreateAsync(provider);
        var attemptId = await scene.SubmitAsync(await scene.AddQuizAsync(), Answers);
        await TestUsers.CreateUserIdAsync(scene.App, "tess@quiz.local", Roles.Student, "Tess");
        using var tess = await scene.ClientAsync("tess@quiz.local"); // another student, of another class
        using var bob = await scene.ClientAsync("bob@quiz.local"); // the instructor of another class
        using var alice = await scene.ClientAsync("alice@quiz.local"); // the quiz's own instructor: not a student's page
        using var signedOut = scene.App.CreateNonRedirectingClient();

        using var asTess = await tess.GetAsync($"/api/attempts/{attemptId}/grading");
        using var asBob = await bob.GetAsync($"/api/attempts/{attemptId}/grading");
        using var asAlice = await alice.GetAsync($"/api/attempts/{attemptId}/grading");
        using var asNobody = await signedOut.GetAsync($"/api/attempts/{attemptId}/grading");
        using var unknown = await tess.GetAsync($"/api/attempts/{attemptId + 1000}/grading");

        Assert.Equal(HttpStatusCode.NotFound, asTess.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode); // someone else's attempt looks like none at all
        foreach (var refused in new[] { asBob, asAlice, asNobody })
        {
            Assert.False(refused.IsSuccessStatusCode, $"{refused.StatusCode} for {refused.RequestMessage!.RequestUri}");
            Assert.DoesNotContain("grading", await refused.Content.ReadAsStringAsync());
        }
        Assert.Contains("/Account/Login", asNobody.Headers.Location?.OriginalString);
        using var sam = await scene.ClientAsync();
        Assert.Equal("grading", await StageAsync(sam, attemptId));
    }

    static async Task<string?> StageAsync(HttpClient client, int attemptId)
    {
        using var response = await client.GetAsync($"/api/attempts/{attemptId}/grading");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("stage").GetString();
    }
}
