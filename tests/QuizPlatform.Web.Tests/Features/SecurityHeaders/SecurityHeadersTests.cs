using System.Net;
using Microsoft.AspNetCore.Hosting;
using QuizPlatform.Data;
using QuizPlatform.Web.Tests.Features.AdminAssignments;
using QuizPlatform.Web.Tests.Features.Attempts;
using QuizPlatform.Web.Tests.Features.Quizzes;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using static QuizPlatform.Web.Tests.Features.AdminAssignments.AssignmentImportTests;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.SecurityHeaders;

/// <summary>
/// What a browser is told about each kind of response: a page, an API answer, a download. The policy is read the way
/// a browser reads it (directive by directive), and the page is checked for inline script that the policy would refuse.
/// </summary>
public sealed class SecurityHeadersTests
{
    [Fact]
    public async Task PageAllowsOnlyItsOwnScriptsAndCannotBeFramedSniffedOrDowngraded()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var app = new QuizAppFactory(database);
        // HSTS is never sent to localhost (it would pin every local development site to HTTPS): ask as a real host.
        using var client = app.CreateNonRedirectingClient("https://quiz.example");

        using var response = await client.GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = Policy(response);
        Assert.Equal(["'self'"], csp["default-src"]);
        Assert.Equal("'self'", csp["script-src"][0]);
        Assert.Matches("^'nonce-[A-Za-z0-9+/=]{20,}'$", Assert.Single(csp["script-src"].Skip(1)));
        Assert.Equal(["'none'"], csp["object-src"]);
        Assert.Equal(["'self'"], csp["base-uri"]);
        Assert.Equal(["'none'"], csp["frame-ancestors"]);
        Assert.Equal(["'self'"], csp["form-action"]);
        Assert.Equal(["'self'"], csp["connect-src"]);
        Assert.DoesNotContain(csp, d => d.Value.Contains("'unsafe-eval'") || d.Value.Contains("*"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        var features = Header(response, "Permissions-Policy").Split(',', StringSplitOptions.TrimEntries);
        Assert.Subset(features.ToHashSet(), new HashSet<string> { "camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()" });
        var hsts = Header(response, "Strict-Transport-Security");
        Assert.Contains("includeSubDomains", hsts);
        Assert.True(int.Parse(hsts.Split(';')[0].Split('=')[1]) >= 365 * 24 * 3600, hsts);
    }

    [Fact]
    public async Task EveryInlineScriptCarriesThisResponsesNonceAndNoElementHasAnInlineHandler()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        using var client = app.CreateNonRedirectingClient("https://localhost");
        using var _ = await client.SignInAsync("admin@quiz.local", TestUsers.Password);

        using var first = await client.GetAsync("/admin/users");
        using var second = await client.GetAsync("/admin/users");

        var nonce = Nonce(first);
        Assert.NotEqual(nonce, Nonce(second)); // a nonce seen once (in a cached page, a log) is worth nothing later
        var page = Pages.Parse(await first.Content.ReadAsStringAsync());
        var inline = page.QuerySelectorAll("script:not([src])");
        Assert.Contains(inline, s => s.GetAttribute("type") == "importmap");
        Assert.All(inline, s => Assert.Equal(nonce, s.GetAttribute("nonce")));
        Assert.DoesNotContain(page.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.Ordinal));
        Assert.Empty(page.QuerySelectorAll("[href^='javascript:' i]"));
    }

    [Fact]
    public async Task ApiAnswerCarriesTheHeaders()
    {
        await using var scene = await QuizScene.CreateAsync(DatabaseProvider.Postgres);
        var quiz = await scene.OpenQuizAsync();
        var attempt = (await scene.AttemptService().StartAsync(scene.Sam, quiz)).AttemptId!.Value;
        var question = (await scene.AttemptService().LoadAsync(scene.Sam, attempt))!.Questions[0].QuestionId;
        using var sam = await scene.SignedInAsync("sam@quiz.local");

        using var response = await sam.PutAnswerAsync(attempt, question, "Local filters.", 0,
            await sam.AntiforgeryTokenAsync($"/attempts/{attempt}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal(["'none'"], Policy(response)["frame-ancestors"]);
    }

    [Fact]
    public async Task AssignmentExportIsNeverStored()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var app = new QuizAppFactory(database);
        var adminId = await app.CreateUserIdAsync("boss@quiz.local", Roles.Admin);
        var imported = await Administration(app).ImportAsync(adminId, Bytes(Documents.Original), "week.md");
        using var client = app.CreateNonRedirectingClient("https://localhost");
        using var _ = await client.SignInAsync("boss@quiz.local", TestUsers.Password);

        using var export = await client.GetAsync($"/admin/assignments/{imported.AssignmentId}/export");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.True(export.Headers.CacheControl?.NoStore, "the model answers may be cached");
        Assert.Equal("nosniff", Header(export, "X-Content-Type-Options"));
    }

    [Fact]
    public async Task KestrelDoesNotNameTheServer()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var app = new QuizAppFactory(database);
        using var client = new HttpClient { BaseAddress = app.StartKestrel() };

        using var page = await client.GetAsync("/Account/Login");
        using var missing = await client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.Contains("Server"), string.Join(", ", page.Headers.Server));
        Assert.False(missing.Headers.Contains("Server"), string.Join(", ", missing.Headers.Server));
        Assert.Equal("nosniff", Header(missing, "X-Content-Type-Options"));
    }

    [Fact]
    public async Task DevelopmentAllowsTheLocalRefreshSocketAndPinsNoHost()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var factory = new QuizAppFactory(database, new Dictionary<string, string?> { ["Seeding:Demo"] = "false" });
        await using var app = factory.WithWebHostBuilder(host => host.UseEnvironment("Development"));
        using var client = app.CreateNonRedirectingClient("https://quiz.example");

        using var response = await client.GetAsync("/Account/Login");

        Assert.Equal(["'self'", "ws://localhost:*", "wss://localhost:*"], Policy(response)["connect-src"]);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    static string Header(HttpResponseMessage response, string name) => string.Join(", ", response.Headers.GetValues(name));

    static Dictionary<string, string[]> Policy(HttpResponseMessage response) =>
        Header(response, "Content-Security-Policy").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(d => d[0], d => d[1..]);

    static string Nonce(HttpResponseMessage response) =>
        Policy(response)["script-src"].Single(s => s.StartsWith("'nonce-", StringComparison.Ordinal))["'nonce-".Length..^1];
}
