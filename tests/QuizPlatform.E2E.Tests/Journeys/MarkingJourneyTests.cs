using QuizPlatform.E2E.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QuizPlatform.E2E.Tests.Journeys;

/// <summary>An instructor overrides an answer on the attempt review page; the student reads the new score and why.</summary>
public sealed class MarkingJourneyTests(QuizSite site, ITestOutputHelper output) : Journey(site, output)
{
    [Fact]
    public async Task InstructorOverridesAnAnswerWithAReasonAndTheStudentReadsBoth()
    {
        var classroom = await Classroom.CreateAsync(site, "Ada Lovelace");
        var ada = classroom.Students[0];
        var attemptId = await classroom.GradedAttemptAsync(ada, "Early layers pick out edges; deeper ones combine them into shapes and whole objects.", "", "");
        var instructor = await site.NewPageAsync();
        await instructor.SignInAsync(classroom.Instructor.Email, classroom.Instructor.Password);
        await instructor.GotoAsync($"quizzes/{classroom.QuizId}/attempts/{attemptId}");

        var first = instructor.GetByRole(AriaRole.Region, new() { Name = "Question 1 (assignment question 1)" });
        await Expect(first).ToContainTextAsync("The grader's proposal:");
        await first.GetByLabel("Score (0 to 2)").FillAsync("1.5");
        await first.GetByLabel("Reason", new() { Exact = true }).FillAsync("The sliding window is the idea; the filters are missing.");
        await first.GetByLabel("Show the reason to the student").CheckAsync();
        await first.GetByRole(AriaRole.Button, new() { Name = "Override", Exact = true }).ClickAsync();

        var outcome = first.GetByRole(AriaRole.Status);
        await Expect(outcome).ToHaveTextAsync("Overridden: 1.5 of 2");
        await Expect(outcome).ToBeInViewportAsync();
        await Expect(outcome).ToBeFocusedAsync(); // not left on the button, in a list that may have moved
        await Expect(first).ToContainTextAsync("Overridden by Ida Instructor: 1.5 of 2");
        // The meaning pass moved the grader's keyword score before the instructor read it: that is on record too.
        await first.GetByText("History of this grade (2 changes)").ClickAsync();
        await Expect(first.Locator(".grade-history li").First).ToContainTextAsync("Ida Instructor · overridden");
        await Expect(first.Locator(".grade-history li").Last).ToContainTextAsync("the system · regrade");
        await Expect(first.Locator(".grade-history li").Last).ToContainTextAsync("Meaning pass");

        var student = await site.NewPageAsync();
        await student.SignInAsync(ada.Email, ada.Password);
        await student.GotoAsync($"attempts/{attemptId}/results");
        var answer = student.GetByRole(AriaRole.Region, new() { Name = "Question 1" });
        await Expect(answer).ToContainTextAsync("1.5 of 2 points · set by your instructor");
        await Expect(answer).ToContainTextAsync("Your instructor's note: The sliding window is the idea; the filters are missing.");
    }
}
