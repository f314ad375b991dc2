using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.E2E.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using Xunit.Abstractions;

namespace QuizPlatform.E2E.Tests.Journeys;

/// <summary>
/// A double click on a button that creates something, as many people click: the second click reaches the page before
/// the first one's answer, and must not create a second class, quiz or copy, nor apply a roster again, nor submit the
/// empty form left for the next user. Found walking the demo: a double-clicked "Create class" made two classes with
/// different join codes, a double-clicked "Create quiz" showed students the quiz twice, a double-clicked "Create user"
/// said "The Email field is required" under its success.
/// </summary>
public sealed class DoubleClickJourneyTests(QuizSite site, ITestOutputHelper output) : Journey(site, output)
{
    [Fact]
    public async Task DoubleClickedCreateClassCreatesOneClass()
    {
        var room = await Classroom.CreateAsync(site);
        var name = $"Optics {Guid.NewGuid():N}"[..15];
        var page = await site.NewPageAsync();
        await page.SignInAsync(room.Instructor.Email, room.Instructor.Password);
        await page.GotoInteractiveAsync("classes/new");

        await page.GetByLabel("Class name").FillAsync(name);
        await page.Keyboard.PressAsync("Tab"); // on to the button: the name is sent on leaving the field
        await DoubleClickAsync(page.GetByRole(AriaRole.Button, new() { Name = "Create class" }));

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await page.GotoAsync("classes");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = name })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task DoubleClickedCreateQuizCreatesOneQuiz()
    {
        var room = await Classroom.CreateAsync(site);
        var title = $"Filters {Guid.NewGuid():N}"[..16];
        var page = await site.NewPageAsync();
        await page.SignInAsync(room.Instructor.Email, room.Instructor.Password);
        await page.GotoInteractiveAsync("quizzes/new");

        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel(Classroom.ClassName).CheckAsync();
        await DoubleClickAsync(page.GetByRole(AriaRole.Button, new() { Name = "Create quiz" }));

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Quiz created." })).ToBeVisibleAsync();
        await page.GotoAsync("quizzes");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = title })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task DoubleClickedMakeACopyMakesOneCopy()
    {
        var room = await Classroom.CreateAsync(site, "Ada Started");
        await room.GradedAttemptAsync(room.Students[0], "An answer, so the quiz is fixed and offers a copy.");
        var page = await site.NewPageAsync();
        await page.SignInAsync(room.Instructor.Email, room.Instructor.Password);
        await page.GotoInteractiveAsync($"quizzes/{room.QuizId}");

        await DoubleClickAsync(page.GetByRole(AriaRole.Button, new() { Name = "Make a copy" }));

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"{Classroom.QuizTitle} (copy)", Level = 1 })).ToBeVisibleAsync();
        await page.GotoAsync("quizzes");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = $"{Classroom.QuizTitle} (copy)" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task DoubleClickedApplyRosterAppliesItOnceAndSaysOnlyThat()
    {
        var room = await Classroom.CreateAsync(site);
        var email = $"lin-{Guid.NewGuid():N}@e2e.test";
        var admin = await site.NewPageAsync();
        await admin.SignInAsync(QuizSite.AdminEmail, QuizSite.AdminPassword);
        await admin.GotoInteractiveAsync("admin/rosters");
        var className = await ClassNameAsync(room);
        await admin.GetByLabel("Or paste the roster").FillAsync($"email,name,class\n{email},Lin Double,{className}");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Preview roster" }).ClickAsync();

        await DoubleClickAsync(admin.GetByRole(AriaRole.Button, new() { Name = "Apply roster" }));

        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Roster applied: 1 student created, 1 enrolment added");
        await Expect(admin.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await Expect(admin.GetByLabel("Or paste the roster")).ToBeVisibleAsync(); // ready for the next roster
    }

    [Fact]
    public async Task DoubleClickedCreateUserCreatesOneUserAndLeavesTheFreshFormUntouched()
    {
        var email = $"dee-{Guid.NewGuid():N}@e2e.test";
        var admin = await site.NewPageAsync();
        await admin.SignInAsync(QuizSite.AdminEmail, QuizSite.AdminPassword);
        await admin.GotoInteractiveAsync("admin/users/new");
        await admin.GetByLabel("Email").FillAsync(email);
        await admin.GetByLabel("Name", new() { Exact = true }).FillAsync("Dee Double");
        await admin.Keyboard.PressAsync("Tab");
        var createUser = admin.GetByRole(AriaRole.Button, new() { Name = "Create user" });

        await DoubleClickAsync(createUser);
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"Created {email}. The form is ready for the next user.");
        // The second click can also come after the first created the user: on the fresh form, where it used to say
        // "The Email field is required" under the success.
        await createUser.ClickAsync();

        // A step into the next user, answered after that click: by then whatever the click showed is on screen.
        await admin.GetByLabel("Email").FillAsync("the next one");
        await admin.Keyboard.PressAsync("Tab");
        await Expect(admin.GetByText("The Email field is not a valid e-mail address.")).ToBeVisibleAsync();
        await Expect(admin.GetByText("The Name field is required.")).ToHaveCountAsync(0);
        await Expect(admin.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0); // nor "already taken"
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"Created {email}.");
    }

    /// <summary>
    /// Both clicks leave the browser before the page's answer to the first comes back, as they do whenever the server
    /// is slower than the hand (a real double click only sometimes is, so the test would pass by luck).
    /// </summary>
    static Task DoubleClickAsync(ILocator button) => button.EvaluateAsync("button => { button.click(); button.click(); }");

    /// <summary>Every classroom's class has the same name; a roster needs one no other class has.</summary>
    async Task<string> ClassNameAsync(Classroom room)
    {
        var name = $"Roster {Guid.NewGuid():N}"[..15];
        await using var db = site.Services.CreateDbContext();
        var quizClass = await db.QuizClasses.Where(c => c.QuizId == room.QuizId).Select(c => c.Class).SingleAsync();
        quizClass.Name = name;
        await db.SaveChangesAsync();
        return name;
    }
}
