using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Tests.Features.Attempts;
using QuizPlatform.Web.Tests.Features.Quizzes;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Instances;

/// <summary>
/// Two app instances on real Kestrel ports over one PostgreSQL database, behind QuizPlatform.Proxy as shipped: a
/// student mid-quiz stays on one instance while it lives (circuit included), and when it stops carries on through the
/// other with every save kept.
/// </summary>
public sealed class ProxyTests
{
    [Fact]
    public async Task AStudentStaysOnOneInstanceAndCarriesOnThroughTheOtherWhenItStops()
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        QuizAppFactory[] instances = [new(database, TestUsers.KnownAdmin()), new(database, TestUsers.KnownAdmin())];
        var addresses = await Task.WhenAll(instances.Select(i => Task.Run(i.StartKestrel)));
        await using var scene = await QuizScene.CreateAsync(database, instances[0]);
        await using var secondInstance = instances[1];
        var attempt = (await scene.AttemptService().StartAsync(scene.Sam, await scene.OpenQuizAsync())).AttemptId!.Value;
        var question = (await scene.AttemptService().LoadAsync(scene.Sam, attempt))!.Questions[0].QuestionId;
        await using var proxy = await ProxyHost.StartAsync(addresses);

        var cookies = new CookieContainer();
        using var sam = proxy.CreateClient(cookies);
        sam.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9"); // forged: the proxy must not pass it on
        using var signIn = await sam.SignInAsync("sam@quiz.local", TestUsers.Password);
        using var quizPage = await sam.GetAsync($"/attempts/{attempt}");
        var token = Pages.Parse(await quizPage.Content.ReadAsStringAsync()).AntiforgeryToken();
        var (firstSavedOn, firstVersion) = await SaveAsync("Local filters.", 0);
        var reachedWithoutAffinity = await InstancesReachedWithoutAffinityAsync();
        await using var circuit = await OpenCircuitAsync();

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var home = ServedBy(signIn);
        Assert.Equal([home, home, home], [ServedBy(quizPage), firstSavedOn, circuit.Instance]);
        Assert.Equal(1, firstVersion);
        Assert.Equal(["app1", "app2"], reachedWithoutAffinity);

        var survivor = instances[home == "app1" ? 1 : 0];
        await instances[home == "app1" ? 0 : 1].DisposeAsync();
        var (secondSavedOn, secondVersion) = await SaveAsync("Local filters such as edges.", 1);
        var (thirdSavedOn, thirdVersion) = await SaveAsync("Local filters such as edges and corners.", 2);
        await using var newCircuit = await OpenCircuitAsync();
        using var health = await sam.GetAsync("/health");

        var other = home == "app1" ? "app2" : "app1";
        Assert.Equal([other, other, other], [secondSavedOn, thirdSavedOn, newCircuit.Instance]);
        Assert.Equal([2, 3], [secondVersion, thirdVersion]);
        Assert.Equal("Degraded", await health.Content.ReadAsStringAsync());
        await using var db = survivor.Services.CreateDbContext();
        Assert.Equal("Local filters such as edges and corners.",
            await db.Responses.Where(r => r.AttemptId == attempt && r.QuestionId == question).Select(r => r.Text).SingleAsync());
        Assert.Equal(["127.0.0.1"], await db.AuditEntries.Where(e => e.Action == AuditActions.SignIn && e.ActorId == scene.Sam)
            .Select(e => e.IpAddress).ToListAsync());

        // The quiz page's autosave; the instance that stored it, and the version it answered.
        async Task<(string Instance, int Version)> SaveAsync(string text, int baseVersion)
        {
            using var response = await sam.PutAnswerAsync(attempt, question, text, baseVersion, token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (ServedBy(response), (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        }

        // What blazor.web.js does for an interactive page: negotiate, then the WebSocket, both with the page's cookies.
        async Task<CircuitSocket> OpenCircuitAsync()
        {
            using var negotiated = await sam.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
            Assert.Equal(HttpStatusCode.OK, negotiated.StatusCode);
            var connection = (await negotiated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("connectionToken").GetString();
            var socket = new ClientWebSocket { Options = { Cookies = cookies, CollectHttpResponseDetails = true } };
            await socket.ConnectAsync(new Uri($"ws://{proxy.Address.Authority}/_blazor?id={connection}"), CancellationToken.None);
            return new CircuitSocket(socket, socket.HttpResponseHeaders![ProxyHost.ServedBy].Single());
        }

        // A browser without the affinity cookie goes wherever the balancer sends it (while no circuit is open: the
        // balancer prefers the instance with fewer requests in flight, and an open circuit is one).
        async Task<string[]> InstancesReachedWithoutAffinityAsync()
        {
            var reached = new SortedSet<string>();
            for (var visitor = 0; visitor < 40 && reached.Count < 2; visitor++)
            {
                using var stranger = proxy.CreateClient();
                using var page = await stranger.GetAsync("/Account/Login");
                reached.Add(ServedBy(page));
            }
            return [.. reached];
        }
    }

    static string ServedBy(HttpResponseMessage response) => response.Headers.GetValues(ProxyHost.ServedBy).Single();

    /// <summary>The WebSocket an interactive page's circuit runs over, and the instance it reached.</summary>
    sealed record CircuitSocket(ClientWebSocket Socket, string Instance) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            Socket.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
