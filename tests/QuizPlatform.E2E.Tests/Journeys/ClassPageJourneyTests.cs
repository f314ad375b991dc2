using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.E2E.Tests.Infrastructure;
using QuizPlatform.Web.Features.Classes;
using QuizPlatform.Web.Features.Taking;
using QuizPlatform.Web.Tests.Support;
using Xunit.Abstractions;

namespace QuizPlatform.E2E.Tests.Journeys;

/// <summary>
/// A class page as its instructor uses it (the class's quizzes, copying the join code, removing a student who left),
/// as an admin reaches it from the admin menu, and as it stays closed to a student and to another instructor.
/// </summary>
public sealed class ClassPageJourneyTests(QuizSite site, ITestOutputHelper output) : Journey(site, output)
{
    [Fact]
    public async Task InstructorSeesTheQuizzesCopiesTheJoinCodeAndRemovesAStudentWhoseAttemptIsKept()
    {
        var classroom = await Classroom.CreateAsync(site, "Ada Lovelace", "Alan Turing");
        var alan = classroom.Students[1];
        await site.Services.GetRequiredService<AttemptService>().StartAsync(alan.Id, classroom.QuizId);
        var code = await JoinCodeAsync(classroom);
        var page = await site.NewPageAsync();
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.SignInAsync(classroom.Instructor.Email, classroom.Instructor.Password);
        await page.GotoInteractiveAsync($"classes/{classroom.ClassId}");

        var quiz = page.GetByRole(AriaRole.Table, new() { Name = $"Quizzes assigned to {Classroom.ClassName}" })
            .GetByRole(AriaRole.Row).Filter(new() { HasText = Classroom.QuizTitle });
        await Expect(quiz).ToContainTextAsync("Open · closes");
        await Expect(quiz.GetByRole(AriaRole.Link, new() { Name = Classroom.QuizTitle, Exact = true })).ToHaveAttributeAsync("href", $"quizzes/{classroom.QuizId}");
        await Expect(quiz.GetByRole(AriaRole.Link, new() { Name = $"Results of {Classroom.QuizTitle}" }))
            .ToHaveAttributeAsync("href", $"quizzes/{classroom.QuizId}/results");

        await page.GetByRole(AriaRole.Button, new() { Name = "Copy join code" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Copied" })).ToHaveTextAsync($"Copied {code} to the clipboard.");
        Assert.Equal(code, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove Alan Turing from the class" }).ClickAsync();
        var confirmation = page.GetByRole(AriaRole.Group, new() { Name = $"Remove Alan Turing from {Classroom.ClassName}?" });
        await Expect(confirmation).ToBeFocusedAsync();
        await Expect(confirmation).ToContainTextAsync("Their attempts and grades are kept");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove Alan Turing", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Removed" }))
            .ToHaveTextAsync($"Removed Alan Turing from {Classroom.ClassName}. Their attempts and grades are kept.");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Removed" })).ToBeFocusedAsync();
        await page.AssertAccessibleAsync();
        var students = page.GetByRole(AriaRole.Table, new() { Name = $"Students of {Classroom.ClassName}" });
        await Expect(students.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await Expect(students).ToContainTextAsync("Ada Lovelace");
        await using var db = site.Services.CreateDbContext();
        Assert.False(await db.Enrollments.AnyAsync(e => e.StudentId == alan.Id));
        Assert.Equal(1, await db.Attempts.CountAsync(a => a.QuizId == classroom.QuizId && a.StudentId == alan.Id));
    }

    [Fact]
    public async Task InstructorMovesAStudentToTheirOtherClassInOneStepAndTheAttemptStays()
    {
        var classroom = await Classroom.CreateAsync(site, "Ada Lovelace", "Alan Turing");
        var alan = classroom.Students[1];
        await site.Services.GetRequiredService<AttemptService>().StartAsync(alan.Id, classroom.QuizId);
        var groupA = classroom.ClassId;
        var groupB = await site.Services.GetRequiredService<ClassService>().CreateAsync(classroom.Instructor.Id, $"Group B {Guid.NewGuid():N}"[..16]);
        var page = await site.NewPageAsync();
        await page.SignInAsync(classroom.Instructor.Email, classroom.Instructor.Password);
        await page.GotoInteractiveAsync($"classes/{groupA}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Move Alan Turing to another class" }).ClickAsync();
        var move = page.GetByRole(AriaRole.Group, new() { Name = $"Move Alan Turing from {Classroom.ClassName} to another class" });
        await Expect(move).ToBeFocusedAsync();
        await Expect(move).ToContainTextAsync("Their attempts and grades are kept");
        await move.GetByRole(AriaRole.Button, new() { Name = "Move Alan Turing", Exact = true }).ClickAsync();
        await Expect(move.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Choose the class to move them to.");
        await page.AssertAccessibleAsync();
        await move.GetByLabel("Move to").SelectOptionAsync(new SelectOptionValue { Label = groupB.Name });
        await move.GetByRole(AriaRole.Button, new() { Name = "Move Alan Turing", Exact = true }).ClickAsync();

        var status = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Moved" });
        await Expect(status).ToHaveTextAsync($"Moved Alan Turing to {groupB.Name}. Their attempts and grades are kept.");
        await Expect(status).ToBeFocusedAsync();
        var students = page.GetByRole(AriaRole.Table, new() { Name = $"Students of {Classroom.ClassName}" });
        await Expect(students.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await Expect(students).Not.ToContainTextAsync("Alan Turing");
        await using var db = site.Services.CreateDbContext();
        Assert.Equal([groupB.Id], await db.Enrollments.Where(e => e.StudentId == alan.Id).Select(e => e.ClassId).ToListAsync());
        Assert.Equal(1, await db.Attempts.CountAsync(a => a.QuizId == classroom.QuizId && a.StudentId == alan.Id));
    }

    [Fact]
    public async Task InstructorArchivesTheClassOnceItsQuizHasClosedAndBringsItBack()
    {
        var classroom = await Classroom.CreateAsync(site, "Ada Lovelace");
        var page = await site.NewPageAsync();
        await page.SignInAsync(classroom.Instructor.Email, classroom.Instructor.Password);
        await page.GotoInteractiveAsync($"classes/{classroom.ClassId}");
        var archive = page.GetByRole(AriaRole.Button, new() { Name = "Archive class" });
        var status = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "class" });

        await archive.ClickAsync();
        await Expect(status).ToHaveTextAsync($"{Classroom.QuizTitle} is still open to this class: close it first, so that no student is cut off mid-quiz.");
        await Expect(status).ToBeFocusedAsync();
        await using (var db = site.Services.CreateDbContext())
            await db.Quizzes.Where(q => q.Id == classroom.QuizId).ExecuteUpdateAsync(q => q.SetProperty(x => x.ClosesAt, DateTime.UtcNow.AddMinutes(-1)));
        await archive.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Class archived." })).ToBeFocusedAsync();
        await Expect(page.GetByText("Archived on ")).ToContainTextAsync("its join code no longer works");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Copy join code" })).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Bring the class back" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Class brought back" })).ToBeFocusedAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Copy join code" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task WithoutAClipboardTheJoinCodeIsSelectedForCtrlC()
    {
        var classroom = await Classroom.CreateAsync(site);
        var page = await site.NewPageAsync();
        await page.AddInitScriptAsync("delete Navigator.prototype.clipboard");
        await page.SignInAsync(classroom.Instructor.Email, classroom.Instructor.Password);
        await page.GotoInteractiveAsync($"classes/{classroom.ClassId}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Copy join code" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Selected" }))
            .ToHaveTextAsync("Selected: press Ctrl+C (⌘C on a Mac) to copy.");
        Assert.Equal(await JoinCodeAsync(classroom), await page.EvaluateAsync<string>("() => getSelection().toString()"));
    }

    [Fact]
    public async Task AdminFindsEveryClassInTheMenuAndCreatesOneForAChosenInstructor()
    {
        var classroom = await Classroom.CreateAsync(site, "Ada Lovelace");
        var name = $"CNN {Guid.NewGuid():N}"[..12];
        var page = await site.NewPageAsync();
        await page.SignInAsync(QuizSite.AdminEmail, QuizSite.AdminPassword);

        await page.MainNavigationLinks().GetByText("Classes").ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = classroom.Instructor.Name })
            .Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = Classroom.ClassName }) });
        await Expect(row.First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Create class" }).ClickAsync();
        await page.WaitForInteractiveAsync();
        await page.GetByLabel("Class name").FillAsync(name);
        await page.GetByLabel("Instructor").SelectOptionAsync(new SelectOptionValue
        {
            Label = $"{classroom.Instructor.Name} ({classroom.Instructor.Email})",
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Create class" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText($"Taught by {classroom.Instructor.Name}")).ToBeVisibleAsync();
        await using var db = site.Services.CreateDbContext();
        Assert.Equal(classroom.Instructor.Id, await db.Classes.Where(c => c.Name == name).Select(c => c.InstructorId).SingleAsync());
    }

    [Fact]
    public async Task ANewClassCannotTakeTheNameOfAnExistingOne()
    {
        // Rosters find classes by name: with two of one name, a roster asked to rename one, and nothing renames a class.
        var room = await Classroom.CreateAsync(site);
        var page = await site.NewPageAsync();
        await page.SignInAsync(room.Instructor.Email, room.Instructor.Password);
        await page.GotoInteractiveAsync("classes/new");
        await using var db = site.Services.CreateDbContext();
        var before = await db.Classes.CountAsync(c => c.Name == Classroom.ClassName);

        await page.GetByLabel("Class name").FillAsync($" {Classroom.ClassName.ToUpperInvariant()} ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create class" }).ClickAsync();

        await Expect(page.GetByText($"A class named “{Classroom.ClassName.ToUpperInvariant()}” exists already")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New class", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal(before, await db.Classes.CountAsync(c => c.Name == Classroom.ClassName));
    }

    [Fact]
    public async Task StudentAndAnotherInstructorGetNothingOfTheClassWhileAnAdminCanRemoveItsStudents()
    {
        var classroom = await Classroom.CreateAsync(site, "Ada Lovelace");
        var path = $"classes/{classroom.ClassId}";
        var code = await JoinCodeAsync(classroom);
        var (otherEmail, otherPassword) = await site.CreateUserAsync(Roles.Instructor, "Otto Other");

        var student = await site.NewPageAsync();
        await student.SignInAsync(classroom.Students[0].Email, classroom.Students[0].Password);
        await student.GotoAsync(path);
        await Expect(student.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Access denied");

        var other = await site.NewPageAsync();
        await other.SignInAsync(otherEmail, otherPassword);
        var response = await other.GotoAsync(path);
        Assert.Equal(404, response!.Status);
        await Expect(other.GetByText(code)).ToHaveCountAsync(0);
        await Expect(other.GetByRole(AriaRole.Button, new() { Name = "Remove Ada Lovelace from the class" })).ToHaveCountAsync(0);

        var admin = await site.NewPageAsync();
        await admin.SignInAsync(QuizSite.AdminEmail, QuizSite.AdminPassword);
        await admin.GotoInteractiveAsync(path);
        await Expect(admin.GetByText(code)).ToBeVisibleAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Remove Ada Lovelace from the class" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Remove Ada Lovelace", Exact = true }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status).Filter(new() { HasText = "Removed" })).ToContainTextAsync("Removed Ada Lovelace");
        await using var db = site.Services.CreateDbContext();
        Assert.False(await db.Enrollments.AnyAsync(e => e.StudentId == classroom.Students[0].Id));
    }

    /// <summary>The join code as the page shows it ("ABCD-EFGH").</summary>
    async Task<string> JoinCodeAsync(Classroom classroom)
    {
        await using var db = site.Services.CreateDbContext();
        return JoinCodes.Display(await db.Classes.Where(c => c.InstructorId == classroom.Instructor.Id).Select(c => c.JoinCode).SingleAsync());
    }
}
