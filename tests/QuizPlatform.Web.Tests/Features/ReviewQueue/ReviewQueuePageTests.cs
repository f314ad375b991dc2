using System.Net;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.ReviewQueue;

/// <summary>The queue's page as served (the first render, before the circuit): what it says, and who may open it.</summary>
public sealed class ReviewQueuePageTests
{
    [Theory, AllDatabaseProviders]
    public async Task OwnerAndAdminSeeTheFirstAnswerWithTheCountsAndTheShortcuts(DatabaseProvider provider)
    {
        await using var scene = await QueueScene.CreateAsync(provider);
        var first = (await scene.NextAsync()).Item!;

        foreach (var email in new[] { "alice@quiz.local", "admin@quiz.local" })
        {
            using var client = await scene.Fixture.ClientAsync(email);
            var page = await client.GetPageAsync($"/quizzes/{scene.QuizId}/review");

            Assert.NotNull(page.ByRole("heading", "Review queue: Networks quiz"));
            Assert.Contains("3 of 3 left: 2 flagged, 1 borderline.", page.Text());
            Assert.NotNull(page.ByRole("heading", $"{first.Student} · {first.QuestionLabel}"));
            Assert.Contains(first.Text, page.UnderHeading("The student's answer").Text());
            Assert.Contains("In the queue: " + (first.Reason == Grading.ReviewReason.Borderline ? "borderline" : "the grader flagged it"), page.Text());
            Assert.NotNull(page.ByRole("button", $"Accept {Formats(first.Grade.GraderScore)} (A)"));
            Assert.NotNull(page.ByRole("button", "Skip for now (S or →)"));
            Assert.Contains("A accepts the grader's score.", page.UnderHeading("Keyboard shortcuts").Text());
            Assert.NotNull(page.ByLabel("Hide students' names"));
        }
    }

    [Theory, AllDatabaseProviders]
    public async Task TheResultsHeaderLinksToTheQueueWithWhatIsLeft(DatabaseProvider provider)
    {
        await using var scene = await QueueScene.CreateAsync(provider);
        await scene.MarkNextAsync(Web.Features.Marking.Mark.Accept());
        using var alice = await scene.Fixture.ClientAsync("alice@quiz.local");

        var results = await alice.GetPageAsync($"/quizzes/{scene.QuizId}/results");

        var link = results.ByRole("navigation", "Results views")!.ByRole("link", "Review queue (2 left)");
        Assert.Equal($"quizzes/{scene.QuizId}/review", link!.GetAttribute("href"));
    }

    [Theory, AllDatabaseProviders]
    public async Task AnEmptyQueueSaysSoAndLinksBackToTheResults(DatabaseProvider provider)
    {
        await using var scene = await QueueScene.CreateAsync(provider);
        await scene.AcceptAllAsync();
        using var alice = await scene.Fixture.ClientAsync("alice@quiz.local");

        var page = await alice.GetPageAsync($"/quizzes/{scene.QuizId}/review");

        Assert.Contains("Every one of the 3 answers selected for review has been reviewed.", page.UnderHeading("Nothing left to review").Text());
        Assert.Equal($"quizzes/{scene.QuizId}/results", page.ByRole("link", "Back to the results")!.GetAttribute("href"));
        Assert.Null(page.ByRole("button", "Skip for now (S or →)"));
    }

    [Theory, AllDatabaseProviders]
    public async Task AnotherInstructorAStudentAndAGuessedIdFindNothing(DatabaseProvider provider)
    {
        await using var scene = await QueueScene.CreateAsync(provider);

        foreach (var actor in new[] { scene.Fixture.Scene.Bob, scene.Ann, scene.Fixture.Scene.Sam })
        {
            Assert.Null(await scene.Queues.NextAsync(actor, scene.QuizId, [], hideNames: false));
            Assert.Null(await scene.Queues.CountsAsync(actor, scene.QuizId));
        }
        Assert.Null(await scene.Queues.NextAsync(scene.Alice, scene.QuizId + 1000, [], hideNames: false));
        foreach (var (email, quizId) in new[] { ("bob@quiz.local", scene.QuizId), ("ann@quiz.local", scene.QuizId), ("alice@quiz.local", scene.QuizId + 1000) })
        {
            using var client = await scene.Fixture.ClientAsync(email);
            using var response = await client.GetAsync($"/quizzes/{quizId}/review");
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{email} got {(int)response.StatusCode}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Networks quiz", body);
            Assert.DoesNotContain("Ann on Q1", body);
        }
    }

    static string Formats(double value) => Web.Components.Shared.Formats.Figure(value);
}
