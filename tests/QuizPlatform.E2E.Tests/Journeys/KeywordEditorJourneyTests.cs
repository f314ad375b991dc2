using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.E2E.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using Xunit.Abstractions;

namespace QuizPlatform.E2E.Tests.Journeys;

/// <summary>
/// An instructor edits the keywords of the seeded question with the most of them, by keyboard: reads what Weight and
/// Required do, saves from the bar above the rows, and is asked before a reset throws the edits away.
/// </summary>
public sealed class KeywordEditorJourneyTests(QuizSite site, ITestOutputHelper output) : Journey(site, output)
{
    [Fact]
    public async Task InstructorReadsWhatWeightAndRequiredDoSavesWithinAFewTabsAndConfirmsAReset()
    {
        var (page, question) = await OpenEditorAsync(rank: 0);
        var keywords = await page.Locator("fieldset.keyword-row").CountAsync();
        Assert.True(keywords >= 11, $"The seeded question has {keywords} keywords");
        await Expect(page.GetByLabel("Weight").First).ToHaveAccessibleDescriptionAsync(
            new Regex(@"^\d+(\.\d)? % of the total weight Weight: how much a keyword counts\..*graded by meaning too: coverage makes \d+(\.\d)? % of the figure that earns points.*70 % of that figure earns full points"));
        await Expect(page.GetByLabel("Required").First).ToHaveAccessibleDescriptionAsync(
            "Required: an answer without this keyword gets at most 50 % of the points, however much else it covers.");

        // From "Skip to main content", Save is five tab stops away (breadcrumb, question, versions), not past every row.
        await page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" }).PressAsync("Enter");
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Save keywords", Exact = true });
        var passed = new List<string>();
        while (passed.Count < 10 && !await save.EvaluateAsync<bool>("b => b === document.activeElement"))
        {
            await page.Keyboard.PressAsync("Tab");
            passed.Add(await page.EvaluateAsync<string>("() => document.activeElement.outerHTML.slice(0, 80)"));
        }
        Assert.True(passed.Count <= 5, string.Join("\n", passed));

        var extracted = await KeywordsAsync(question.Id);
        await page.GetByLabel("Weight").First.FillAsync("2.5");
        // Leaving the field sends the weight; the help above the rows then states the new total and may take another
        // line, moving the rows: the teacher ticks Required where it is then (a click aimed while it moved once missed).
        await page.Keyboard.PressAsync("Tab");
        var total = extracted.Sum(k => k.Weight) - extracted[0].Weight + 2.5;
        await Expect(page.Locator("#weight-help")).ToContainTextAsync($"({QuizPlatform.Web.Components.Shared.Formats.Figure(total)} here)");
        await page.GetByLabel("Required").Nth(1).CheckAsync();
        await save.PressAsync("Enter");
        var status = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved as key version 2" });
        await Expect(status).ToBeFocusedAsync();
        var stored = await KeywordsAsync(question.Id);
        Assert.Equal((2.5, KeywordOrigin.Edited), (stored[0].Weight, stored[0].Origin));
        Assert.True(stored[1].Required);

        // Asked first, the instructor keeps the keywords: nothing changes, focus returns to the button. (By keyboard: a
        // pointer left on the button would have axe measure its hover colours mid-transition.)
        var reset = page.GetByRole(AriaRole.Button, new() { Name = "Reset to extracted…" });
        await reset.PressAsync("Enter");
        var confirmation = page.GetByRole(AriaRole.Group, new() { Name = "Reset to the extracted keywords?" });
        await Expect(confirmation).ToBeFocusedAsync();
        await Expect(confirmation).ToHaveAccessibleDescriptionAsync(
            $"The {keywords} keywords an instructor saved (key version 2), with their alternatives, weights and required marks, "
            + "are replaced by the ones extracted from the model answer. The history keeps their phrases, not their settings: "
            + "to get them back you would enter them again.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Keep my keywords" }).ClickAsync();
        await Expect(confirmation).ToHaveCountAsync(0);
        await Expect(reset).ToBeFocusedAsync();
        Assert.Equal(2.5, (await KeywordsAsync(question.Id))[0].Weight);

