using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Data.Demo;
using QuizPlatform.E2E.Tests.Infrastructure;
using QuizPlatform.Web.Features.Accounts;
using QuizPlatform.Web.Features.Taking;
using Xunit.Abstractions;

namespace QuizPlatform.E2E.Tests.Journeys;

/// <summary>
/// No answer is lost and none is overwritten silently: text the server never got comes back from this browser, a
/// newer answer saved elsewhere wins but the draft stays on offer, two tabs are told of each other, and a lost circuit
/// blocks nothing.
/// </summary>
public sealed class AnswerSafetyTests(QuizSite site, ITestOutputHelper output) : Journey(site, output)
{
    [Fact]
    public async Task TextTheServerNeverGotIsRestoredFromThisBrowserAndSavedAfterAReload()
    {
        var page = await site.NewPageAsync();
        await page.StartDemoQuizAsync(DemoDataSeeder.StudentEmails[1]);
        var attemptId = page.AttemptId();
        await page.RouteAsync("**/api/attempts/**", route => route.AbortAsync()); // the server never hears of it

        var first = page.GetByLabel("Your answer to question 1", new() { Exact = true });
        await first.FillAsync("Kept only in this browser.");
        await Expect(page.SaveStatus(1)).ToContainTextAsync("Not saved yet: retrying");
        Assert.Equal([""], await site.StoredAnswersAsync(attemptId, 1));
        await page.UnrouteAllAsync();
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();

        await Expect(first).ToHaveValueAsync("Kept only in this browser.");
        await Expect(page.SaveStatus(1)).ToContainTextAsync("Saved");
        Assert.Equal(["Kept only in this browser."], await site.StoredAnswersAsync(attemptId, 1));
    }

    [Fact]
    public async Task AnswerChangedInAnotherTabIsNeverOverwrittenSilently()
    {
        var tab = await site.NewPageAsync();
        await tab.StartDemoQuizAsync(DemoDataSeeder.StudentEmails[2]);
        var otherTab = await tab.Context.NewPageAsync();
        await otherTab.GotoAsync(tab.Url);
        await otherTab.WaitForInteractiveAsync();

        await otherTab.GetByLabel("Your answer to question 1", new() { Exact = true }).FillAsync("Written in the other tab.");
        await Expect(otherTab.SaveStatus(1)).ToContainTextAsync("Saved");
        var here = tab.GetByLabel("Your answer to question 1", new() { Exact = true });
        await here.FillAsync("Written in this tab.");

        await Expect(tab.SaveStatus(1)).ToContainTextAsync("changed in another tab or window");
        await tab.GetByRole(AriaRole.Button, new() { Name = "Load the saved version" }).ClickAsync();
        await Expect(here).ToHaveValueAsync("Written in the other tab.");
        await here.FillAsync("Written in this tab, after all.");
        await Expect(tab.SaveStatus(1)).ToContainTextAsync("Saved");
        var attemptId = tab.AttemptId();
        Assert.Equal(["Written in this tab, after all."], await site.StoredAnswersAsync(attemptId, 1));
    }

    [Fact]
    public async Task DraftOlderThanTheSavedAnswerIsOfferedNotForcedAfterAReload()
    {
        var (email, password) = await site.CreateUserAsync(Roles.Student, "Two Devices");
        var studentId = await site.EnrolInDemoClassAsync(email);
        var page = await site.NewPageAsync();
        await page.StartDemoQuizAsync(email, password);
        var attemptId = page.AttemptId();
        await page.RouteAsync("**/api/attempts/**", route => route.AbortAsync());
        var first = page.GetByLabel("Your answer to question 1", new() { Exact = true });
        await first.FillAsync("Typed on the laptop, never sent.");
        await Expect(page.SaveStatus(1)).ToContainTextAsync("Not saved yet");
        var questionId = (await site.Services.GetRequiredService<AttemptService>().LoadAsync(studentId, attemptId))!.Questions[0].QuestionId;
        await site.Services.GetRequiredService<AttemptService>().SaveAsync(studentId, attemptId, questionId, "Saved from the phone.", 0);

        await page.UnrouteAllAsync();
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();

        await Expect(first).ToHaveValueAsync("Saved from the phone.");
        var notice = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Your unsaved text from this browser is kept" });
        await Expect(notice).ToBeVisibleAsync();
        await notice.GetByRole(AriaRole.Button, new() { Name = "Restore it" }).ClickAsync();
        await Expect(first).ToHaveValueAsync("Typed on the laptop, never sent.");
        await Expect(page.SaveStatus(1)).ToContainTextAsync("Saved");
        Assert.Equal(["Typed on the laptop, never sent."], await site.StoredAnswersAsync(attemptId, 1));
    }

