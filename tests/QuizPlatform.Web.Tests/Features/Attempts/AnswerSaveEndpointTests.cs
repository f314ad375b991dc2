using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.Web.Features.Taking;
using QuizPlatform.Web.Tests.Features.Quizzes;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Attempts;

/// <summary><c>PUT /api/attempts/{attempt}/answers/{question}</c> as the quiz page calls it, and the requests it refuses.</summary>
public sealed class AnswerSaveEndpointTests
{
    [Theory, AllDatabaseProviders]
    public async Task SaveFromThePageIsStoredAndAcknowledgedWithTheNewVersion(DatabaseProvider provider)
    {
        await using var taking = await SamTaking.StartAsync(provider);

        using var response = await taking.Sam.PutAnswerAsync(taking.AttemptId, taking.QuestionId, "Local filters.", 0, taking.Token);
        var reply = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("saved", reply.GetProperty("status").GetString());
        Assert.Equal(1, reply.GetProperty("version").GetInt32());
        Assert.EndsWith("Z", reply.GetProperty("savedAt").GetString());
        Assert.Equal("Local filters.", await taking.StoredTextAsync());
    }

    [Theory, AllDatabaseProviders]
    public async Task SaveWithoutTheAntiforgeryTokenIsRefusedWithAMessageAndStoresNothing(DatabaseProvider provider)
    {
        await using var taking = await SamTaking.StartAsync(provider);

        using var response = await taking.Sam.PutAnswerAsync(taking.AttemptId, taking.QuestionId, "Forged.", 0, token: null);
        var reply = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("reload the page", reply.GetProperty("message").GetString());
        Assert.Equal("", await taking.StoredTextAsync());
    }

    [Theory, AllDatabaseProviders]
    public async Task SaveIntoAnotherStudentsAttemptIsNotFound(DatabaseProvider provider)
    {
        await using var taking = await SamTaking.StartAsync(provider);
        await taking.Scene.EnrolStudentAsync("tom@quiz.local");
        using var tom = await taking.Scene.SignedInAsync("tom@quiz.local");
        var tomsToken = await tom.AntiforgeryTokenAsync("/");

        using var response = await tom.PutAnswerAsync(taking.AttemptId, taking.QuestionId, "Tom was here.", 0, tomsToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("", await taking.StoredTextAsync());
    }

    [Theory, AllDatabaseProviders]
    public async Task AnswerOverTheLimitIsRefusedAsTooLarge(DatabaseProvider provider)
    {
        await using var taking = await SamTaking.StartAsync(provider);

        using var response = await taking.Sam.PutAnswerAsync(taking.AttemptId, taking.QuestionId,
            new string('x', AttemptService.MaxResponseChars + 1), 0, taking.Token);
        var reply = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("too-long", reply.GetProperty("status").GetString());
        Assert.Contains("10,000", reply.GetProperty("message").GetString());
    }

    [Theory, AllDatabaseProviders]
    public async Task SaveFromAnOlderVersionIsAConflictCarryingTheStoredText(DatabaseProvider provider)
    {
        await using var taking = await SamTaking.StartAsync(provider);
        using var otherTab = await taking.Sam.PutAnswerAsync(taking.AttemptId, taking.QuestionId, "Saved in the other tab.", 0, taking.Token);

        using var response = await taking.Sam.PutAnswerAsync(taking.AttemptId, taking.QuestionId, "Typed in this tab.", 0, taking.Token);
        var reply = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, otherTab.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("stale", reply.GetProperty("status").GetString());
        Assert.Equal("Saved in the other tab.", reply.GetProperty("text").GetString());
        Assert.Equal(1, reply.GetProperty("version").GetInt32());
        Assert.Contains("another tab or window", reply.GetProperty("message").GetString());
        Assert.Equal("Saved in the other tab.", await taking.StoredTextAsync());
    }

    [Theory, AllDatabaseProviders]
    public async Task InstructorCannotSaveAnswers(DatabaseProvider provider)
    {
        await using var taking = await SamTaking.StartAsync(provider);
        using var alice = await taking.Scene.SignedInAsync("alice@quiz.local");
        var alicesToken = await alice.AntiforgeryTokenAsync("/");

        using var response = await alice.PutAnswerAsync(taking.AttemptId, taking.QuestionId, "Instructor edit.", 0, alicesToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("", await taking.StoredTextAsync());
    }
}