        // An unsaved change is named among the losses; confirming stores the extracted keywords as a new version.
        await page.GetByLabel("Phrase").First.FillAsync("typed but never saved");
        await reset.PressAsync("Enter");
        await Expect(confirmation).ToContainTextAsync("Your unsaved changes on this page are lost too.");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Reset and lose these keywords" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Reset to the extracted keywords (key version 3)." })).ToBeFocusedAsync();
        Assert.All(await KeywordsAsync(question.Id), k => Assert.Equal(KeywordOrigin.Extracted, k.Origin));
        await Expect(page.GetByLabel("Phrase").First).Not.ToHaveValueAsync("typed but never saved");
    }

    [Fact]
    public async Task TwoTabsOnOneKeyLoseNeitherEditAndADoubleClickOnSaveSavesOnce()
    {
        var (page, question) = await OpenEditorAsync(rank: 2);
        var second = await page.Context.NewPageAsync();
        await second.GotoInteractiveAsync(page.Url);
        var save = (IPage p) => p.GetByRole(AriaRole.Button, new() { Name = "Save keywords", Exact = true });

        await page.GetByLabel("Weight").First.FillAsync("3.5");
        await save(page).DblClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved as key version 2." })).ToBeFocusedAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "unchanged" })).ToHaveCountAsync(0);

        // The other tab still shows key version 1: its save would put back the old weight unseen.
        await second.GetByLabel("Required").Nth(1).CheckAsync();
        await save(second).ClickAsync();
        await Expect(second.GetByRole(AriaRole.Status).Filter(new() { HasText = "Not saved: these keywords were changed by Kim Keywords in another tab or window after you opened this page; they are key version 2 now. Your edits are still below" })).ToBeFocusedAsync();
        await Expect(second.GetByLabel("Required").Nth(1)).ToBeCheckedAsync();
        Assert.Equal((3.5, false), ((await KeywordsAsync(question.Id))[0].Weight, (await KeywordsAsync(question.Id))[1].Required));

        // Saved again, knowingly, the second tab's keywords take the place of version 2.
        await save(second).ClickAsync();
        await Expect(second.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved as key version 3." })).ToBeFocusedAsync();
        Assert.True((await KeywordsAsync(question.Id))[1].Required);
    }

    [Fact]
    public async Task LeavingWithUnsavedEditsAsksFirstAndStayingKeepsThem()
    {
        var (page, question) = await OpenEditorAsync(rank: 3);
        var asked = new List<string>();
        var stay = true;
        page.Dialog += async (_, dialog) =>
        {
            asked.Add(dialog.Message);
            await (stay ? dialog.DismissAsync() : dialog.AcceptAsync());
        };
        var weight = page.GetByLabel("Weight").First;
        await weight.FillAsync("4");
        await page.GetByLabel("Alternatives (comma-separated)").First.FillAsync("typed alternative");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" }).GetByRole(AriaRole.Link, new() { Name = "Assignments" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Keywords of question {question.Number}" })).ToBeVisibleAsync();
        Assert.Equal(["Leave this page? Your changes are not saved and will be lost."], asked);
        await Expect(weight).ToHaveValueAsync("4");
        await Expect(page.GetByLabel("Alternatives (comma-separated)").First).ToHaveValueAsync("typed alternative");

        stay = false;
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" }).GetByRole(AriaRole.Link, new() { Name = "Assignments" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/assignments$"));
        Assert.Equal(2, asked.Count);
    }

    [Fact]
    public async Task ALinkClickedRightAfterTypingAsksFirstAndTypingTheTextBackOrSavingAsksNothing()
    {
        var (page, _) = await OpenEditorAsync(rank: 7);
        var asked = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            asked.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        var phrase = page.GetByLabel("Phrase").First;
        var before = await phrase.InputValueAsync();
        var unsaved = page.Locator(".keyword-savebar").GetByText("Unsaved changes");
        var assignments = page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" }).GetByRole(AriaRole.Link, new() { Name = "Assignments" });

        // Typed, not yet left: the save bar says so already.
        await phrase.PressAsync("End");
        await phrase.PressSequentiallyAsync("s");
        await Expect(unsaved).ToBeVisibleAsync();
        await Expect(phrase).ToBeFocusedAsync();

        // A link clicked straight after a key, before the server has heard of it, asks too.
        await phrase.PressSequentiallyAsync("t");
        await assignments.ClickAsync();
        Assert.Equal(["Leave this page? Your changes are not saved and will be lost."], asked);
        await Expect(phrase).ToHaveValueAsync(before + "st");

        // Typed back to the stored text, nothing is left to lose: the marker goes.
        await phrase.PressAsync("End");
        await phrase.PressAsync("Backspace");
        await phrase.PressAsync("Backspace");
        await Expect(unsaved).ToBeHiddenAsync();

        // Typed again and saved by Enter in the field: the marker goes, and the link leaves unasked.
        await phrase.PressSequentiallyAsync("s");
        await Expect(unsaved).ToBeVisibleAsync();
        await phrase.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved as key version 2" })).ToBeFocusedAsync();
        await Expect(unsaved).ToBeHiddenAsync();
        await assignments.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/assignments$"));
        Assert.Single(asked);
    }

    [Fact]
    public async Task BackAsksFirstAndStayingKeepsTheEditsAndTheAddress()
    {
        var (page, question) = await OpenEditorAsync(rank: 8);
        // Come from the assignment's page by its link, as a teacher does: Back is then within one document, the case
        // the browser does not ask about itself.
        var editor = page.Url;
        await page.GotoAsync($"assignments/{question.AssignmentVersion.AssignmentId}?version={question.AssignmentVersion.Version}");
        await page.Locator($"a[href$='questions/{question.Id}/keywords']").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(editor);
        await page.WaitForInteractiveAsync();
        var asked = new List<string>();
        var firstAsked = new TaskCompletionSource();
        page.Dialog += async (_, dialog) =>
        {
            asked.Add(dialog.Message);
            await dialog.DismissAsync();
            firstAsked.TrySetResult();
        };
        var alternatives = page.GetByLabel("Alternatives (comma-separated)").First;
        await alternatives.FillAsync("typed alternative");
        await alternatives.BlurAsync();

        // Asked, the teacher stays: Back goes nowhere.
        await Assert.ThrowsAsync<TimeoutException>(() => page.GoBackAsync(new() { Timeout = 3000 }));
        await firstAsked.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(["Leave this page? Your changes are not saved and will be lost."], asked);
        await Expect(page).ToHaveURLAsync(editor);
        await Expect(alternatives).ToHaveValueAsync("typed alternative");
        // Still connected: a save after staying works.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save keywords", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved as key version 2" })).ToBeFocusedAsync();

        // Saved, Back leaves unasked.
        await page.GoBackAsync();
        await Expect(page).Not.ToHaveURLAsync(editor);
        Assert.Single(asked);
    }

    [Fact]
    public async Task AWeightThatIsNoNumberIsRefusedBesideItsFieldAndNothingElseIsStored()
    {
        var (page, question) = await OpenEditorAsync(rank: 4);
        var before = (await KeywordsAsync(question.Id))[0].Weight;
        var weight = page.GetByLabel("Weight").First;
        var row = page.Locator("fieldset.keyword-row").First;

        // The browser's number field takes "1e9", but it is not a weight the page reads: the value behind the field
        // stays the last good one, and a save must not store that unseen.
        await weight.FillAsync("1e9");
        await page.GetByLabel("Phrase").Nth(1).FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save keywords", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Not saved: fix the keywords marked below." })).ToBeFocusedAsync();
        await Expect(row.Locator(".validation-message")).ToHaveTextAsync(["Enter the weight as a number, such as 1 or 2.5."]);
        // The other problems are marked at once, not one save later.
        await Expect(page.Locator("fieldset.keyword-row").Nth(1).Locator(".validation-message")).ToHaveTextAsync(["Enter the phrase to look for."]);
        Assert.Equal((before, KeywordOrigin.Extracted), ((await KeywordsAsync(question.Id))[0].Weight, (await KeywordsAsync(question.Id))[0].Origin));

        await page.GetByLabel("Phrase").Nth(1).FillAsync("kept phrase");
        await weight.FillAsync("-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save keywords", Exact = true }).ClickAsync();
        await Expect(row.Locator(".validation-message")).ToHaveTextAsync(["Enter a weight greater than 0 and at most 100, such as 1 or 2.5."]);
    }

    [Fact]
    public async Task BeforeAnyHandInTheTeacherTriesTheKeywordsOnAnAnswerOfTheirOwnAndNothingIsStored()
    {
        var (page, question) = await OpenEditorAsync(rank: 6);
        var phrase = await page.GetByLabel("Phrase").First.InputValueAsync();
        var answer = page.GetByLabel("An answer to try");
        var grade = page.GetByRole(AriaRole.Button, new() { Name = "Grade this answer" });
        var tried = page.Locator(".try-the-key");

        await grade.ClickAsync();
        await Expect(tried.GetByRole(AriaRole.Status)).ToHaveTextAsync("Write an answer to try first.");
        await answer.FillAsync($"It is all about {phrase}.");
        await grade.ClickAsync();
        await Expect(tried.GetByRole(AriaRole.Status)).ToContainTextAsync(new Regex(@"^[\d.]+ of 1 point \([\d.]+ %\)\.$"));
        await Expect(tried.Locator($"[data-matched-keyword=\"{phrase}\"]")).ToHaveCountAsync(1);
        await Expect(tried.Locator("[data-missing-keyword]").First).ToBeVisibleAsync();

        // The keywords as they are on the page, unsaved: the first one renamed, the same answer no longer has it.
        var unsaved = page.Locator(".keyword-savebar").GetByText("Unsaved changes");
        await Expect(unsaved).ToBeHiddenAsync();
        await Expect(page.GetByLabel("Phrase").First).ToHaveAttributeAsync("maxlength", "200");
        await page.GetByLabel("Phrase").First.FillAsync("zymurgy");
        await page.GetByLabel("Phrase").First.BlurAsync();
        await Expect(unsaved).ToBeVisibleAsync();
        await grade.ClickAsync();
        await Expect(tried.Locator("[data-missing-keyword=\"zymurgy\"]")).ToHaveCountAsync(1);
        await Expect(tried.Locator($"[data-matched-keyword=\"{phrase}\"]")).ToHaveCountAsync(0);
        Assert.Equal(phrase, (await KeywordsAsync(question.Id))[0].Phrase);
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task ARemoveOnTheWrongRowIsUndoneInOneClick()
    {
        var (page, _) = await OpenEditorAsync(rank: 5);
        var phrases = page.GetByLabel("Phrase");
        var before = await phrases.EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.value)");

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove keyword 2", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Removed keyword 2, '{before[1]}' (not saved yet)." })).ToBeFocusedAsync();
        await Expect(phrases).ToHaveCountAsync(before.Length - 1);

        await page.GetByRole(AriaRole.Button, new() { Name = $"Undo removing '{before[1]}'" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Keyword 2, '{before[1]}', is back." })).ToBeFocusedAsync();
        Assert.Equal(before, await phrases.EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.value)"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Undo removing '{before[1]}'" })).ToHaveCountAsync(0);
    }

    [ScreenshotFact]
    public async Task KeywordEditorScreenshot()
    {
        var (page, _) = await OpenEditorAsync(rank: 1);
        await page.SetViewportSizeAsync(1280, 900);
        await page.GetByLabel("Weight").First.FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save keywords", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved as key version" })).ToBeFocusedAsync();
        // Scrolled to where the bar sticks: Save and its result stay above the rows from here on.
        await page.EvaluateAsync("() => window.scrollTo(0, document.querySelector('.keyword-savebar').getBoundingClientRect().top + window.scrollY - 24)");
        await page.ScreenshotAsync(new() { Path = ScreenshotFactAttribute.PathOf("keyword-editor-desktop.png"), Animations = ScreenshotAnimations.Disabled });
    }

    /// <summary>
    /// A new instructor opens the keyword editor of the seeded question with the most keywords (<paramref name="rank"/> 0),
    /// the next most (1), ...: each test edits a question of its own.
    /// </summary>
    async Task<(IPage Page, Question Question)> OpenEditorAsync(int rank)
    {
        Question question;
        await using (var db = site.Services.CreateDbContext())
            question = await db.Questions.Include(q => q.AssignmentVersion)
                .Where(q => q.AssignmentVersion.Assignment.Title == "Assignment-8")
                .OrderByDescending(q => q.Keywords.Count).ThenBy(q => q.Number).Skip(rank).FirstAsync();
        var (email, password) = await site.CreateUserAsync(Roles.Instructor, "Kim Keywords");
        // A quiz of hers on the assignment (not yet opened, no question picked) makes Kim one of its instructors: only
        // they and admins may change its keywords, since the demo instructor's open quiz grades against them.
        await using (var db = site.Services.CreateDbContext())
        {
            db.Quizzes.Add(new Quiz
            {
                Title = "Kim's draft", AssignmentVersionId = question.AssignmentVersionId, CreatedAt = DateTime.UtcNow,
                CreatedById = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(), OpensAt = DateTime.UtcNow.AddYears(1),
            });
            await db.SaveChangesAsync();
        }
        var page = await site.NewPageAsync();
        await page.SignInAsync(email, password);
        await page.GotoInteractiveAsync($"assignments/{question.AssignmentVersion.AssignmentId}/questions/{question.Id}/keywords");
        return (page, question);
    }

    async Task<List<QuestionKeyword>> KeywordsAsync(int questionId)
    {
        await using var db = site.Services.CreateDbContext();
        return await db.QuestionKeywords.Where(k => k.QuestionId == questionId).OrderBy(k => k.Position).ToListAsync();
    }
}
