using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.E2E.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using Xunit.Abstractions;

namespace QuizPlatform.E2E.Tests.Journeys;

/// <summary>
/// A course set up in the browser: an admin imports an assignment and uploads the class roster; the instructor builds
/// a quiz on the assignment for their class.
/// </summary>
public sealed class AssignmentToQuizJourneyTests(QuizSite site, ITestOutputHelper output) : Journey(site, output)
{
    [Fact]
    public async Task BrokenDocumentIsShownWithLineNumberedErrorsAndNothingIsImported()
    {
        var title = $"Broken {Guid.NewGuid():N}";
        var page = await site.NewPageAsync();
        await page.SignInAsync(QuizSite.AdminEmail, QuizSite.AdminPassword);
        await page.GotoInteractiveAsync("admin/assignments/import");

        await page.GetByLabel("Or paste the Markdown").FillAsync(Document(title, answers: 1));
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview pasted text" }).ClickAsync();

        var error = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Question 2 has no model answer" });
        await Expect(error.GetByRole(AriaRole.Cell).First).ToHaveTextAsync("4");
        await Expect(error).ToContainTextAsync("2. What does pooling do?");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Import assignment" })).ToBeDisabledAsync();
        await page.AssertAccessibleAsync(); // the error table, as only a preview shows it
        await using var db = site.Services.CreateDbContext();
        Assert.False(await db.Assignments.AnyAsync(a => a.Title == title));
    }

    [Fact]
    public async Task ImportedAssignmentBecomesAQuizForARosteredClass()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (assignment, className, quiz) = ($"Week {suffix}", $"CNN {suffix}", $"Quiz {suffix}");

        var admin = await site.NewPageAsync();
        await admin.SignInAsync(QuizSite.AdminEmail, QuizSite.AdminPassword);
        await admin.GotoInteractiveAsync("admin/assignments/import");
        await admin.GetByLabel("Or paste the Markdown").FillAsync(Document(assignment, answers: 2));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Preview pasted text" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Question 2" })).ToBeVisibleAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Import assignment" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"Imported “{assignment}” as version 1 (2 questions). Open the assignment");
        await admin.AssertAccessibleAsync(); // the success alert
        await admin.GetByRole(AriaRole.Link, new() { Name = "Open the assignment" }).ClickAsync();
        await Expect(admin.GetByText("Version 1 of 1, from pasted text,")).ToBeVisibleAsync(); // no file it never had
        await admin.GotoAsync("admin/assignments");
        await Expect(admin.GetByRole(AriaRole.Link, new() { Name = assignment, Exact = true })).ToBeVisibleAsync();

        var (email, password) = await site.CreateUserAsync(Roles.Instructor, "Ida Instructor");
        var instructor = await site.NewPageAsync();
        await instructor.SignInAsync(email, password);
        await instructor.GotoInteractiveAsync("classes/new");
        await instructor.GetByLabel("Class name").FillAsync(className);
        await instructor.GetByRole(AriaRole.Button, new() { Name = "Create class" }).ClickAsync();
        await Expect(instructor.GetByRole(AriaRole.Heading, new() { Name = className, Level = 1 })).ToBeVisibleAsync();

        await admin.GotoInteractiveAsync("admin/rosters");
        await admin.GetByLabel("Or paste the roster").FillAsync(
            $"email,name,class\nava-{suffix}@e2e.test,Ava Student,{className}\nben-{suffix}@e2e.test,Ben Student,{className}\n");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Preview roster" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "Create and enrol" })).ToHaveCountAsync(2);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Apply roster" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Roster applied: 2 students created, 2 enrolments added");

        await instructor.GotoInteractiveAsync("quizzes/new");
        await instructor.GetByLabel("Title", new() { Exact = true }).FillAsync(quiz);
        await instructor.GetByLabel("Assignment version")
            .SelectOptionAsync(new SelectOptionValue { Label = $"{assignment}, version 1 (latest) · 2 questions" });
        await Expect(instructor.GetByText("What does pooling do?")).ToBeVisibleAsync();
        await instructor.GetByLabel(className).CheckAsync();
        await instructor.GetByRole(AriaRole.Button, new() { Name = "Create quiz" }).ClickAsync();
        await Expect(instructor.GetByRole(AriaRole.Heading, new() { Name = quiz, Level = 1 })).ToBeVisibleAsync();

        await instructor.GotoInteractiveAsync("quizzes");
        var row = instructor.GetByRole(AriaRole.Row).Filter(new() { Has = instructor.GetByRole(AriaRole.Link, new() { Name = quiz }) });
        await Expect(row.GetByRole(AriaRole.Cell)).ToContainTextAsync([quiz, $"{assignment} (v1)", "2", className]);
        await instructor.GotoAsync("classes");
        var classRow = instructor.GetByRole(AriaRole.Row).Filter(new() { Has = instructor.GetByRole(AriaRole.Link, new() { Name = className }) });
        await Expect(classRow.GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync("2");
    }

    /// <summary>Two questions; with <paramref name="answers"/> = 1 the second has no model answer (an error on line 4).</summary>
    private static string Document(string title, int answers) => string.Join('\n',
    [
        $"# {title}",
        "",
        "1. What is a convolution?",
        "2. What does pooling do?",
        "",
        "## Solution",
        "",
        "1. A sliding dot product of a kernel over the image, producing a feature map.",
        "",
        .. answers > 1 ? ["2. It downsamples feature maps by summarising each window, for example by its maximum."] : Array.Empty<string>(),
    ]) + "\n";
}
