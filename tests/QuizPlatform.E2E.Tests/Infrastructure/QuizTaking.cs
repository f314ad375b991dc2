using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data.Demo;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Classes;
using QuizPlatform.Web.Tests.Support;

namespace QuizPlatform.E2E.Tests.Infrastructure;

/// <summary>What a student does to take a quiz, written once for the journeys and the screenshots.</summary>
public static partial class QuizTaking
{
    /// <summary>Signs in as a student of the demo class, opens the demo quiz from the home page, confirms the timer and starts.</summary>
    public static async Task StartDemoQuizAsync(this IPage page, string studentEmail, string password = DemoDataSeeder.Password)
    {
        await page.SignInAsync(studentEmail, password);
        await page.GotoInteractiveAsync("");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Start {DemoDataSeeder.QuizTitle}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = DemoDataSeeder.QuizTitle, Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("timer starts now").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the timer and the quiz" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(AttemptPage());
        await page.WaitForInteractiveAsync();
    }

    /// <summary>Opens quiz <paramref name="quizId"/> (one without a time limit) and starts it, as a signed-in student.</summary>
    public static async Task StartQuizAsync(this IPage page, int quizId)
    {
        await page.GotoAsync($"quizzes/{quizId}/take");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the quiz" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(AttemptPage());
        await page.WaitForInteractiveAsync();
    }

    /// <summary>Hands in from the open quiz page, through the confirmation dialog, and waits for the results page.</summary>
    public static async Task HandInAsync(this IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Hand in answers…" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog, new() { Name = "Hand in your answers?" })
            .GetByRole(AriaRole.Button, new() { Name = "Hand in now" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(ResultsPage());
    }

    /// <summary>The save status line under question <paramref name="number"/> (its position in the attempt).</summary>
    public static ILocator SaveStatus(this IPage page, int number) =>
        page.Locator("section.question").Nth(number - 1).Locator(".save-status");

    /// <summary>Presses Tab until <paramref name="target"/> has the focus (at most <paramref name="presses"/> times).</summary>
    public static async Task TabUntilFocusedAsync(this IPage page, ILocator target, int presses = 80)
    {
        for (var i = 0; i < presses; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement"))
                return;
        }
        throw new InvalidOperationException($"{presses} presses of Tab never reached {target}");
    }

    /// <summary>Every visible element <paramref name="selector"/> finds is at least 44 pixels tall (a finger's touch target).</summary>
    public static async Task ExpectTouchTargetsAsync(this IPage page, string selector)
    {
        var small = await page.EvaluateAsync<string[]>("""
            selector => [...document.querySelectorAll(selector)]
                .filter(e => e.checkVisibility() && e.getBoundingClientRect().height < 44)
                .map(e => `${e.textContent.trim()}: ${e.getBoundingClientRect().height}px`)
            """, selector);
        Assert.Empty(small);
    }

    /// <summary>Puts <paramref name="studentEmail"/> in the demo class with its join code; returns their id.</summary>
    public static async Task<string> EnrolInDemoClassAsync(this QuizSite site, string studentEmail)
    {
        using var scope = site.Services.CreateScope();
        var student = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(studentEmail))!.Id;
        var joined = await site.Services.GetRequiredService<EnrollmentService>().JoinAsync(student, DemoDataSeeder.ClassJoinCode);
        Assert.Equal(JoinOutcome.Joined, joined.Outcome);
        return student;
    }

    /// <summary>The first <paramref name="count"/> stored answers of an attempt, in the student's order.</summary>
    public static async Task<string[]> StoredAnswersAsync(this QuizSite site, int attemptId, int count)
    {
        await using var db = site.Services.CreateDbContext();
        return await db.Responses.Where(r => r.AttemptId == attemptId).OrderBy(r => r.Position).Take(count)
            .Select(r => r.Text).ToArrayAsync();
    }

    /// <summary>The attempt id in the quiz page's address.</summary>
    public static int AttemptId(this IPage page) => int.Parse(AttemptIdInPath().Match(page.Url).Groups[1].Value);

    [GeneratedRegex("/attempts/([0-9]+)")]
    private static partial Regex AttemptIdInPath();

    [GeneratedRegex("/attempts/[0-9]+/results$")]
    private static partial Regex ResultsPage();

    [GeneratedRegex("/attempts/[0-9]+(#.*)?$")]
    private static partial Regex AttemptPage();
}
