using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.E2E.Tests.Infrastructure;
using QuizPlatform.Web.Components.Shared;
using QuizPlatform.Web.Tests.Support;
using Xunit.Abstractions;

namespace QuizPlatform.E2E.Tests.Journeys;

/// <summary>
/// An instructor widens a keyword after the class handed in: the keyword editor previews the change on the quiz as
/// it is typed, the instructor applies it, and the dashboard shows the new marks. And the README's picture of the preview.
/// </summary>
public sealed class RegradeJourneyTests(QuizSite site, ITestOutputHelper output) : Journey(site, output)
{
    /// <summary>Ada's answer says the first keyword of question 1 in a word the key does not know yet.</summary>
    const string Word = "zorblax";

    [Fact]
    public async Task InstructorEditsAKeywordWatchesThePreviewAppliesItAndTheDashboardShowsTheNewMarks()
    {
        var (classroom, page, phrase) = await PreviewAsync();
        var ada = page.GetByRole(AriaRole.Table, new() { Name = $"Marks that change in {Classroom.QuizTitle}" })
            .GetByRole(AriaRole.Row).Filter(new() { HasText = "Ada Lovelace" });
        await Expect(ada).ToContainTextAsync($"Found now: {phrase}");
        await Expect(ada.Locator("mark")).ToHaveTextAsync(new Regex($"^{Word}", RegexOptions.IgnoreCase));

        // Every weight doubled (each keyword's share stays), the last one still being typed when Apply is clicked: the
        // preview on screen is of the keywords before, so nothing is applied until a preview of these is shown.
        var weights = page.GetByLabel("Weight", new() { Exact = true });
        for (var i = 0; i < await weights.CountAsync(); i++)
            await weights.Nth(i).FillAsync((2 * double.Parse(await weights.Nth(i).InputValueAsync(), CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture));
        var apply = page.GetByRole(AriaRole.Button, new() { Name = $"Save keywords and regrade {Classroom.QuizTitle}" });
        await apply.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "The keywords changed after this preview" })).ToBeVisibleAsync();
        await apply.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved as key version 2" }))
            .ToContainTextAsync($"2 answers in {Classroom.QuizTitle} regraded: 1 up, 0 down.");
        double score;
        await using (var db = site.Services.CreateDbContext())
            score = await db.Attempts.Where(a => a.QuizId == classroom.QuizId && a.StudentId == classroom.Students[0].Id)
                .SelectMany(a => a.Responses).SumAsync(r => r.Grade!.OverrideScore ?? r.Grade!.Score);
        Assert.True(score > 0);
        await page.GotoInteractiveAsync($"quizzes/{classroom.QuizId}/results");
        var row = page.GetByRole(AriaRole.Table, new() { Name = "2 of 2 students" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "Ada Lovelace" });
        await Expect(row).ToContainTextAsync($"{Formats.Figure(score)} / 6");
        await Expect(page.GetByText("graded with an older")).ToHaveCountAsync(0);

        // A newer grader since: the dashboard offers to regrade, and changes nothing until the instructor confirms.
        int graded;
        await using (var db = site.Services.CreateDbContext())
            graded = await db.Grades.Where(g => g.Response.Attempt.QuizId == classroom.QuizId).ExecuteUpdateAsync(g => g.SetProperty(x => x.GraderVersion, "1.0.0"));
        await page.ReloadAsync();
        var notice = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "graded with an older grader version" });
        await notice.GetByRole(AriaRole.Button, new() { Name = "Regrade…" }).ClickAsync();
        await Expect(notice).ToContainTextAsync("Marks your students see may go up or down");
        await notice.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await notice.GetByRole(AriaRole.Button, new() { Name = "Regrade…" }).ClickAsync();
        var confirm = notice.GetByRole(AriaRole.Button, new() { Name = $"Regrade {graded} answers" });
        await Expect(confirm).ToBeFocusedAsync();
        await confirm.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Regrade finished" })).ToContainTextAsync($"{graded} answers regraded, 0 marks changed.");
    }

    [ScreenshotFact]
    public async Task PreviewScreenshot()
    {
        var (_, page, _) = await PreviewAsync("Alan Turing", "Grace Hopper", "Edsger Dijkstra");
        await page.Mouse.MoveAsync(1270, 890);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Preview on a real class" }).ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = ScreenshotFactAttribute.PathOf("regrade-preview-desktop.png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
    }

    /// <summary>
    /// Ada answers question 1 with <see cref="Word"/>, the others with its first keyword; the instructor opens the
    /// keyword editor, chooses the quiz to preview on and types <see cref="Word"/> as an alternative of that keyword.
    /// </summary>
    async Task<(Classroom Classroom, IPage Page, string Phrase)> PreviewAsync(params string[] others)
    {
        var classroom = await Classroom.CreateAsync(site, ["Ada Lovelace", .. others.Length == 0 ? ["Alan Turing"] : others]);
        int assignmentId;
        string phrase;
        await using (var db = site.Services.CreateDbContext())
        {
            var question = await db.Questions.Include(q => q.AssignmentVersion).Include(q => q.Keywords)
                .SingleAsync(q => q.Id == classroom.QuestionIds[0]);
            (assignmentId, phrase) = (question.AssignmentVersion.AssignmentId, question.Keywords.OrderBy(k => k.Position).First().Phrase);
        }
        await classroom.GradedAttemptAsync(classroom.Students[0], $"The {Word} does it.");
        foreach (var student in classroom.Students.Skip(1))
            await classroom.GradedAttemptAsync(student, $"It is about {phrase}.");
        var page = await site.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await page.SignInAsync(classroom.Instructor.Email, classroom.Instructor.Password);
        await page.GotoInteractiveAsync($"assignments/{assignmentId}/questions/{classroom.QuestionIds[0]}/keywords");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Used by" }))
            .ToContainTextAsync($"{Classroom.QuizTitle} (open, {classroom.Students.Count} graded answers)");

        await page.GetByLabel("Preview on quiz").SelectOptionAsync(new SelectOptionValue { Label = Classroom.QuizTitle });
        await Expect(page.GetByText($"0 of {classroom.Students.Count} answers in {Classroom.QuizTitle} change")).ToBeVisibleAsync();
        var alternatives = page.GetByLabel("Alternatives (comma-separated)").First;
        var current = await alternatives.InputValueAsync();
        await alternatives.PressSequentiallyAsync((current.Length > 0 ? ", " : "") + Word);
        await Expect(page.GetByText($"1 of {classroom.Students.Count} answers in {Classroom.QuizTitle} change: 1 up, 0 down")).ToBeVisibleAsync();
        return (classroom, page, phrase);
    }
}
