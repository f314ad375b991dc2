using System.Text.RegularExpressions;
using QuizPlatform.E2E.Tests.Infrastructure;

namespace QuizPlatform.E2E.Tests.Journeys;

/// <summary>
/// An admin's forms while the page is still connecting: the connected page replaces the prerendered one, so text typed
/// into the prerendered fields was wiped without a word (found walking the import: a document pasted as soon as the
/// page showed was gone). The fields take no input until the page is connected.
/// </summary>
public sealed class BeforeThePageConnectsTests(QuizSite site) : Journey(site)
{
    [Theory]
    [InlineData("admin/assignments/import", "Or paste the Markdown")]
    [InlineData("admin/rosters", "Or paste the roster")]
    [InlineData("classes/new", "Class name")]
    [InlineData("admin/users/new", "Email")]
    public async Task AFieldTakesTypingOnlyOnceThePageIsConnected(string path, string label)
    {
        var admin = await site.NewPageAsync();
        await admin.SignInAsync(QuizSite.AdminEmail, QuizSite.AdminPassword);
        // A slow connection: the page shows while Blazor's script is still on its way.
        var scriptArrives = new TaskCompletionSource();
        await admin.RouteAsync(new Regex("/_framework/blazor\\.web"), async route =>
        {
            await scriptArrives.Task;
            await route.ContinueAsync();
        });
        await admin.GotoAsync(path, new() { WaitUntil = WaitUntilState.Commit });

        var field = admin.GetByLabel(label, new() { Exact = true });
        await Expect(field).ToBeDisabledAsync();
        scriptArrives.SetResult();
        await admin.WaitForInteractiveAsync();
        await field.FillAsync("Typed once connected");
        await field.PressAsync("Tab");
        await Expect(field).ToHaveValueAsync("Typed once connected");
    }
}
