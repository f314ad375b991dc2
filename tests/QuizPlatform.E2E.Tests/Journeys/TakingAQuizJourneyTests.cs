using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data.Demo;
using QuizPlatform.E2E.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;

namespace QuizPlatform.E2E.Tests.Journeys;

/// <summary>
/// A demo student takes the demo quiz (timed, one question per page) in the browser: answers survive a reload and a
/// lost connection, and handing in lands on the results.
/// </summary>
public sealed partial class TakingAQuizJourneyTests(QuizSite site) : IClassFixture<QuizSite>
{
    [Fact]
    public async Task StudentsAnswersSurviveAReloadAndGoingOfflineThenTheyHandIn()
    {
        var page = await site.NewPageAsync();
        await page.StartDemoQuizAsync(DemoDataSeeder.StudentEmails[0]);
        var attemptId = int.Parse(AttemptPath().Match(page.Url).Groups[1].Value);

        var first = page.GetByLabel("Your answer to question 1", new() { Exact = true });
        await first.FillAsync("Convolution layers learn local filters");
        await Expect(page.SaveStatus(1)).ToContainTextAsync("Saved");
        await first.PressSequentiallyAsync(" that detect edges.");
        await page.ReloadAsync(); // before the pause that would save it: the draft in this browser has it
        await page.WaitForInteractiveAsync();
        await Expect(first).ToHaveValueAsync("Convolution layers learn local filters that detect edges.");
        await Expect(page.SaveStatus(1)).ToContainTextAsync("Saved");

        await page.GetByRole(AriaRole.Button, new() { Name = "Next question" }).ClickAsync();
        var second = page.GetByLabel("Your answer to question 2", new() { Exact = true });
        await Expect(second).ToBeVisibleAsync();
        await Expect(first).ToBeHiddenAsync();
        await page.Context.SetOfflineAsync(true);
        await second.PressSequentiallyAsync("Pooling shrinks feature maps.");
        await Expect(page.GetByText("You are offline. Your answers are kept in this browser")).ToBeVisibleAsync();
        await Expect(page.SaveStatus(2)).ToContainTextAsync("Not saved yet: retrying (offline)");
        await page.Context.SetOfflineAsync(false);
        await Expect(page.SaveStatus(2)).ToContainTextAsync("Saved");
        await Expect(page.GetByText("You are offline.")).ToBeHiddenAsync();
        Assert.Equal(["Convolution layers learn local filters that detect edges.", "Pooling shrinks feature maps."],
            await StoredAnswersAsync(attemptId, 2));

        await page.GetByRole(AriaRole.Button, new() { Name = "Hand in answers…" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Hand in your answers?" });
        await Expect(dialog).ToContainTextAsync("48 of 50 questions have no answer:");
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Question 3", Exact = true })).ToBeVisibleAsync();
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Question 1", Exact = true })).ToHaveCountAsync(0);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Hand in now" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/attempts/{attemptId}/results$"));
        await using var db = site.Services.CreateDbContext();
        Assert.NotNull((await db.Attempts.SingleAsync(a => a.Id == attemptId)).SubmittedAt);
    }

    async Task<string[]> StoredAnswersAsync(int attemptId, int count)
    {
        await using var db = site.Services.CreateDbContext();
        return await db.Responses.Where(r => r.AttemptId == attemptId).OrderBy(r => r.Position).Take(count)
            .Select(r => r.Text).ToArrayAsync();
    }

    [GeneratedRegex("/attempts/([0-9]+)")]
    private static partial Regex AttemptPath();
}