    [Fact]
    public async Task ExpiredSecurityTokenAsksForAReloadAndTheReloadSavesTheText()
    {
        var page = await site.NewPageAsync();
        await page.StartDemoQuizAsync(DemoDataSeeder.StudentEmails[3]);
        await page.EvaluateAsync("document.querySelector('quiz-attempt').token = 'expired'");

        var first = page.GetByLabel("Your answer to question 1", new() { Exact = true });
        await first.FillAsync("Typed while the token was stale.");

        var alert = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "reload the page" });
        await Expect(alert).ToBeVisibleAsync();
        await alert.GetByRole(AriaRole.Button, new() { Name = "Reload the page" }).ClickAsync();
        await page.WaitForInteractiveAsync();
        await Expect(first).ToHaveValueAsync("Typed while the token was stale.");
        await Expect(page.SaveStatus(1)).ToContainTextAsync("Saved");
        Assert.Equal(["Typed while the token was stale."], await site.StoredAnswersAsync(page.AttemptId(), 1));
    }

    [Fact]
    public async Task HandedInFromAnotherTabStopsSavingAndSaysSo()
    {
        var tab = await site.NewPageAsync();
        await tab.StartDemoQuizAsync(DemoDataSeeder.StudentEmails[4]);
        var otherTab = await tab.Context.NewPageAsync();
        await otherTab.GotoAsync(tab.Url);
        await otherTab.WaitForInteractiveAsync();
        await otherTab.GetByRole(AriaRole.Button, new() { Name = "Hand in answers…" }).ClickAsync();
        await otherTab.GetByRole(AriaRole.Button, new() { Name = "Hand in now" }).ClickAsync();
        await Expect(otherTab).ToHaveURLAsync(new Regex("/results$"));

        await tab.GetByLabel("Your answer to question 1", new() { Exact = true }).FillAsync("Too late for this one.");

        var alert = tab.GetByRole(AriaRole.Alert).Filter(new() { HasText = "handed in" });
        await Expect(alert).ToContainTextAsync("Your text is kept in this browser.");
        await Expect(tab.SaveStatus(1)).ToContainTextAsync("Not saved");
        Assert.Equal([""], await site.StoredAnswersAsync(tab.AttemptId(), 1));
    }

    [Fact]
    public async Task QuizPageWhoseSessionEndedLeavesForSignInKeepingWhatWasSavedAndSayingWhatWasNot()
    {
        var (email, password) = await site.CreateUserAsync(Roles.Student, "Lab Computer");
        var studentId = await site.EnrolInDemoClassAsync(email);
        var page = await site.NewPageAsync();
        await page.StartDemoQuizAsync(email, password);
        var attemptId = page.AttemptId();
        var first = page.GetByLabel("Your answer to question 1", new() { Exact = true });
        await first.FillAsync("Saved before the session ended.");
        await Expect(page.SaveStatus(1)).ToContainTextAsync("Saved");

        // From the phone: "Sign out all other sessions".
        await site.Services.GetRequiredService<AccountSessions>().EndOthersAsync(studentId, keepId: "the phone's");
        await first.FillAsync("Saved before the session ended, and typed after it.");

        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
        await Expect(SignInAndNavigationTests.SessionEndedLine(page)).ToHaveTextAsync("You were signed out: this session was ended. "
            + "Your answers saved before it ended are kept; what you typed in 1 answer since its last save was not saved.");
        Assert.Equal(["Saved before the session ended."], await site.StoredAnswersAsync(attemptId, 1));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => Object.keys(localStorage).filter(key => key.startsWith('quiz:')).length"));

        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForInteractiveAsync();
        await Expect(first).ToHaveValueAsync("Saved before the session ended.");
    }

    [Fact]
    public async Task TextTypedBeforeThePageScriptHasLoadedIsKeptAndSaved()
    {
        var (email, password) = await site.CreateUserAsync(Roles.Student, "Quick Typist");
        await site.EnrolInDemoClassAsync(email);
        var page = await site.NewPageAsync();
        await page.StartDemoQuizAsync(email, password);
        var attemptId = page.AttemptId();
        // A slow connection: the questions show while the page's script is still on its way.
        var scriptArrives = new TaskCompletionSource();
        await page.RouteAsync(new Regex("/js/quiz-attempt"), async route =>
        {
            await scriptArrives.Task;
            await route.ContinueAsync();
        });
        await page.ReloadAsync(new() { WaitUntil = WaitUntilState.Commit });

        var first = page.GetByLabel("Your answer to question 1", new() { Exact = true });
        await first.FillAsync("Typed before the script arrived.");
        scriptArrives.SetResult();
        await page.WaitForInteractiveAsync();

        await Expect(first).ToHaveValueAsync("Typed before the script arrived.");
        await Expect(page.SaveStatus(1)).ToContainTextAsync("Saved");
        Assert.Equal(["Typed before the script arrived."], await site.StoredAnswersAsync(attemptId, 1));
    }

    [Fact]
    public async Task QuizPageWhoseScriptFailedToLoadSaysNothingIsBeingSaved()
    {
        var (email, password) = await site.CreateUserAsync(Roles.Student, "No Script");
        await site.EnrolInDemoClassAsync(email);
        var page = await site.NewPageAsync();
        await page.StartDemoQuizAsync(email, password);
        var warning = page.GetByText("Your answers are not being saved");
        await page.WaitForTimeoutAsync(3_500); // the warning waits 3 s for the script before it shows
        await Expect(warning).ToBeHiddenAsync();

        await page.RouteAsync(new Regex("/js/quiz-attempt"), route => route.AbortAsync());
        await page.ReloadAsync();

        await Expect(warning).ToBeVisibleAsync(new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task LostConnectionShowsABannerThatDoesNotBlockThePage()
    {
        var (email, password) = await site.CreateUserAsync(Roles.Student, "Cut Off");
        var page = await site.NewPageAsync();
        IWebSocketRoute? circuit = null;
        var cutOff = false;
        await page.RouteWebSocketAsync(new Regex("/_blazor"), socket =>
        {
            if (cutOff)
                socket.CloseAsync();
            else
                circuit = socket.ConnectToServer();
        });
        await page.SignInAsync(email, password);
        await page.GotoInteractiveAsync("");

        cutOff = true;
        await circuit!.CloseAsync();

        var banner = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Connection lost" });
        await Expect(banner).ToBeVisibleAsync();
        await Expect(banner).ToContainTextAsync("Quiz answers are safe in this browser");
        await page.GetByLabel("Join a class with a code").FillAsync("still typing"); // nothing modal in the way
        cutOff = false;
        await Expect(banner).ToBeHiddenAsync();
    }
}
