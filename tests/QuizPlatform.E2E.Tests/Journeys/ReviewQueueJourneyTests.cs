using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.E2E.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using Xunit.Abstractions;

namespace QuizPlatform.E2E.Tests.Journeys;

/// <summary>
/// The instructor works the review queue with the keyboard alone, and the student reads the outcome; and the
/// README's screenshot of the queue.
/// </summary>
public sealed class ReviewQueueJourneyTests(QuizSite site, ITestOutputHelper output) : Journey(site, output)
{
    const string Reason = "Names the filters in other words";

    [Fact]
    public async Task InstructorAcceptsOverridesAndSkipsByKeyboardThenTheStudentSeesTheReview()
    {
        var classroom = await Classroom.CreateAsync(site, "Ada Lovelace");
        var ada = classroom.Students[0];
        var attemptId = await classroom.GradedAttemptAsync(ada,
            "CNNs extract features with convolutional layers.", "Transfer learning reuses a model.", "An embedding is a vector.");
        // Every answer into the queue, so the journey does not depend on how the grader judges these three.
        await SpotCheckAsync(classroom.QuizId, 1);
        var instructor = await site.NewPageAsync();
        await instructor.SignInAsync(classroom.Instructor.Email, classroom.Instructor.Password);

        await instructor.GotoInteractiveAsync($"quizzes/{classroom.QuizId}/review");
        var counts = instructor.Locator(".queue-counts");
        await Expect(counts).ToContainTextAsync("3 of 3 left");
        await Expect(instructor.Locator(".queue-item")).ToBeFocusedAsync();

        await instructor.Keyboard.PressAsync("a");
        await Expect(instructor.GetByRole(AriaRole.Status)).ToContainTextAsync("Accepted");
        await Expect(counts).ToContainTextAsync("2 of 3 left");

        // The reason typed at once, before the field it goes to has appeared, is kept whole.
        await instructor.Keyboard.PressAsync("1");
        await instructor.Keyboard.TypeAsync(Reason);
        var reason = instructor.GetByLabel("Reason", new() { Exact = true });
        await Expect(reason).ToBeFocusedAsync();
        await Expect(reason).ToHaveValueAsync(Reason);
        await Expect(instructor.GetByLabel("Score (0 to 2)")).ToHaveValueAsync("1");
        await instructor.Keyboard.PressAsync("Tab");
        await Expect(instructor.GetByLabel("Show the reason to the student")).ToBeFocusedAsync();
        await instructor.Keyboard.PressAsync("Space");
        await instructor.Keyboard.PressAsync("Shift+Tab");
        await instructor.Keyboard.PressAsync("Enter");
        await Expect(instructor.GetByRole(AriaRole.Status)).ToContainTextAsync("Overridden: 1 for Ada Lovelace");
        await Expect(counts).ToContainTextAsync("1 of 3 left");
        await Expect(instructor.Locator(".queue-item")).ToBeFocusedAsync();

        var last = await instructor.Locator(".queue-item").GetAttributeAsync("data-grade-id");
        await instructor.Keyboard.PressAsync("ArrowRight");
        await Expect(instructor.GetByRole(AriaRole.Status)).ToContainTextAsync("comes back at the end");
        await Expect(instructor.Locator(".queue-item")).ToHaveAttributeAsync("data-grade-id", last!); // the only one left comes back
        await instructor.Keyboard.PressAsync("2");
        await Expect(instructor.GetByLabel("Reason", new() { Exact = true })).ToBeFocusedAsync();
        await instructor.Keyboard.PressAsync("Escape");
        await Expect(instructor.GetByLabel("Reason", new() { Exact = true })).ToHaveCountAsync(0);
        await Expect(instructor.Locator(".queue-item")).ToBeFocusedAsync();
        await Expect(counts).ToContainTextAsync("1 of 3 left");
        await instructor.Keyboard.PressAsync("A");
        await Expect(instructor.GetByRole(AriaRole.Heading, new() { Name = "Nothing left to review" })).ToBeFocusedAsync();
        await Expect(counts).ToContainTextAsync("0 of 3 left");

        var student = await site.NewPageAsync();
        await student.SignInAsync(ada.Email, ada.Password);
        await student.GotoAsync($"attempts/{attemptId}/results");
        var overridden = student.GetByRole(AriaRole.Region).Filter(new() { HasText = Reason });
        await Expect(overridden).ToContainTextAsync("Reviewed by your instructor.");
        await Expect(overridden).ToContainTextAsync("1 of 2 points · set by your instructor");
        await Expect(student.GetByText("Reviewed by your instructor.")).ToHaveCountAsync(3);
    }

    [ScreenshotFact]
    public async Task ReviewQueueScreenshot()
    {
        var classroom = await Classroom.CreateAsync(site, "Ada Lovelace", "Alan Turing", "Grace Hopper");
        await classroom.GradedAttemptAsync(classroom.Students[0], "Convolution filters kernels edges layers features features.",
            "Transfer learning reuses a pretrained model and fine-tunes it.", "");
        await classroom.GradedAttemptAsync(classroom.Students[1], "CNNs extract features with convolutional layers: learned filters detect edges.",
            "It reuses a model trained on ImageNet.", "An embedding is a vector that captures the image's meaning.");
        await classroom.GradedAttemptAsync(classroom.Students[2], "Layers.", "Pre-trained.", "A vector.");
        await SpotCheckAsync(classroom.QuizId, 0.25);
        var page = await site.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await page.SignInAsync(classroom.Instructor.Email, classroom.Instructor.Password);

        await page.GotoInteractiveAsync($"quizzes/{classroom.QuizId}/review");
        await Expect(page.Locator(".queue-item")).ToBeFocusedAsync();
        await page.Mouse.MoveAsync(1270, 890);
        await page.ScreenshotAsync(new() { Path = ScreenshotFactAttribute.PathOf("review-queue-desktop.png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
    }

    async Task SpotCheckAsync(int quizId, double share)
    {
        await using var db = site.Services.CreateDbContext();
        var quiz = await db.Quizzes.SingleAsync(q => q.Id == quizId);
        quiz.SpotCheckShare = share;
        await db.SaveChangesAsync();
    }
}
