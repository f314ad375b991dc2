using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Web.Tests.Features.Attempts;
using QuizPlatform.Web.Tests.Features.Quizzes;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.AntiAutomation;

/// <summary>A script against <c>PUT /api/attempts/{attempt}/answers/{question}</c>: floods, oversized and odd bodies, NUL.</summary>
public sealed class SaveApiAbuseTests
{
    [Fact]
    public async Task SavesOverTheUserLimitAre429WithRetryAfterWhileOtherStudentsSaveOn()
    {
        await using var taking = await SamTaking.StartAsync(DatabaseProvider.Postgres, ("RateLimits:SavesPerUser:PermitLimit", "3"));
        var tomId = await taking.Scene.EnrolStudentAsync("tom@quiz.local");
        using var tom = await taking.Scene.SignedInAsync("tom@quiz.local");
        var tomsAttempt = (await taking.Scene.AttemptService().StartAsync(tomId, taking.QuizId)).AttemptId!.Value;
        var tomsQuestion = (await taking.Scene.AttemptService().LoadAsync(tomId, tomsAttempt))!.Questions[0].QuestionId;

        for (var version = 0; version < 3; version++)
            using (var saved = await taking.Sam.PutAnswerAsync(taking.AttemptId, taking.QuestionId, $"Draft {version}", version, taking.Token))
                Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        using var flooded = await taking.Sam.PutAnswerAsync(taking.AttemptId, taking.QuestionId, "Draft 3", 3, taking.Token);
        using var others = await tom.PutAnswerAsync(tomsAttempt, tomsQuestion, "Tom's answer.", 0, await tom.AntiforgeryTokenAsync("/"));

        Assert.Equal(HttpStatusCode.TooManyRequests, flooded.StatusCode);
        Assert.InRange(flooded.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.Equal("application/problem+json", flooded.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Too many saves", (await flooded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal("Draft 2", await taking.StoredTextAsync());
        Assert.Equal(HttpStatusCode.OK, others.StatusCode);
    }

    [Fact]
    public async Task ABodyOver256KbIs413WithAJsonProblemTheQuizPageShows()
    {
        await using var taking = await SamTaking.StartAsync(DatabaseProvider.Postgres);
        // As the page's fetch sends it: a string body, so with its Content-Length.
        var body = JsonSerializer.Serialize(new { text = new string('x', 300 * 1024), baseVersion = 0 });

        using var response = await taking.Sam.SendAsync(SaveRequest(taking, new StringContent(body, Encoding.UTF8, "application/json")));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("too large to save (the limit is 256 KB)", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal("", await taking.StoredTextAsync());
    }

    [Fact]
    public async Task ABodyThatIsNotJsonIs415WithAJsonProblem()
    {
        await using var taking = await SamTaking.StartAsync(DatabaseProvider.Postgres);

        using var response = await taking.Sam.SendAsync(SaveRequest(taking,
            new StringContent("text=Sneaky&baseVersion=0", Encoding.UTF8, "application/x-www-form-urlencoded")));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("JSON", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal("", await taking.StoredTextAsync());
    }

    /// <summary>On Kestrel, which enforces the limit as the body streams in (the test server does not): this was a 405.</summary>
    [Fact]
    public async Task OnKestrelABodyStreamedPastTheLimitIs413AndAFormBodyIs415AsJsonProblems()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new() })
        {
            BaseAddress = app.StartKestrel(),
        };
        await app.CreateUserAsync("sam@quiz.local", Roles.Student);
        (await client.SignInAsync("sam@quiz.local", TestUsers.Password)).Dispose();
        var json = JsonSerializer.Serialize(new { text = new string('x', 300 * 1024), baseVersion = 0 });
        using var streamed = new HttpRequestMessage(HttpMethod.Put, "/api/attempts/1/answers/1")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        streamed.Headers.TransferEncodingChunked = true;
        using var form = new HttpRequestMessage(HttpMethod.Put, "/api/attempts/1/answers/1")
        {
            Content = new StringContent("text=Sneaky&baseVersion=0", Encoding.UTF8, "application/x-www-form-urlencoded"),
        };

        using var tooLarge = await client.SendAsync(streamed);
        using var wrongType = await client.SendAsync(form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("application/problem+json", tooLarge.Content.Headers.ContentType?.MediaType);
        Assert.Contains("too large to save", await tooLarge.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.Equal("application/problem+json", wrongType.Content.Headers.ContentType?.MediaType);
    }

    [Theory, AllDatabaseProviders]
    public async Task RefusedSavesStoredPerAttemptAreCappedAndTheRestOnlyCounted(DatabaseProvider provider)
    {
        await using var taking = await SamTaking.StartAsync(provider, ("Attempts:RefusedSavesKept", "5"));
        Assert.True((await taking.Scene.AttemptService().SubmitAsync(taking.Scene.Sam, taking.AttemptId)).Found);

        var big = new string('x', 10_000);
        for (var i = 0; i < 40; i++)
            using (var refused = await taking.Sam.PutAnswerAsync(taking.AttemptId, taking.QuestionId, big, 0, taking.Token))
                Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);

        await using var db = taking.Scene.App.Services.CreateDbContext();
        Assert.Equal(5, await db.RefusedSaves.CountAsync(s => s.AttemptId == taking.AttemptId));
    }

    [Theory, AllDatabaseProviders]
    public async Task AnAnswerWithNulAndOtherControlCharactersIsSavedWithoutThem(DatabaseProvider provider)
    {
        await using var taking = await SamTaking.StartAsync(provider);

        using var response = await taking.Sam.PutAnswerAsync(taking.AttemptId, taking.QuestionId,
            "Local\0 filters\u0007.\r\nThey\tslide.", 0, taking.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Local filters.\nThey\tslide.", await taking.StoredTextAsync());
    }

    static HttpRequestMessage SaveRequest(SamTaking taking, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/attempts/{taking.AttemptId}/answers/{taking.QuestionId}") { Content = content };
        request.Headers.Add("RequestVerificationToken", taking.Token);
        request.Headers.Add("X-Requested-With", "XMLHttpRequest");
        return request;
    }
}
