using System.Text.RegularExpressions;
using QuizPlatform.E2E.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QuizPlatform.E2E.Tests.Journeys;

/// <summary>
/// The results page in a browser, on an attempt made and graded through the services (the quiz pages are another
/// journey): what a student sees on a desktop and on a 360-pixel phone, and the scores arriving while they wait.
/// </summary>
public sealed class ResultsPageTests(QuizSite site, ITestOutputHelper output) : Journey(site, output)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task GradedAttemptShowsScoreAndHighlightedKeywordsWithinTheScreenWidth(int width)
    {
        var (email, password, attemptId) = await GradedAttemptAsync();
        var page = await site.NewPageAsync();
        await page.SetViewportSizeAsync(width, 800);
        await page.SignInAsync(email, password);

        await page.GetByRole(AriaRole.Link, new() { Name = "See results" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(site.BaseAddress, $"attempts/{attemptId}/results").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Question 1", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-total-score]")).ToContainTextAsync("of 6 points");
        var firstAnswer = page.Locator(".answer").First;
        await Expect(firstAnswer.Locator("mark").First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Keywords missing" }).First).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            "the page scrolls sideways");

        // The summary at the top gives each question's score as its card does, and takes the student to the card.
        var summary = page.GetByRole(AriaRole.Region, new() { Name = "Questions at a glance" });
        var rows = summary.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link) });
        await Expect(rows).ToHaveCountAsync(3);
        for (var n = 1; n <= 3; n++)
        {
            var card = page.GetByRole(AriaRole.Region, new() { Name = $"Question {n}", Exact = true });
            Assert.Equal(await card.Locator("[data-question-score]").TextContentAsync(),
                await rows.Nth(n - 1).Locator("[data-question-score]").TextContentAsync());
            await Expect(rows.Nth(n - 1)).ToContainTextAsync("Graded");
        }
        await summary.GetByRole(AriaRole.Link, new() { Name = "Question 3" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("#question-3$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Question 3", Level = 2 })).ToBeInViewportAsync();
        if (width < 720)
            await page.ExpectTouchTargetsAsync("main .btn, main summary, main table a");
    }

    [Fact]
    public async Task ScoresGradedAfterTheStudentArrivesAppearInPlaceAndAreAnnouncedWithoutMovingThem()
    {
        var classroom = await Classroom.CreateAsync(site, "Pat Patient");
        var student = classroom.Students[0];
        var attemptId = await classroom.HandedInWithGradingHeldAsync(student, Answers);
        var page = await site.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 500);
        // Scrolling without animation: whatever moves the page has moved it by the time the status line speaks.
        await page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
        await page.SignInAsync(student.Email, student.Password);
        // Opened at a card (Blazor scrolls to an address's card after each update unless told otherwise).
        await page.GotoAsync(new Uri(site.BaseAddress, $"attempts/{attemptId}/results#question-1").ToString());
        await Expect(page.GetByText("Your answers are being graded.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Check again" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync(); // no page that reloads itself (axe: meta-refresh)
        // A keyboard user who has moved on down the page.
        var back = page.GetByRole(AriaRole.Link, new() { Name = "Back to my quizzes" });
        await back.EvaluateAsync("link => { link.scrollIntoView({ block: 'end', behavior: 'instant' }); link.focus({ preventScroll: true }); }");
        await page.EvaluateAsync("window.stillThisDocument = true");
        var question1 = page.GetByRole(AriaRole.Region, new() { Name = "Question 1", Exact = true });
        var question3 = page.GetByRole(AriaRole.Region, new() { Name = "Question 3", Exact = true });
        await Expect(question3).ToBeInViewportAsync();

        await classroom.ReleaseGradingAsync(attemptId);

        await Expect(page.Locator("[data-total-score]")).ToContainTextAsync("of 6 points");
        // Said once in the polite status line; the meaning pass may have run by then, or update the scores again later.
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(
            new Regex(@"^(Your grades are ready\.|Grading by meaning finished; your scores were updated\.)$"));
        Assert.True(await page.EvaluateAsync<bool>("window.stillThisDocument === true"), "the page was loaded again");
        await Expect(back).ToBeFocusedAsync();
        // The cards grew with their feedback; the browser keeps the one the student was at in view, and the page does
        // not jump back to the card in its address.
        await Expect(question3).ToBeInViewportAsync();
        await Expect(question1).Not.ToBeInViewportAsync();
        await Expect(page.GetByText("Your answers are being graded.")).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task AKeyboardUserOpensAnEmptyAnswerFromTheSummaryAndTabsOnInsideItsCard()
    {
        var classroom = await Classroom.CreateAsync(site, "Kim Keys");
        var student = classroom.Students[0];
        var attemptId = await classroom.GradedAttemptAsync(student, Answers[0], "", " ");
        var page = await site.NewPageAsync();
        await page.SignInAsync(student.Email, student.Password);
        await page.GotoAsync(new Uri(site.BaseAddress, $"attempts/{attemptId}/results").ToString());
        var line = page.GetByRole(AriaRole.Region, new() { Name = "Left empty: 2 questions" });
        await Expect(line).ToContainTextAsync("Question 2, Question 3");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Question 2", Exact = true })).ToHaveCountAsync(0);

        var summaryLink = page.GetByRole(AriaRole.Region, new() { Name = "Questions at a glance" })
            .GetByRole(AriaRole.Link, new() { Name = "Question 2" });
        await page.TabUntilFocusedAsync(summaryLink);
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex(@"\?empty=2#question-2$"));
        var card = page.GetByRole(AriaRole.Region, new() { Name = "Question 2", Exact = true });
        await Expect(card).ToBeInViewportAsync();
        await Expect(card.GetByText("No answer.")).ToBeVisibleAsync();
        await Expect(card.GetByText("Ask for a regrade")).ToHaveCountAsync(0);
        // The focus followed the reader to the card: it had stayed on the summary's link, and Tab went on to Question 3.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Question 2", Level = 2 })).ToBeFocusedAsync();
        await page.AssertAccessibleAsync();
    }

    static readonly string[] Answers =
    [
        "CNNs extract features with convolutional layers: learned filters (kernels) detect edges and corners in the early layers,\nand deeper layers combine them into shapes and textures. The filters are learned by backpropagation.",
        "Transfer learning reuses a model pretrained on a large dataset such as ImageNet. You fine-tune the last layers on your own data, so it needs less data and less training time.",
        "An embedding is a vector.",
    ];

    /// <summary>A student in a class whose quiz (three seeded questions, 2 points each) they answered, handed in and had graded.</summary>
    async Task<(string Email, string Password, int AttemptId)> GradedAttemptAsync()
    {
        var classroom = await Classroom.CreateAsync(site, "Sam Student");
        var student = classroom.Students[0];
        var attemptId = await classroom.GradedAttemptAsync(student, Answers);
        return (student.Email, student.Password, attemptId);
    }
}
