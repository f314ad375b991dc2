using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.E2E.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using Xunit.Abstractions;

namespace QuizPlatform.E2E.Tests.Journeys;

/// <summary>Each role signs in through the login form and sees its own sections, and no one else's.</summary>
public sealed class SignInAndNavigationTests(QuizSite site, ITestOutputHelper output) : Journey(site, output)
{
    [Fact]
    public async Task AdminSeesAdministrationAndTheSeededAssignmentAndTheBrowserReportsNoProblem()
    {
        var page = await site.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "warning" or "error")
                problems.Add($"{page.Url}: {message.Text}");
        };

        await page.SignInAsync(QuizSite.AdminEmail, QuizSite.AdminPassword);

        await Expect(page.MainNavigationLinks()).ToHaveTextAsync(["Users", "Classes", "Rosters", "Assignments", "Audit trail"]);
        await page.GotoAsync("assignments");
        var seeded = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "Assignment-8" }) });
        await Expect(seeded.GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync("50");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task StudentSeesOnlyTheirQuizzesAndIsRefusedAdministration()
    {
        var (email, password) = await site.CreateUserAsync(Roles.Student, "Sam Student");
        var page = await site.NewPageAsync();

        await page.SignInAsync(email, password);

        await Expect(page.MainNavigationLinks()).ToHaveTextAsync(["My quizzes"]);
        await Expect(page.GetByRole(AriaRole.Banner)).ToContainTextAsync("Sam Student");
        foreach (var staffPage in new[] { "admin/users", "assignments" })
        {
            await page.GotoAsync(staffPage);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Access denied");
        }
    }

    [Fact]
    public async Task StudentSignsOutTheLabComputerTheyForgotFromTheirPhone()
    {
        var (email, password) = await site.CreateUserAsync(Roles.Student, "Forgetful Student");
        var lab = await site.NewPageAsync();
        await lab.SignInAsync(email, password);
        var phone = await site.NewPageAsync(phone: true);
        await phone.SignInAsync(email, password);

        await phone.GotoAsync("Account/Manage/Sessions");
        var sessions = phone.GetByRole(AriaRole.Table);
        await Expect(sessions.GetByRole(AriaRole.Row)).ToHaveCountAsync(3); // the header and two browsers
        await Expect(sessions.GetByRole(AriaRole.Row).Filter(new() { HasText = "This device" })).ToHaveCountAsync(1);
        // On the phone's screen, not off its right edge, with nothing to scroll sideways for.
        var signOutLab = await sessions.GetByRole(AriaRole.Button).BoundingBoxAsync();
        Assert.True(signOutLab!.X + signOutLab.Width <= phone.ViewportSize!.Width, $"the lab's Sign out ends at {signOutLab.X + signOutLab.Width} px");
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"));
        await phone.GetByRole(AriaRole.Button, new() { Name = "Sign out all other sessions" }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Alert)).ToHaveTextAsync("1 other session is signed out.");
        await Expect(phone.GetByText("You are signed in on this device only.")).ToBeVisibleAsync();

        await lab.GotoAsync("Account/Manage");
        await Expect(lab).ToHaveURLAsync(new Regex("/Account/Login"));
    }

    [Fact]
    public async Task AnOpenPageLeavesForSignInTheMomentItsSessionIsEndedFromAnotherDevice()
    {
        var (email, password) = await site.CreateUserAsync(Roles.Student, "Left Signed In");
        var lab = await site.NewPageAsync();
        await lab.SignInAsync(email, password);
        await lab.GotoInteractiveAsync(""); // the home page: its quiz list is interactive
        await Expect(lab.GetByRole(AriaRole.Heading, new() { Name = "Welcome", Level = 1 })).ToBeVisibleAsync();

        await SignOutOtherSessionsFromAPhoneAsync(email, password);

        // No click on the lab computer: the page leaves by itself, nothing of it left to read.
        await Expect(lab).ToHaveURLAsync(new Regex("/Account/Login"));
        await Expect(SessionEndedLine(lab)).ToHaveTextAsync("You were signed out: this session was ended.");
        await Expect(lab.GetByRole(AriaRole.Heading, new() { Name = "Welcome" })).ToHaveCountAsync(0);
        await Expect(lab.MainNavigationLinks()).ToHaveCountAsync(0);

        await lab.GetByLabel("Email").FillAsync(email);
        await lab.GetByLabel("Password").FillAsync(password);
        await lab.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(lab.GetByRole(AriaRole.Heading, new() { Name = "Welcome", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task APageWithoutACircuitLeavesForSignInWithinAMinuteOfItsSessionEnding()
    {
        var (email, password) = await site.CreateUserAsync(Roles.Instructor, "Left Open");
        var office = await site.NewPageAsync();
        await office.Clock.InstallAsync();
        await office.SignInAsync(email, password);
        await office.GotoAsync("Account/Manage"); // rendered on the server, no circuit
        await Expect(office.GetByRole(AriaRole.Heading, new() { Name = "Manage your account" })).ToBeVisibleAsync();

        await SignOutOtherSessionsFromAPhoneAsync(email, password);
        await office.Clock.FastForwardAsync("01:01");

        await Expect(office).ToHaveURLAsync(new Regex("/Account/Login"));
        await Expect(SessionEndedLine(office)).ToHaveTextAsync("You were signed out: this session was ended.");
    }

    async Task SignOutOtherSessionsFromAPhoneAsync(string email, string password)
    {
        var phone = await site.NewPageAsync();
        await phone.SignInAsync(email, password);
        await phone.GotoAsync("Account/Manage/Sessions");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Sign out all other sessions" }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Alert)).ToHaveTextAsync("1 other session is signed out.");
    }

    internal static ILocator SessionEndedLine(IPage page) =>
        page.GetByRole(AriaRole.Status).Filter(new() { HasText = "You were signed out" });

    [Fact]
    public async Task StudentChangesTheirNameOnTheAccountPageAndTheTopBarShowsIt()
    {
        var (email, password) = await site.CreateUserAsync(Roles.Student, "Sam Misspelt");
        var page = await site.NewPageAsync();
        await page.SignInAsync(email, password);

        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Sam Misspelt" }).ClickAsync();
        var name = page.GetByLabel("Name", new() { Exact = true });
        await Expect(name).ToHaveValueAsync("Sam Misspelt");
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Save" });
        await name.FillAsync("   ");
        await save.ClickAsync();
        await Expect(page.GetByText("Enter your name.").First).ToBeVisibleAsync();
        await name.FillAsync(new string('x', 201));
        await save.ClickAsync();
        await Expect(page.GetByText("Your name can be at most 200 characters.").First).ToBeVisibleAsync();
        await page.AssertAccessibleAsync(); // the form with its errors
        await name.FillAsync("  Sam Spelt Right ");
        await save.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Your profile has been updated" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Enter your name.")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Sam Spelt Right", Exact = true })).ToBeVisibleAsync();
        await Expect(name).ToHaveValueAsync("Sam Spelt Right");
        await using var db = site.Services.CreateDbContext();
        Assert.Equal("Sam Spelt Right", await db.Users.Where(u => u.Email == email).Select(u => u.DisplayName).SingleAsync());
    }

    [Fact]
    public async Task AStudentMistypingThenRefusedByABusyServerIsToldEachTimeAndGetsInWithoutTypingAgain()
    {
        var (email, password) = await site.CreateUserAsync(Roles.Student, "Rush Student");
        var page = await site.NewPageAsync();
        var posts = 0;
        // The second post is answered as a server past its sign-in gate answers (503, Retry-After); the others reach it.
        await page.RouteAsync("**/Account/Login", async route =>
        {
            if (route.Request.Method == "POST" && ++posts == 2)
                await route.FulfillAsync(new() { Status = 503, Headers = new Dictionary<string, string> { ["Retry-After"] = "1" }, Body = "Busy" });
            else
                await route.ContinueAsync();
        });
        await page.GotoAsync("Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("Not-" + password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Error: Invalid login attempt.");
        await Expect(page.GetByLabel("Email")).ToHaveValueAsync(email);
        await Expect(page.GetByLabel("Password")).ToHaveValueAsync("");

        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Many students are signing in right now; trying again in");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Banner)).ToContainTextAsync("Rush Student");
        Assert.Equal(3, posts);
    }

    [Fact]
    public async Task SigningOutReturnsToTheSignInForm()
    {
        var (email, password) = await site.CreateUserAsync(Roles.Instructor, "Ida Instructor");
        var page = await site.NewPageAsync();
        await page.SignInAsync(email, password);
        await Expect(page.MainNavigationLinks()).ToHaveTextAsync(["Classes", "Quizzes", "Assignments"]);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.MainNavigationLinks()).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task KeyboardUserCanSkipStraightToTheContent()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("Account/Login"); // not the root: with <base href="/"> a bare "#main" would leave the page

        // Each navigation focuses the page's h1 (FocusOnNavigate); the skip link serves whoever starts at the top.
        var skipLink = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
        await Expect(skipLink).Not.ToBeInViewportAsync();
        await skipLink.FocusAsync();
        await Expect(skipLink).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Main)).ToBeFocusedAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login#main$"));
    }

    [Fact]
    public async Task ScriptInjectedIntoAPageDoesNotRun()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("Account/Login");

        // What an XSS would add if it got past the encoding: an inline script, and an inline handler.
        var script = await RefusalAsync(page, """
            const script = document.createElement("script");
            script.textContent = "window.injected = true";
            document.body.append(script);
            """);
        var handler = await RefusalAsync(page, """
            const image = document.createElement("img");
            image.setAttribute("onerror", "window.injected = true");
            image.src = "data:,";
            document.body.append(image);
            """);

        Assert.Contains("inline script", script);
        Assert.Contains("inline event handler", handler);
        Assert.Null(await page.EvaluateAsync<bool?>("() => window.injected"));
        Assert.Equal(2, site.PageProblems.Take().Count); // expected here: the journey's own check would fail the test
    }

    static async Task<string> RefusalAsync(IPage page, string injection) =>
        (await page.RunAndWaitForConsoleMessageAsync(() => page.EvaluateAsync($"() => {{ {injection} }}"),
            new() { Predicate = message => message.Text.Contains(PageProblems.PolicyMarker) })).Text;
}
