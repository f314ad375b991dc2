using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Data.Assignments;
using QuizPlatform.Data.Entities;
using QuizPlatform.E2E.Tests.Infrastructure;
using QuizPlatform.Web.Features.Classes;
using QuizPlatform.Web.Tests.Support;
using Xunit.Abstractions;

namespace QuizPlatform.E2E.Tests.Journeys;

/// <summary>
/// An instructor building a quiz in the editor: picking some of an assignment's questions, the new quiz's starting
/// assignment and title, what saving says and where, closing and reopening, and accommodations.
/// </summary>
public sealed partial class QuizEditorJourneyTests(QuizSite site, ITestOutputHelper output) : Journey(site, output)
{
    [Fact]
    public async Task TickingTwoOfTheQuestionsStoresExactlyThoseTwoAndEachSaveIsConfirmedWhereTheFocusGoes()
    {
        var room = await Classroom.CreateAsync(site, "Ava Stone");
        var (versionId, count) = await SeededAssignmentAsync();
        var page = await InstructorAsync(room, "quizzes/new");

        await page.GetByLabel("Assignment version").SelectOptionAsync(versionId.ToString());
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Two of them");
        await page.GetByLabel("The questions ticked below").ClickAsync();
        await Expect(page.GetByLabel("The questions ticked below")).ToBeCheckedAsync();
        var ticked = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "ticked" });
        await Expect(ticked).ToHaveTextAsync($"0 of {count} ticked");
        await Expect(Use(page, 1)).Not.ToBeCheckedAsync();
        await Use(page, 1).CheckAsync();
        await Use(page, 3).CheckAsync();
        await Expect(ticked).ToHaveTextAsync($"2 of {count} ticked");
        await page.AssertAccessibleAsync(); // the subset's buttons and count, the warning of a review waiting for no close
        await page.GetByLabel(Classroom.ClassName).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create quiz" }).ClickAsync();

        var created = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Quiz created." });
        await Expect(created).ToBeFocusedAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Two of them", Level = 1 })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(QuizAddress()); // "?created=true" dropped: a reload does not say it again
        var quizId = int.Parse(page.Url.Split('/')[^1]);
        Assert.Equal(new[] { 1, 3 }, await QuestionNumbersAsync(quizId));
        await Expect(Use(page, 1)).ToBeCheckedAsync();
        await Expect(Use(page, 2)).Not.ToBeCheckedAsync();
        await Expect(Use(page, 3)).ToBeCheckedAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Select all" }).ClickAsync();
        await Expect(ticked).ToHaveTextAsync($"{count} of {count} ticked");
        await page.GetByRole(AriaRole.Button, new() { Name = "Select none" }).ClickAsync();
        await Expect(ticked).ToHaveTextAsync($"0 of {count} ticked");
        await Use(page, 2).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        var saved = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved." });
        await Expect(saved).ToBeFocusedAsync();
        await Expect(saved).ToBeInViewportAsync();
        await Expect(page.GetByText("Quiz created.")).ToHaveCountAsync(0);
        Assert.Equal(new[] { 2 }, await QuestionNumbersAsync(quizId));

        // Nobody has started it: it can go, after a second step that says what goes with it. Cancel leaves it, and the
        // keyboard where it was.
        var delete = page.GetByRole(AriaRole.Button, new() { Name = "Delete quiz" });
        await delete.ClickAsync();
        var question = page.GetByRole(AriaRole.Group, new() { Name = "Delete Two of them?" });
        await Expect(question.Locator("p")).ToBeFocusedAsync();
        await question.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(delete).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(question.Locator("p")).ToBeFocusedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete quiz" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Quiz deleted." })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Two of them" })).ToHaveCountAsync(0);
        Assert.Empty(await QuestionNumbersAsync(quizId));
    }

    [Fact]
    public async Task NewQuizStartsFromTheNewestAssignmentAndItsTitleFollowsTheAssignmentUntilTheInstructorTypesOne()
    {
        var room = await Classroom.CreateAsync(site);
        var week = $"Week {Guid.NewGuid():N}"[..13];
        var imported = await site.Services.GetRequiredService<AssignmentImporter>().ImportAsync(Encoding.UTF8.GetBytes(
            $"# {week}\n\n1. What is a tensor?\n\n## Solution\n\n1. A multi-dimensional array of numbers.\n"), "week.md");
        var (seededVersionId, _) = await SeededAssignmentAsync();
        var page = await InstructorAsync(room, "quizzes/new");
        var version = page.GetByLabel("Assignment version");
        var title = page.GetByLabel("Title", new() { Exact = true });

        await Expect(version).ToHaveValueAsync(imported.AssignmentVersionId!.Value.ToString());
        await Expect(title).ToHaveValueAsync(week);
        await version.SelectOptionAsync(seededVersionId.ToString());
        await Expect(title).ToHaveValueAsync("Assignment-8");
        await title.FillAsync("Tensors, my way");
        await title.PressAsync("Tab");
        await version.SelectOptionAsync(imported.AssignmentVersionId!.Value.ToString());

        await Expect(page.GetByText("What is a tensor?")).ToBeVisibleAsync();
        await Expect(title).ToHaveValueAsync("Tensors, my way");
    }

    [Fact]
    public async Task InstructorIsWarnedOfAModelAnswerThatWaitsForNoCloseAndClosesAndReopensTheQuiz()
    {
        var room = await Classroom.CreateAsync(site, "Ben Ortiz");
        await using (var db = site.Services.CreateDbContext())
            await db.Quizzes.Where(q => q.Id == room.QuizId).ExecuteUpdateAsync(q => q
                .SetProperty(x => x.ClosesAt, (DateTime?)null).SetProperty(x => x.ShowModelAnswer, ReviewVisibility.AfterClose));
        var attemptId = await room.GradedAttemptAsync(room.Students[0], "Filters that detect edges.");
        var student = await site.NewPageAsync();
        await student.SignInAsync(room.Students[0].Email, room.Students[0].Password);
        await student.GotoAsync($"attempts/{attemptId}/results");
        await Expect(student.GetByText("Model answers are shown after the quiz closes, and it has no close time yet.")).ToBeVisibleAsync();

        var page = await InstructorAsync(room, $"quizzes/{room.QuizId}");
        var warning = page.GetByText("The model answer is shown after the quiz closes, but it has no close time");
        await Expect(warning).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Close now…" }).ClickAsync();
        await Expect(page.GetByText("Close the quiz now?")).ToBeFocusedAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Close the quiz now" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Quiz closed." })).ToBeFocusedAsync();
        await Expect(warning).ToHaveCountAsync(0);
        Assert.True(await ClosesAtAsync(room.QuizId) <= DateTime.UtcNow);
        await student.ReloadAsync();
        await Expect(student.GetByRole(AriaRole.Heading, new() { Name = "Model answer" }).First).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Reopen…" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Reopen the quiz" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Quiz reopened." })).ToBeFocusedAsync();
        await Expect(warning).ToBeVisibleAsync();
        Assert.Null(await ClosesAtAsync(room.QuizId));
    }

    [Fact]
    public async Task AccommodationsShowTheResultingTimeAndCanNameAStudentWhoHasNotJoinedYet()
    {
        var room = await Classroom.CreateAsync(site, "Cleo Park");
        var (lateEmail, latePassword) = await site.CreateUserAsync(Roles.Student, "Noor Late");
        var page = await InstructorAsync(room, $"quizzes/{room.QuizId}");

        await page.GetByLabel("Time limit").FillAsync("20");
        await page.GetByLabel("Time limit").PressAsync("Tab");
        await page.GetByLabel("Student of the chosen classes").SelectOptionAsync(new SelectOptionValue { Label = "Cleo Park" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add accommodation" }).ClickAsync();
        var multiplier = page.GetByLabel("Time multiplier");
        await Expect(multiplier).ToHaveAccessibleDescriptionAsync("1.5 × 20 min = 30 min");
        await multiplier.FillAsync("2");
        await multiplier.PressAsync("Tab");
        await Expect(multiplier).ToHaveAccessibleDescriptionAsync("2 × 20 min = 40 min");
        await page.GetByLabel("Or a student's email").FillAsync(lateEmail);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add by email" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Remove Noor Late" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved." })).ToBeFocusedAsync();

        await using (var db = site.Services.CreateDbContext())
        {
            var stored = await db.Accommodations.Where(a => a.QuizId == room.QuizId).OrderBy(a => a.Student.DisplayName)
                .Select(a => new { a.Student.DisplayName, a.TimeMultiplier }).ToListAsync();
            Assert.Equal([("Cleo Park", 2.0), ("Noor Late", 1.5)], stored.Select(a => (a.DisplayName, a.TimeMultiplier)));
        }
        var late = await site.NewPageAsync();
        await late.SignInAsync(lateEmail, latePassword);
        await JoinRoomAsync(room, lateEmail);
        await late.GotoAsync($"quizzes/{room.QuizId}/take");
        await Expect(late.Locator("dt:text-is('Time limit') + dd")).ToHaveTextAsync("30 min");
    }

    [ScreenshotFact]
    public async Task QuizEditorScreenshot()
    {
        var room = await Classroom.CreateAsync(site, "Ava Stone", "Ben Ortiz");
        var page = await InstructorAsync(room, $"quizzes/{room.QuizId}");
        await page.SetViewportSizeAsync(1280, 900);
        await page.GetByLabel("A random number of the ticked questions").CheckAsync();
        foreach (var number in new[] { 1, 3, 9 })
            await Use(page, number).CheckAsync();
        await page.GetByLabel("Questions per student").FillAsync("2");
        await page.GetByLabel("Time limit").FillAsync("20");
        await page.GetByLabel("Model answer").SelectOptionAsync("AfterClose");
        await page.GetByLabel("Closes at").FillAsync("");
        await page.GetByLabel("Closes at").PressAsync("Tab");
        await page.GetByLabel("Student of the chosen classes").SelectOptionAsync(new SelectOptionValue { Label = "Ben Ortiz" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add accommodation" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved." })).ToBeFocusedAsync();
        await page.ScreenshotAsync(new() { Path = ScreenshotFactAttribute.PathOf("quiz-editor-desktop.png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
    }

    async Task<IPage> InstructorAsync(Classroom room, string path)
    {
        var page = await site.NewPageAsync();
        await page.SignInAsync(room.Instructor.Email, room.Instructor.Password);
        await page.GotoInteractiveAsync(path);
        return page;
    }

    static ILocator Use(IPage page, int number) => page.GetByLabel($"Use question {number}", new() { Exact = true });

    async Task<(int VersionId, int QuestionCount)> SeededAssignmentAsync()
    {
        await using var db = site.Services.CreateDbContext();
        var version = await db.AssignmentVersions.Where(v => v.Assignment.Title == "Assignment-8").OrderByDescending(v => v.Version)
            .Select(v => new { v.Id, Questions = v.Questions.Count }).FirstAsync();
        return (version.Id, version.Questions);
    }

    async Task<int[]> QuestionNumbersAsync(int quizId)
    {
        await using var db = site.Services.CreateDbContext();
        return await db.QuizQuestions.Where(q => q.QuizId == quizId).OrderBy(q => q.Position).Select(q => q.Question.Number).ToArrayAsync();
    }

    async Task<DateTime?> ClosesAtAsync(int quizId)
    {
        await using var db = site.Services.CreateDbContext();
        return await db.Quizzes.Where(q => q.Id == quizId).Select(q => q.ClosesAt).SingleAsync();
    }

    async Task JoinRoomAsync(Classroom room, string email)
    {
        await using var db = site.Services.CreateDbContext();
        var code = await db.QuizClasses.Where(c => c.QuizId == room.QuizId).Select(c => c.Class.JoinCode).SingleAsync();
        var studentId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        Assert.Equal(JoinOutcome.Joined, (await site.Services.GetRequiredService<EnrollmentService>().JoinAsync(studentId, code)).Outcome);
    }

    [GeneratedRegex("/quizzes/[0-9]+$")]
    private static partial Regex QuizAddress();
}
