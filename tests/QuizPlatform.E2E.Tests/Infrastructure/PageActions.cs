using System.Text.RegularExpressions;

namespace QuizPlatform.E2E.Tests.Infrastructure;

/// <summary>What a person does on any page, written once: sign in, wait until an interactive page responds.</summary>
public static partial class PageActions
{
    /// <summary>Signs in through the real login form and waits until the signed-in layout shows.</summary>
    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await Expect(page).Not.ToHaveURLAsync(LoginPage());
    }

    /// <summary>
    /// Opens <paramref name="path"/> and waits for its Blazor circuit: interactive pages are prerendered, and a click
    /// before the circuit connects does nothing. Pages driven by tests set <c>data-interactive="true"</c> on their
    /// root element once rendered interactively.
    /// </summary>
    public static async Task GotoInteractiveAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
    }

    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("[data-interactive=true]").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>The section links in the top bar's main navigation, in order.</summary>
    public static ILocator MainNavigationLinks(this IPage page) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link);

    [GeneratedRegex("/Account/Login", RegexOptions.IgnoreCase)]
    private static partial Regex LoginPage();
}
