using System.Net;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.Web.Tests.Features.Quizzes;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Attempts;

/// <summary>The start page, <c>/quizzes/{id}/take</c>: what the student is told, and starting by a form post.</summary>
public sealed class TakeQuizPageTests
{
    [Theory, AllDatabaseProviders]
    public async Task StartPageSaysWhyTheStudentCannotStartInsteadOfOfferingStart(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var notYetOpen = await scene.OpenQuizAsync(form => (form.OpensAt, form.ClosesAt) = (scene.Now.AddDays(2), scene.Now.AddDays(3)));
        var closed = await scene.OpenQuizAsync(form => (form.OpensAt, form.ClosesAt) = (scene.Now.AddDays(-3), scene.Now.AddDays(-2)));
        var usedUp = await scene.OpenQuizAsync();
        var attempt = (await scene.AttemptService().StartAsync(scene.Sam, usedUp)).AttemptId!.Value;
        await scene.AttemptService().SubmitAsync(scene.Sam, attempt);
        using var sam = await scene.SignedInAsync("sam@quiz.local");

        var pages = new Dictionary<int, string>();
        foreach (var quiz in new[] { notYetOpen, closed, usedUp })
            pages[quiz] = await sam.GetStringAsync($"/quizzes/{quiz}/take");

        Assert.Contains("This quiz is not open yet.", pages[notYetOpen]);
        Assert.Contains("This quiz has closed.", pages[closed]);
        Assert.Contains("You have used your attempt at this quiz.", pages[usedUp]);
        Assert.Contains("1 of 1 used", pages[usedUp]);
        Assert.Contains($"href=\"attempts/{attempt}/results\"", pages[usedUp]);
        Assert.All(pages.Values, page => Assert.DoesNotContain("value=\"start-attempt\"", page));
    }

    [Theory, AllDatabaseProviders]
    public async Task TimedQuizStartsOnlyOnceTheStudentConfirmsTheTimerThenOffersResume(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var quiz = await scene.OpenQuizAsync(form => form.TimeLimitMinutes = 30);
        using var sam = await scene.SignedInAsync("sam@quiz.local");
        var path = $"/quizzes/{quiz}/take";

        using var unconfirmed = await sam.SubmitNamedFormAsync(path, "start-attempt");
        var unconfirmedPage = await unconfirmed.Content.ReadAsStringAsync();
        await using (var db = scene.App.Services.CreateDbContext())
            Assert.False(await db.Attempts.AnyAsync(a => a.QuizId == quiz));
        using var confirmed = await sam.SubmitNamedFormAsync(path, "start-attempt", ("Start.TimerUnderstood", "True"));
        var resume = await sam.GetStringAsync(path);

        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("the 30 min timer starts now and keeps running if I leave", unconfirmedPage);
        Assert.Contains("Tick the box to confirm you are ready", unconfirmedPage);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        await using var after = scene.App.Services.CreateDbContext();
        var attempt = await after.Attempts.SingleAsync(a => a.QuizId == quiz);
        Assert.EndsWith($"/attempts/{attempt.Id}", confirmed.Headers.Location?.OriginalString);
        Assert.NotNull(attempt.Deadline);
        Assert.Equal($"attempts/{attempt.Id}", Pages.Parse(resume).ByRole("link", "Resume")?.GetAttribute("href"));
        Assert.DoesNotContain("value=\"start-attempt\"", resume);
        // Walking a quiz, "1 of 1 used" alone read as if the attempt were over.
        Assert.Equal("1 of 1 used, one still in progress", Pages.Parse(resume).QuerySelector("[data-attempts]")?.TextContent);
    }

    [Theory, AllDatabaseProviders]
    public async Task UntimedQuizStartsWithOnePostAndNoConfirmation(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var quiz = await scene.OpenQuizAsync();
        using var sam = await scene.SignedInAsync("sam@quiz.local");

        var page = await sam.GetStringAsync($"/quizzes/{quiz}/take");
        using var started = await sam.SubmitNamedFormAsync($"/quizzes/{quiz}/take", "start-attempt");

        Assert.DoesNotContain("timer-understood", page);
        Assert.NotNull(Pages.Parse(page).QuerySelector("local-time time[datetime]")); // the close time, shown in the browser's zone
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Matches("/attempts/[0-9]+$", started.Headers.Location?.OriginalString);
    }

    [Theory, AllDatabaseProviders]
    public async Task QuizOfAnotherClassOrNoQuizAtAllIsNotFound(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var biologyForm = await scene.Choices.NewFormAsync(scene.VersionId);
        (biologyForm.Title, biologyForm.ClassIds) = ("Cells quiz", [scene.BiologyId]);
        var biology = (await scene.Authoring.CreateAsync(scene.Bob, biologyForm, "UTC")).QuizId!.Value;
        using var sam = await scene.SignedInAsync("sam@quiz.local");

        using var otherClass = await sam.GetAsync($"/quizzes/{biology}/take");
        using var none = await sam.GetAsync("/quizzes/987654/take");
        using var startOther = await sam.PostAsync($"/quizzes/{biology}/take", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.NotFound, otherClass.StatusCode);
        Assert.Contains("Page not found", await otherClass.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Cells quiz", await otherClass.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, startOther.StatusCode);
        await using var db = scene.App.Services.CreateDbContext();
        Assert.False(await db.Attempts.AnyAsync());
    }
}
