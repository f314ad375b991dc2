using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Web.Features.Admission;
using QuizPlatform.Web.Tests.Features.Attempts;
using QuizPlatform.Web.Tests.Features.Quizzes;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Admission;

/// <summary>
/// Signing in, starting and handing in while another student's request holds the only place at the gate (and none may
/// wait): refused with 503 and <c>Retry-After</c>, told plainly on the page, and done exactly once when retried.
/// </summary>
public sealed class AdmissionTests
{
    static readonly (string, string?)[] OnePlaceNoQueue =
    [
        ("Admission:SignIn:PermitLimit", "1"), ("Admission:SignIn:QueueLimit", "0"),
        ("Admission:Start:PermitLimit", "1"), ("Admission:Start:QueueLimit", "0"),
        ("Admission:HandIn:PermitLimit", "1"), ("Admission:HandIn:QueueLimit", "0"),
    ];

    [Fact]
    public async Task ASignInPastTheGateIsRefusedWith503SaysSoWithoutWritingThePasswordBackAndSignsInWhenRetried()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin(OnePlaceNoQueue));
        await app.CreateUserAsync("sam@quiz.local", Roles.Student);
        using var sam = app.CreateNonRedirectingClient();

        HttpResponseMessage refused;
        using (await app.Services.GetRequiredService<AdmissionGates>().EnterAsync(AdmissionKind.SignIn, default))
            refused = await sam.SignInAsync("sam@quiz.local", TestUsers.Password);
        using var retried = await sam.SignInAsync("sam@quiz.local", TestUsers.Password);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        var seconds = (int)refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
        Assert.InRange(seconds, 1, 30);
        var html = await refused.Content.ReadAsStringAsync();
        var page = Pages.Parse(html);
        var status = page.QuerySelectorAll("[role=status]").Single(e => e.Text().StartsWith("Many students are signing in right now"));
        Assert.Equal($"Many students are signing in right now. Try again in {seconds} second{(seconds == 1 ? "" : "s")}.", status.Text());
        Assert.False(status.HasAttribute("hidden"));
        Assert.Equal("sam@quiz.local", page.ByLabel("Email")?.GetAttribute("value"));
        Assert.DoesNotContain(TestUsers.Password, html);
        Assert.False(refused.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.Any(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal)));
        refused.Dispose();
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
    }

    [Fact]
    public async Task StartingAndHandingInPastTheirGatesAreRefusedWith503KeepTheAnswersAndHappenOnceWhenRetried()
    {
        await using var scene = await QuizScene.CreateAsync(DatabaseProvider.Postgres, OnePlaceNoQueue);
        var gates = scene.App.Services.GetRequiredService<AdmissionGates>();
        var quiz = await scene.OpenQuizAsync(form => form.TimeLimitMinutes = 30);
        using var sam = await scene.SignedInAsync("sam@quiz.local");
        var take = $"/quizzes/{quiz}/take";

        HttpResponseMessage startRefused;
        using (await gates.EnterAsync(AdmissionKind.Start, default))
            startRefused = await sam.SubmitNamedFormAsync(take, "start-attempt", ("Start.TimerUnderstood", "True"));
        await using (var db = scene.App.Services.CreateDbContext())
            Assert.False(await db.Attempts.AnyAsync(a => a.QuizId == quiz));
        using var started = await sam.SubmitNamedFormAsync(take, "start-attempt", ("Start.TimerUnderstood", "True"));

        var startPage = await AssertRefusedAsync(startRefused,
            "Many students are starting quizzes right now, so yours has not started yet. Try again in");
        Assert.True(startPage.ByLabel("I understand: the 30 min timer starts now and keeps running if I leave.")?.HasAttribute("checked"));
        Assert.Equal("start-attempt", RetriedForm(startPage)?.QuerySelector("input[name=_handler]")?.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        int attempt;
        await using (var db = scene.App.Services.CreateDbContext())
            attempt = (await db.Attempts.SingleAsync(a => a.QuizId == quiz)).Id;

        var quizPage = await sam.GetPageAsync($"/attempts/{attempt}");
        var question = int.Parse(quizPage.QuerySelector("section[data-question]")!.GetAttribute("data-question")!);
        using (var saved = await sam.PutAnswerAsync(attempt, question, "Saved before the rush.", 0, quizPage.AntiforgeryToken()))
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        HttpResponseMessage handInRefused;
        using (await gates.EnterAsync(AdmissionKind.HandIn, default))
            handInRefused = await sam.PostAsync($"/attempts/{attempt}", new FormUrlEncodedContent(quizPage.HiddenFields("submit-attempt")));
        await using (var db = scene.App.Services.CreateDbContext())
            Assert.Null((await db.Attempts.SingleAsync(a => a.Id == attempt)).SubmittedAt);
        var backToAnswers = await sam.GetPageAsync($"/attempts/{attempt}");
        using var handedIn = await sam.PostAsync($"/attempts/{attempt}", new FormUrlEncodedContent(quizPage.HiddenFields("submit-attempt")));
        DateTime? submittedAt;
        await using (var db = scene.App.Services.CreateDbContext())
            submittedAt = (await db.Attempts.SingleAsync(a => a.Id == attempt)).SubmittedAt;
        using var again = await sam.PostAsync($"/attempts/{attempt}", new FormUrlEncodedContent(quizPage.HiddenFields("submit-attempt")));

        var refusedPage = await AssertRefusedAsync(handInRefused, "Your hand-in is waiting. Hand in again in");
        var retried = RetriedForm(refusedPage);
        Assert.Equal($"attempts/{attempt}", retried?.GetAttribute("action"));
        Assert.Equal(quizPage.HiddenFields("submit-attempt"), refusedPage.HiddenFields("submit-attempt"));
        Assert.Equal("Hand in now", retried?.QuerySelector("button[type=submit]")?.TextContent);
        Assert.Equal($"attempts/{attempt}", refusedPage.QuerySelectorAll("a").Single(a => a.Text() == "Back to your answers").GetAttribute("href"));
        Assert.Contains("Saved before the rush.", backToAnswers.ByLabel("Your answer to question 1")?.TextContent);
        foreach (var response in new[] { handedIn, again })
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.EndsWith($"/attempts/{attempt}/results", response.Headers.Location?.OriginalString);
        }
        await using (var db = scene.App.Services.CreateDbContext())
        {
            Assert.NotNull(submittedAt);
            Assert.Equal(submittedAt, (await db.Attempts.SingleAsync(a => a.Id == attempt)).SubmittedAt);
            Assert.Equal(1, await db.Attempts.CountAsync(a => a.QuizId == quiz));
        }
    }

    /// <summary>Asserts 503 with a <c>Retry-After</c> the page names in <paramref name="says"/>, and returns the page.</summary>
    static async Task<AngleSharp.Html.Dom.IHtmlDocument> AssertRefusedAsync(HttpResponseMessage response, string says)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var seconds = (int)response.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
            Assert.InRange(seconds, 1, 30);
            var page = Pages.Parse(await response.Content.ReadAsStringAsync());
            Assert.Contains($"{says} {seconds} second", page.Text());
            return page;
        }
    }

    /// <summary>The form the page's retry submits again by itself once the wait is over.</summary>
    static AngleSharp.Dom.IElement? RetriedForm(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelector(page.QuerySelector("retry-countdown")?.GetAttribute("data-form") ?? "none");
}
