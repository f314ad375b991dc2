using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data.Assignments;
using QuizPlatform.Data.Entities;
using QuizPlatform.Grading;
using QuizPlatform.Web.Features.Grading;
using QuizPlatform.Web.Tests.Features.Attempts;
using QuizPlatform.Web.Tests.Features.Quizzes;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.ReviewQueue;

/// <summary>
/// Issue 12: a student pastes their answer to question 7 of the seed into question 8. The hand-in grading flags it
/// as an answer to question 7, caps it, and the instructor finds it in the review queue saying so.
/// </summary>
public sealed class OtherQuestionTests
{
    [Fact]
    public async Task AnAnswerPastedFromAnotherQuestionReachesTheReviewQueueNamingThatQuestion()
    {
        await using var scene = await QuizScene.CreateAsync(DatabaseProvider.Postgres);
        var seed = await scene.App.Services.GetRequiredService<AssignmentImporter>()
            .ImportAsync(Encoding.UTF8.GetBytes(SeedDocuments.Seed), SeedDocuments.SeedFileName);
        var quizId = await scene.OpenQuizAsync(form =>
        {
            form.Title = "CNN quiz";
            form.ShowScore = form.ShowKeywordFeedback = ReviewVisibility.Immediately;
            form.Selection = QuestionSelection.Subset;
            foreach (var question in form.Questions.Where(q => q.Number is 7 or 8))
                (question.Selected, question.Points) = (true, 10);
        }, seed.AssignmentVersionId!.Value);
        Dictionary<int, Question> questions;
        await using (var db = scene.App.Services.CreateDbContext())
            questions = await db.Questions.Where(q => q.AssignmentVersionId == seed.AssignmentVersionId && (q.Number == 7 || q.Number == 8))
                .ToDictionaryAsync(q => q.Number);
        using var sam = await scene.SignedInAsync("sam@quiz.local");

        using var started = await sam.SubmitNamedFormAsync($"/quizzes/{quizId}/take", "start-attempt");
        var attemptId = int.Parse(started.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        var token = (await sam.GetPageAsync($"/attempts/{attemptId}")).AntiforgeryToken();
        // Question 7 answered well, and the same answer pasted into question 8.
        foreach (var question in questions.Values)
        {
            using var saved = await sam.PutAnswerAsync(attemptId, question.Id, questions[7].ModelAnswer, 0, token);
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }
        using (var handedIn = await sam.SubmitNamedFormAsync($"/attempts/{attemptId}", "submit-attempt"))
            Assert.EndsWith($"/attempts/{attemptId}/results", handedIn.Headers.Location?.OriginalString);
        await scene.App.Services.GetRequiredService<AttemptGrading>().GradeAsync(attemptId);

        await using (var db = scene.App.Services.CreateDbContext())
        {
            var grades = await db.Grades.Include(g => g.Response).Where(g => g.Response.AttemptId == attemptId)
                .ToDictionaryAsync(g => g.Response.QuestionId);
            Assert.False(grades[questions[7].Id].Flags.HasFlag(GradeFlags.OtherQuestion), grades[questions[7].Id].Explanation);
            Assert.True(grades[questions[8].Id].Flags.HasFlag(GradeFlags.OtherQuestion), grades[questions[8].Id].Explanation);
            Assert.True(grades[questions[8].Id].Score <= 2.5, $"{grades[questions[8].Id].Score} of 10");
        }
        using var alice = await scene.SignedInAsync("alice@quiz.local");
        var queue = await alice.GetPageAsync($"/quizzes/{quizId}/review");
        Assert.Contains("1 of 1 left: 1 flagged.", queue.Text());
        Assert.Contains("In the queue: the grader flagged it (needs review, reads as an answer to question 7 of the assignment).", queue.Text());
        var attempt = await alice.GetPageAsync($"/quizzes/{quizId}/attempts/{attemptId}");
        Assert.Contains("needs review, reads as an answer to question 7 of the assignment", attempt.Text());

        var results = await sam.GetPageAsync($"/attempts/{attemptId}/results");
        var card = results.QuerySelector($"section[data-question-number='8']")!;
        Assert.Contains("The answer reads as an answer to question 7 of the assignment rather than to this one, so its score is capped.",
            card.UnderHeading("Notes on this answer").Text());
        Assert.Contains("Provisional: your instructor will look at this answer.", card.Text());
    }
}
