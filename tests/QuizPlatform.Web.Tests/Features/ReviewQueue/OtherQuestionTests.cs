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
using QuizPlatform.Web.Tests.Features.QuizResults;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.ReviewQueue;

/// <summary>
/// Issue 12: a student pastes their answer to question 7 of the seed into question 8. The hand-in grading flags it
/// as an answer to question 7, caps it, and every page, the instructor's and the student's, and the CSV export name
/// that question in the quiz's own numbering when the quiz asks it, else by its number in the assignment.
/// </summary>
public sealed class OtherQuestionTests
{
    [Theory]
    [InlineData(new[] { 7, 8 }, "question 1")] // the quiz's questions 1 and 2
    [InlineData(new[] { 8 }, "question 7 of the assignment")] // question 7 is not in the quiz
    public async Task AnAnswerPastedFromAnotherQuestionIsFlaggedNamingThatQuestionAsTheQuizNumbersIt(int[] quizQuestions, string named)
    {
        await using var scene = await QuizScene.CreateAsync(DatabaseProvider.Postgres);
        var seed = await scene.App.Services.GetRequiredService<AssignmentImporter>()
            .ImportAsync(Encoding.UTF8.GetBytes(SeedDocuments.Seed), SeedDocuments.SeedFileName);
        var quizId = await scene.OpenQuizAsync(form =>
        {
            form.Title = "CNN quiz";
            form.ShowScore = form.ShowKeywordFeedback = ReviewVisibility.Immediately;
            form.Selection = QuestionSelection.Subset;
            foreach (var question in form.Questions.Where(q => quizQuestions.Contains(q.Number)))
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
        // Question 7 answered well where the quiz asks it, and the same answer pasted into question 8.
        foreach (var number in quizQuestions)
        {
            using var saved = await sam.PutAnswerAsync(attemptId, questions[number].Id, questions[7].ModelAnswer, 0, token);
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }
        using (var handedIn = await sam.SubmitNamedFormAsync($"/attempts/{attemptId}", "submit-attempt"))
            Assert.EndsWith($"/attempts/{attemptId}/results", handedIn.Headers.Location?.OriginalString);
        await scene.App.Services.GetRequiredService<AttemptGrading>().GradeAsync(attemptId);

        await using (var db = scene.App.Services.CreateDbContext())
        {
            var grades = await db.Grades.Include(g => g.Response).Where(g => g.Response.AttemptId == attemptId)
                .ToDictionaryAsync(g => g.Response.QuestionId);
            if (grades.TryGetValue(questions[7].Id, out var seven))
                Assert.False(seven.Flags.HasFlag(GradeFlags.OtherQuestion), seven.Explanation);
            Assert.True(grades[questions[8].Id].Flags.HasFlag(GradeFlags.OtherQuestion), grades[questions[8].Id].Explanation);
            Assert.True(grades[questions[8].Id].Score <= 2.5, $"{grades[questions[8].Id].Score} of 10");
        }
        using var alice = await scene.SignedInAsync("alice@quiz.local");
        var queue = await alice.GetPageAsync($"/quizzes/{quizId}/review");
        Assert.Contains("1 of 1 left: 1 flagged.", queue.Text());
        Assert.Contains($"In the queue: the grader flagged it (needs review, reads as an answer to {named}).", queue.Text());
        var attempt = await alice.GetPageAsync($"/quizzes/{quizId}/attempts/{attemptId}");
        Assert.Contains($"provisional until reviewed (flagged: needs review, reads as an answer to {named})", attempt.Text());
        var answers = await alice.GetPageAsync($"/quizzes/{quizId}/questions/{questions[8].Id}");
        Assert.Contains($"needs review, reads as an answer to {named}", answers.Text());
        var responses = await ExportReading.CsvAsync(scene.App, scene.Alice, quizId, "responses");
        var flags = responses[0].IndexOf("Flags");
        Assert.Equal($"needs review, reads as an answer to {named}", responses.Single(r => r[4] == "8")[flags]);

        var results = await sam.GetPageAsync($"/attempts/{attemptId}/results");
        var card = results.QuerySelector($"section[data-question-number='8']")!;
        Assert.Contains($"The answer reads as an answer to {named} rather than to this one, so its score is capped.",
            card.UnderHeading("Notes on this answer").Text());
        Assert.Contains("Provisional: your instructor will look at this answer.", card.Text());
    }
}
