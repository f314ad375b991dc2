using System.Text.RegularExpressions;
using QuizPlatform.E2E.Tests.Infrastructure;

namespace QuizPlatform.E2E.Tests.Journeys;

/// <summary>
/// The results page in a browser, on an attempt made and graded through the services (the quiz pages are another
/// journey): what a student sees on a desktop and on a 360-pixel phone.
/// </summary>
public sealed class ResultsPageTests(QuizSite site) : Journey(site)
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

    /// <summary>A student in a class whose quiz (three seeded questions, 2 points each) they answered, handed in and had graded.</summary>
    async Task<(string Email, string Password, int AttemptId)> GradedAttemptAsync()
    {
        var classroom = await Classroom.CreateAsync(site, "Sam Student");
        var student = classroom.Students[0];
        var attemptId = await classroom.GradedAttemptAsync(student,
            "CNNs extract features with convolutional layers: learned filters (kernels) detect edges and corners in the early layers,\nand deeper layers combine them into shapes and textures. The filters are learned by backpropagation.",
            "Transfer learning reuses a model pretrained on a large dataset such as ImageNet. You fine-tune the last layers on your own data, so it needs less data and less training time.",
            "An embedding is a vector.");
        return (student.Email, student.Password, attemptId);
    }
}
