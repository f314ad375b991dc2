using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Data.Demo;
using QuizPlatform.Data.Entities;
using QuizPlatform.E2E.Tests.Infrastructure;
using QuizPlatform.Web.Features.Quizzes;
using QuizPlatform.Web.Tests.Support;
using Xunit.Abstractions;

namespace QuizPlatform.E2E.Tests.Journeys;

/// <summary>
/// A student takes a quiz in the browser: the demo quiz (timed, one question per page) through a reload and an outage
/// to the graded results, by keyboard alone, on a phone (jumps, hand-in dialog, touch targets), and a quiz whose
/// deadline arrives while the page is open.
/// </summary>
public sealed class TakingAQuizJourneyTests(QuizSite site, ITestOutputHelper output) : Journey(site, output)
{
    [Fact]
    public async Task StudentsAnswersSurviveAReloadAndGoingOfflineThenTheyHandIn()
    {
        var page = await site.NewPageAsync();
        await page.StartDemoQuizAsync(DemoDataSeeder.StudentEmails[0]);
        var attemptId = page.AttemptId();

        var first = page.GetByLabel("Your answer to question 1", new() { Exact = true });
        await first.FillAsync(SeedDocuments.FirstAnswerStart); // the model answer's words: keywords to highlight
        await Expect(page.SaveStatus(1)).ToContainTextAsync("Saved");
        await first.PressSequentiallyAsync(" learning filters that detect edges.");
        await page.ReloadAsync(); // before the pause that would save it: the draft in this browser has it
        await page.WaitForInteractiveAsync();
        await Expect(first).ToHaveValueAsync(FirstAnswer);
        await Expect(page.SaveStatus(1)).ToContainTextAsync("Saved");

        await page.GetByRole(AriaRole.Button, new() { Name = "Next question" }).ClickAsync();
        var second = page.GetByLabel("Your answer to question 2", new() { Exact = true });
        await Expect(second).ToBeVisibleAsync();
        await Expect(first).ToBeHiddenAsync();
        await page.Context.SetOfflineAsync(true);
        await second.PressSequentiallyAsync("Pooling shrinks feature maps.");
        await Expect(page.GetByText("You are offline. Your answers are kept in this browser")).ToBeVisibleAsync();
        await Expect(page.SaveStatus(2)).ToContainTextAsync("Not saved yet: retrying (offline)");
        await page.Context.SetOfflineAsync(false);
        await Expect(page.SaveStatus(2)).ToContainTextAsync("Saved");
        await Expect(page.GetByText("You are offline.")).ToBeHiddenAsync();
        Assert.Equal([FirstAnswer, "Pooling shrinks feature maps."],
            await site.StoredAnswersAsync(attemptId, 2));

        var navigator = page.GetByRole(AriaRole.Navigation, new() { Name = "Questions" });
        await Expect(navigator.GetByRole(AriaRole.Link, new() { Name = "Question 3, not answered" })).ToBeVisibleAsync();
        await navigator.GetByRole(AriaRole.Link, new() { Name = "Question 1, answered" }).ClickAsync();
        await Expect(first).ToBeVisibleAsync();
        await Expect(second).ToBeHiddenAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Hand in answers…" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Hand in your answers?" });
        await Expect(dialog).ToContainTextAsync("48 of 50 questions have no answer:");
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Question 3", Exact = true })).ToBeVisibleAsync();
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Question 1", Exact = true })).ToHaveCountAsync(0);
        var handIn = dialog.GetByRole(AriaRole.Button, new() { Name = "Hand in now" });
        await page.Context.SetOfflineAsync(true); // hand-in waits for the network, in the open dialog too
        await Expect(handIn).ToBeDisabledAsync();
        await Expect(dialog).ToContainTextAsync("You are offline: hand in when the connection returns.");
        await page.Context.SetOfflineAsync(false);
        await handIn.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/attempts/{attemptId}/results$"));
        await Expect(page.Locator("[data-total-score]")).ToContainTextAsync("points"); // graded while the page waited
        await Expect(page.Locator(".answer").First.Locator("mark").First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Questions at a glance" }).GetByRole(AriaRole.Link))
            .ToHaveCountAsync(50); // one row a question, each linking to its card
    }

    const string FirstAnswer = SeedDocuments.FirstAnswerStart + " learning filters that detect edges.";

    [Fact]
    public async Task SigningOutAtASharedComputerLeavesNoDraftForTheNextStudent()
    {
        var (email, password) = await site.CreateUserAsync(Roles.Student, "Shared Computer");
        await site.EnrolInDemoClassAsync(email);
        var page = await site.NewPageAsync();
        await page.StartDemoQuizAsync(email, password);
        await page.RouteAsync("**/api/attempts/**", route => route.AbortAsync()); // the server never gets it
        var first = page.GetByLabel("Your answer to question 1", new() { Exact = true });
        await first.FillAsync("My private answer.");
        await Expect(page.SaveStatus(1)).ToContainTextAsync("Not saved yet: retrying");
        Assert.NotEmpty(await DraftsAsync(page));

        var signOut = page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true });
        var warning = page.GetByRole(AriaRole.Dialog, new() { Name = "An answer was not saved yet: sign out anyway?" });
        await signOut.ClickAsync();
        await warning.GetByRole(AriaRole.Button, new() { Name = "Go back" }).ClickAsync();
        await Expect(warning).ToBeHiddenAsync();
        await Expect(first).ToHaveValueAsync("My private answer.");
        Assert.NotEmpty(await DraftsAsync(page));
        await signOut.ClickAsync();
        await warning.GetByRole(AriaRole.Button, new() { Name = "Sign out anyway" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
        Assert.Empty(await DraftsAsync(page));

        var (next, nextPassword) = await site.CreateUserAsync(Roles.Student, "Next At The Computer");
        await page.SignInAsync(next, nextPassword);
        Assert.Empty(await DraftsAsync(page));
        Assert.DoesNotContain("My private answer.", await page.EvaluateAsync<string>("JSON.stringify(localStorage)"));
    }

    /// <summary>The answer drafts this browser keeps (answer-drafts.js), of any attempt.</summary>
    static Task<string[]> DraftsAsync(IPage page) =>
        page.EvaluateAsync<string[]>("Object.keys(localStorage).filter(key => key.startsWith('quiz:'))");

    [Fact]
    public async Task KeyboardOnlyStudentAnswersMovesOnAndHandsIn()
    {
        var page = await site.NewPageAsync();
        await page.StartDemoQuizAsync(DemoDataSeeder.StudentEmails[4]);

        await page.TabUntilFocusedAsync(page.GetByLabel("Your answer to question 1", new() { Exact = true }));
        await page.Keyboard.TypeAsync("Typed without a mouse.");
        await page.TabUntilFocusedAsync(page.GetByRole(AriaRole.Button, new() { Name = "Next question" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Question 2 of 50" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Your answer to question 2", new() { Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Also by keyboard.");
        await Expect(page.SaveStatus(1)).ToContainTextAsync("Saved"); // saved on leaving it

        // The navigator is one stop for Tab, on the question shown; the arrow keys move in it.
        await page.TabUntilFocusedAsync(page.GetByRole(AriaRole.Button, new() { Name = "Next question" }));
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Question 2, answered" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Question 3 of 50" })).ToBeFocusedAsync();

        // Left for the home page and resumed: back at question 3, where the student was, not at question 1.
        await page.TabUntilFocusedAsync(page.GetByRole(AriaRole.Link, new() { Name = "My quizzes" }));
        await page.Keyboard.PressAsync("Enter");
        await page.TabUntilFocusedAsync(page.GetByRole(AriaRole.Link, new() { Name = $"Resume {DemoDataSeeder.QuizTitle}" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Question 3 of 50" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Question 2, answered" })).ToBeAttachedAsync();
        // The answer, the two pager buttons, the navigator: then Hand in, not fifty links later.
        await page.TabUntilFocusedAsync(page.GetByRole(AriaRole.Button, new() { Name = "Hand in answers…" }), presses: 5);
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Hand in your answers?" });
        await Expect(dialog).ToContainTextAsync("48 of 50 questions have no answer:");
        // It opens on the safe choice, and a screen reader hears what is left unanswered with the dialog's name.
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Keep working" })).ToBeFocusedAsync();
        await Expect(dialog).ToHaveAccessibleDescriptionAsync(
            new Regex("^48 of 50 questions have no answer: .+\\. You cannot change your answers after handing them in\\.$"));
        await page.TabUntilFocusedAsync(dialog.GetByRole(AriaRole.Button, new() { Name = "Hand in now" }));
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex("/attempts/[0-9]+/results$"));
        // The table's link to a question takes the focus there, so the next Tab is in that question, not the table.
        await page.TabUntilFocusedAsync(page.GetByRole(AriaRole.Link, new() { Name = "Question 2", Exact = true }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Question 2", Exact = true })).ToBeFocusedAsync();
    }

    [Fact]
    public async Task AtTheDeadlineThePageHandsInByItselfWithTheAnswerSaved()
    {
        // Time to sign in, start and type before the close: 20 s was once not enough on a loaded machine (26 s).
        var page = await StudentInQuizClosingInAsync("Last Minute", TimeSpan.FromSeconds(35));
        var attemptId = page.AttemptId();

        await page.GetByLabel("Your answer to question 1", new() { Exact = true }).FillAsync("Written before time ran out.");

        // No click: the countdown reaches the server's deadline (the close time) and the page hands in by itself.
        await Expect(page).ToHaveURLAsync(new Regex($"/attempts/{attemptId}/results$"), new() { Timeout = 60_000 });
        await using var db = site.Services.CreateDbContext();
        Assert.NotNull((await db.Attempts.SingleAsync(a => a.Id == attemptId)).SubmittedAt);
        Assert.Equal(["Written before time ran out."], await site.StoredAnswersAsync(attemptId, 1));
    }

    [Fact]
    public async Task AHandInTheServerIsTooBusyForWaitsInTheDialogWithTheAnswersInViewThenGoesThrough()
    {
        var page = await StudentInQuizClosingInAsync("Deadline Rush", TimeSpan.FromHours(1));
        var attemptId = page.AttemptId();
        var answer = page.GetByLabel("Your answer to question 1", new() { Exact = true });
        await answer.FillAsync("Handed in during the rush.");
        var handIns = 0;
        // The first hand-in meets a server too busy for it, as the admission gate answers in a deadline's rush.
        await page.RouteAsync($"**/attempts/{attemptId}", async route =>
        {
            if (route.Request.Method == "POST" && handIns++ == 0)
                await route.FulfillAsync(new() { Status = 503, Headers = new Dictionary<string, string> { ["Retry-After"] = "2" }, Body = "" });
            else
                await route.ContinueAsync();
        });

        await page.GetByRole(AriaRole.Button, new() { Name = "Hand in answers…" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Hand in your answers?" });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Hand in now" }).ClickAsync();

        await Expect(dialog.GetByRole(AriaRole.Status)).ToContainTextAsync("Many students are handing in right now: your hand-in is waiting. Trying again in");
        await Expect(answer).ToHaveValueAsync("Handed in during the rush.");
        await Expect(page).ToHaveURLAsync(new Regex($"/attempts/{attemptId}/results$"));
        Assert.Equal(2, handIns);
        Assert.Equal(["Handed in during the rush."], await site.StoredAnswersAsync(attemptId, 1));
    }

    [Fact]
    public async Task ScreenReadersHearTheTimeLeftAtTenMinutesNotEverySecond()
    {
        // The page must open before the ten-minute mark: signing in and starting took more than 10 s on a loaded machine.
        var page = await StudentInQuizClosingInAsync("Listening", TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(25));
        var announcer = page.Locator("[data-timer-announcer]");

        await Expect(announcer).ToHaveAttributeAsync("aria-live", "assertive");
        await Expect(announcer).ToHaveTextAsync("10 minutes left.", new() { Timeout = 60_000 });
        var timerText = await page.Locator("[data-timer]").TextContentAsync();
        await Expect(page.Locator("[data-timer]")).Not.ToHaveTextAsync(timerText!);

        Assert.Equal("10 minutes left.", await announcer.TextContentAsync());
        Assert.Null(await page.Locator("[data-timer]").GetAttributeAsync("aria-live"));
    }

    [Fact]
    public async Task AQuizClosingInTwoDaysReadsInDaysAndNamesTheDateItCloses()
    {
        var closesIn = TimeSpan.FromDays(2) + TimeSpan.FromHours(3) + TimeSpan.FromMinutes(30);
        var closes = DateTime.Now + closesIn; // in the zone Chromium shares with this process

        var page = await StudentInQuizClosingInAsync("Two Days", closesIn);

        await Expect(page.Locator("[data-timer]")).ToHaveTextAsync("2 days 3 h");
        // In the browser's zone and words, e.g. "Tue, Dec 8, 2026, 12:04 PM UTC": not the server's "2026-12-08", nor a bare time.
        await Expect(page.Locator("[data-timer-box] local-time"))
            .ToHaveTextAsync(new Regex($@"^(?!.*\d{{4}}-\d\d-\d\d).*\b{closes.Day}\b.*\b{closes.Year}\b"));
    }

    /// <summary>A new student, signed in on a page of their own, in the attempt they started on a quiz closing in <paramref name="closesIn"/>.</summary>
    async Task<IPage> StudentInQuizClosingInAsync(string name, TimeSpan closesIn)
    {
        var (email, password) = await site.CreateUserAsync(Roles.Student, name);
        var quizId = await DemoClassQuizClosingInAsync(email, closesIn);
        var page = await site.NewPageAsync();
        await page.SignInAsync(email, password);
        await page.StartQuizAsync(quizId);
        return page;
    }

    /// <summary>A quiz for the demo class (which <paramref name="studentEmail"/> joins) that is open and closes soon.</summary>
    async Task<int> DemoClassQuizClosingInAsync(string studentEmail, TimeSpan closesIn)
    {
        await site.EnrolInDemoClassAsync(studentEmail);
        string instructor;
        using (var scope = site.Services.CreateScope())
            instructor = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(DemoDataSeeder.InstructorEmail))!.Id;
        await using var db = site.Services.CreateDbContext();
        var classId = await db.Classes.Where(c => c.Name == DemoDataSeeder.ClassName).Select(c => c.Id).SingleAsync();
        var versionId = await db.AssignmentVersions.Where(v => v.Assignment.Title == DemoDataSeeder.AssignmentTitle)
            .OrderByDescending(v => v.Version).Select(v => v.Id).FirstAsync();
        var form = await site.Services.GetRequiredService<QuizChoices>().NewFormAsync(versionId);
        (form.Title, form.ClassIds, form.Selection) = ($"Closing soon {Guid.NewGuid():N}"[..20], [classId], QuestionSelection.Subset);
        form.Questions.ForEach(q => q.Selected = q == form.Questions[0]);
        (form.OpensAt, form.ClosesAt) = (DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddHours(1));
        var quizId = (await site.Services.GetRequiredService<QuizAuthoring>().CreateAsync(instructor, form, "UTC")).QuizId!.Value;
        // To the second: the editor takes whole minutes.
        var closes = DateTime.UtcNow + closesIn;
        await db.Quizzes.Where(q => q.Id == quizId).ExecuteUpdateAsync(q => q.SetProperty(x => x.ClosesAt, closes));
        return quizId;
    }

    [Fact]
    public async Task OnAPhoneATappedButtonDoesNotStayInItsHoverColoursWhileAMouseStillHoversThem()
    {
        var (email, password) = await site.CreateUserAsync(Roles.Student, "Phone Tapper");
        await site.EnrolInDemoClassAsync(email);
        var phone = await site.NewPageAsync(phone: true);
        await phone.StartDemoQuizAsync(email, password);
        var next = phone.GetByRole(AriaRole.Button, new() { Name = "Next question" });
        var resting = await BackgroundAsync(next);

        await next.TapAsync();

        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Question 2 of 50" })).ToBeVisibleAsync();
        Assert.True(await next.EvaluateAsync<bool>("button => button.matches(':hover')")); // the browser's sticky hover
        Assert.Equal(resting, await BackgroundAsync(next));

        // With a mouse, hovering still fills the button.
        var desktop = await site.NewPageAsync();
        await desktop.SignInAsync(email, password);
        await desktop.GotoAsync(phone.Url);
        await desktop.WaitForInteractiveAsync();
        var desktopNext = desktop.GetByRole(AriaRole.Button, new() { Name = "Next question" });
        await desktopNext.HoverAsync();
        Assert.NotEqual(resting, await BackgroundAsync(desktopNext));
    }

    static Task<string> BackgroundAsync(ILocator element) =>
        element.EvaluateAsync<string>("element => getComputedStyle(element).backgroundColor");

    [Fact]
    public async Task OnAPhoneThePageFitsTheScreenAndEveryJumpLandsBelowTheStickyBar()
    {
        var (email, password) = await site.CreateUserAsync(Roles.Student, "Phone Jumper");
        await site.EnrolInDemoClassAsync(email);
        var page = await site.NewPageAsync();
        await page.SetViewportSizeAsync(360, 780);
        await page.StartDemoQuizAsync(email, password);
        await ExpectHeadingBelowTheBarAsync(page, 1);
        var first = page.GetByLabel("Your answer to question 1", new() { Exact = true });
        await first.FillAsync("Typed on a phone.");
        await Expect(page.SaveStatus(1)).ToContainTextAsync("Saved");
        Assert.Equal(360, await page.EvaluateAsync<int>("document.documentElement.scrollWidth")); // no sideways scrolling
        Assert.InRange((await first.BoundingBoxAsync())!.Width, 280, 360);

        var navigator = page.GetByRole(AriaRole.Navigation, new() { Name = "Questions" });
        await navigator.GetByRole(AriaRole.Link, new() { Name = "Question 37, not answered" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Question 37 of 50" })).ToBeFocusedAsync();
        await ExpectHeadingBelowTheBarAsync(page, 37);
        await page.GetByLabel("Your answer to question 37", new() { Exact = true }).FillAsync("Answered after a jump.");
        await Expect(page.SaveStatus(37)).ToContainTextAsync("Saved");
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await ExpectHeadingBelowTheBarAsync(page, 37);

        // The key draws each state as the navigator draws it, in words: no empty squares that look like checkboxes.
        var key = navigator.Locator(".question-nav-key");
        await Expect(key).ToContainTextAsync("answered");
        Assert.Equal(await StyleAsync(navigator.GetByRole(AriaRole.Link, new() { Name = "Question 1, answered" })),
            await StyleAsync(key.GetByText("answered", new() { Exact = true })));
        Assert.Equal(await StyleAsync(navigator.GetByRole(AriaRole.Link, new() { Name = "Question 2, not answered" })),
            await StyleAsync(key.GetByText("not answered", new() { Exact = true })));
        await page.ExpectTouchTargetsAsync(StudentControls);

        await page.GetByRole(AriaRole.Button, new() { Name = "Hand in answers…" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Hand in your answers?" });
        await Expect(dialog).ToContainTextAsync("48 of 50 questions have no answer: 2–36, 38–50.");
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Question" })).ToHaveTextAsync(
            ["Question 2", "Question 3", "Question 4", "Question 5", "Question 6"]);
        await page.ExpectTouchTargetsAsync(StudentControls);
        await page.AssertAccessibleAsync(); // the dialog, as only this click shows it
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Question 4", Exact = true }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Question 4 of 50" })).ToBeFocusedAsync();
        await ExpectHeadingBelowTheBarAsync(page, 4);

        await using var db = site.Services.CreateDbContext();
        await page.GotoAsync($"quizzes/{await db.Quizzes.Where(q => q.Title == DemoDataSeeder.QuizTitle).Select(q => q.Id).SingleAsync()}/take");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Resume" })).ToBeVisibleAsync();
        await page.ExpectTouchTargetsAsync(StudentControls);
        await page.GotoAsync("");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"Resume {DemoDataSeeder.QuizTitle}" })).ToBeVisibleAsync();
        await page.ExpectTouchTargetsAsync(StudentControls);
    }

    /// <summary>
    /// Question <paramref name="number"/>'s heading comes to rest on screen whole, below the sticky title and timer bar
    /// (the page scrolls smoothly, so this waits up to 5 s for it to get there).
    /// </summary>
    static async Task ExpectHeadingBelowTheBarAsync(IPage page, int number)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Question {number} of 50" })).ToBeVisibleAsync();
        const string Where = """
            n => {
                const heading = document.querySelectorAll("section.question")[n - 1].querySelector("h2").getBoundingClientRect();
                const bar = document.querySelector(".attempt-bar").getBoundingClientRect();
                return { below: heading.top >= bar.bottom && heading.bottom <= window.innerHeight, top: heading.top, barBottom: bar.bottom };
            }
            """;
        try
        {
            await page.WaitForFunctionAsync($"n => ({Where})(n).below", number, new() { Timeout = 5000 });
        }
        catch (TimeoutException)
        {
            var at = await page.EvaluateAsync<HeadingPlace>(Where, number);
            Assert.Fail($"question {number}'s heading (top {at.Top}) is under the bar (bottom {at.BarBottom}) or off screen");
        }
    }

    sealed class HeadingPlace
    {
        public bool Below { get; init; }
        public double Top { get; init; }
        public double BarBottom { get; init; }
    }

    /// <summary>What a student taps on the quiz pages: buttons, button-like links, the navigator's numbers.</summary>
    const string StudentControls = "main button, main .btn, main .question-nav a";

    static Task<string> StyleAsync(ILocator element) => element.EvaluateAsync<string>(
        "e => { const s = getComputedStyle(e); return `${s.backgroundColor} ${s.borderColor} ${s.color} ${s.borderRadius}`; }");

    [ScreenshotFact]
    public async Task QuizPageScreenshotsAtDesktopAndPhoneWidths()
    {
        var page = await site.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await page.StartDemoQuizAsync(DemoDataSeeder.StudentEmails[3]);
        await page.GetByLabel("Your answer to question 1", new() { Exact = true }).FillAsync(
            "Feature extraction means the convolution layers learn filters that respond to local patterns: " +
            "edges and colour blobs in the first layers, textures and object parts deeper in the network.");
        await Expect(page.SaveStatus(1)).ToContainTextAsync("Saved");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next question" }).ClickAsync();
        var second = page.GetByLabel("Your answer to question 2", new() { Exact = true });
        await second.FillAsync("The loss gradient flows back through every layer, and the filters are nudged to reduce the error");
        await Expect(page.SaveStatus(2)).ToContainTextAsync("Saved");
        await second.FocusAsync();
        await page.Mouse.MoveAsync(640, 880); // off the buttons: no hover colours in the pictures

        await page.ScreenshotAsync(new() { Path = ScreenshotFactAttribute.PathOf("quiz-desktop.png"), Animations = ScreenshotAnimations.Disabled });
        await page.SetViewportSizeAsync(360, 780);
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await page.Mouse.MoveAsync(180, 770);
        await page.ScreenshotAsync(new() { Path = ScreenshotFactAttribute.PathOf("quiz-phone.png"), Animations = ScreenshotAnimations.Disabled });
        Assert.Equal(360, await page.EvaluateAsync<int>("document.documentElement.scrollWidth")); // no sideways scrolling
    }
}
