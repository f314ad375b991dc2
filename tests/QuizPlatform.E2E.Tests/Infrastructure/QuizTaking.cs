using System.Text.RegularExpressions;
using QuizPlatform.Data.Demo;

namespace QuizPlatform.E2E.Tests.Infrastructure;

/// <summary>What a student does to take a quiz, written once for the journeys and the screenshots.</summary>
public static partial class QuizTaking
{
    /// <summary>Signs in as a demo student, opens the demo quiz from the home page, confirms the timer and starts.</summary>
    public static async Task StartDemoQuizAsync(this IPage page, string studentEmail)
    {
        await page.SignInAsync(studentEmail, DemoDataSeeder.Password);
        await page.GotoInteractiveAsync("");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Start {DemoDataSeeder.QuizTitle}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = DemoDataSeeder.QuizTitle, Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("timer starts now").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the timer and the quiz" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(AttemptPage());
        await page.WaitForInteractiveAsync();
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

    [GeneratedRegex("/attempts/[0-9]+(#.*)?$")]
    private static partial Regex AttemptPage();
}
