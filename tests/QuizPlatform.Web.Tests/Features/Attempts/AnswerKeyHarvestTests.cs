using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data.Assignments;
using QuizPlatform.Data.Entities;
using QuizPlatform.Grading;
using QuizPlatform.Web.Tests.Features.Quizzes;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Attempts;

/// <summary>
/// The harvest-and-pad attack of issue 14, played through the pages and the save API as a student's browser would:
/// hand in attempt 1 empty to read the missing keywords, then pad each into a throwaway sentence in attempt 2.
/// </summary>
public sealed class AnswerKeyHarvestTests
{
    [Fact]
    public async Task AnEmptyFirstAttemptHarvestsNoKeywordAndPaddingTheKeyScoresAQuarterFlaggedForReview()
    {
        await using var scene = await QuizScene.CreateAsync(DatabaseProvider.Postgres);
        var seed = await scene.App.Services.GetRequiredService<AssignmentImporter>()
            .ImportAsync(Encoding.UTF8.GetBytes(SeedDocuments.Seed), SeedDocuments.SeedFileName);
        var quizId = await scene.OpenQuizAsync(form =>
        {
            form.Title = "CNN quiz";
            form.AttemptsAllowed = 2;
            form.ShowScore = form.ShowKeywordFeedback = ReviewVisibility.Immediately;
            form.Selection = QuestionSelection.Subset;
            foreach (var question in form.Questions.Where(q => q.Number is 1 or 3 or 16))
                (question.Selected, question.Points) = (true, 10);
        }, seed.AssignmentVersionId!.Value);
        using var sam = await scene.SignedInAsync("sam@quiz.local");

        var first = await StartAsync(sam, quizId);
        await HandInAsync(scene, sam, first);
        // The empty answers are on one "Left empty" line; each opens its card from its own address.
        var firstResults = await Task.WhenAll(Enumerable.Range(1, 3).Select(order => sam.GetPageAsync($"/attempts/{first}/results?empty={order}")));

        Assert.All(firstResults, page =>
        {
            Assert.Empty(page.QuerySelectorAll("[data-missing-keyword]"));
            Assert.Contains("Keywords your answers missed are shown once you have no attempts left or the quiz closes", page.Text());
            Assert.Equal("Shown once you have no attempts left or the quiz closes.", Assert.Single(Cards(page)).UnderHeading("Keywords missing").Text());
            Assert.DoesNotContain("hierarchical representations", page.Body!.OuterHtml); // a keyword of question 1
        });

        // The instructor turns the quiz's option on: now the same page hands out the key, which the attacker pads.
        await using (var db = scene.App.Services.CreateDbContext())
            await db.Quizzes.Where(q => q.Id == quizId).ExecuteUpdateAsync(s => s.SetProperty(q => q.ShowMissingKeywordsWhileAttemptsRemain, true));
        var harvested = (await Task.WhenAll(Enumerable.Range(1, 3).Select(order => sam.GetPageAsync($"/attempts/{first}/results?empty={order}"))))
            .Select(page => Assert.Single(Cards(page)))
            .ToDictionary(card => card.GetAttribute("data-question-number")!,
                card => card.QuerySelectorAll("[data-missing-keyword]").Select(k => k.GetAttribute("data-missing-keyword")!).ToList());
        Assert.Equal(["1", "16", "3"], harvested.Keys.Order());
        Assert.All(harvested.Values, keywords => Assert.True(keywords.Count >= 9, string.Join(", ", keywords)));

        var second = await StartAsync(sam, quizId);
        var attemptPage = await sam.GetPageAsync($"/attempts/{second}");
        var token = attemptPage.AntiforgeryToken();
        foreach (var question in attemptPage.QuerySelectorAll("section[data-question]"))
        {
            var number = await QuestionNumberAsync(scene, int.Parse(question.GetAttribute("data-question")!, CultureInfo.InvariantCulture));
            var padded = string.Join(" and ", harvested[number].Select(k => $"the {k} is in it")) + ".";
            using var saved = await sam.PutAnswerAsync(second, int.Parse(question.GetAttribute("data-question")!, CultureInfo.InvariantCulture),
                padded, 0, token);
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }
        await HandInAsync(scene, sam, second);
        var secondResults = await sam.GetPageAsync($"/attempts/{second}/results");

        var total = double.Parse(secondResults.QuerySelector("[data-total-score]")!.GetAttribute("data-total-score")!, CultureInfo.InvariantCulture);
        Assert.True(total <= 30 * 0.25, $"{total} of 30 points");
        Assert.All(Cards(secondResults), card =>
        {
            var notes = card.UnderHeading("Notes on this answer").QuerySelectorAll("li").Select(li => li.GetAttribute("data-flag")).ToList();
            Assert.Contains("keyword-padding", notes);
            Assert.Contains("Provisional: your instructor will look at this answer.", card.Text());
        });
        await using var after = scene.App.Services.CreateDbContext();
        var grades = await after.Grades.Where(g => g.Response.AttemptId == second).ToListAsync();
        Assert.Equal(3, grades.Count);
        Assert.All(grades, g => Assert.True(g.Flags.HasFlag(GradeFlags.KeywordPadding | GradeFlags.NeedsReview) && g.Score <= 2.5,
            $"{g.Score}: {g.Flags}"));
    }

    static IEnumerable<AngleSharp.Dom.IElement> Cards(AngleSharp.Dom.IDocument page) => page.QuerySelectorAll("section[data-question-number]");

    /// <summary>Starts an attempt with the start page's form; the new attempt's id, from where it sends the browser.</summary>
    static async Task<int> StartAsync(HttpClient student, int quizId)
    {
        using var started = await student.SubmitNamedFormAsync($"/quizzes/{quizId}/take", "start-attempt");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        return int.Parse(started.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    /// <summary>Hands in with the attempt page's form, then grades it as the grading worker would.</summary>
    static async Task HandInAsync(QuizScene scene, HttpClient student, int attemptId)
    {
        using var handedIn = await student.SubmitNamedFormAsync($"/attempts/{attemptId}", "submit-attempt");
        Assert.EndsWith($"/attempts/{attemptId}/results", handedIn.Headers.Location?.OriginalString);
        await scene.App.Services.GetRequiredService<QuizPlatform.Web.Features.Grading.AttemptGrading>().GradeAsync(attemptId);
    }

    static async Task<string> QuestionNumberAsync(QuizScene scene, int questionId)
    {
        await using var db = scene.App.Services.CreateDbContext();
        return (await db.Questions.Where(q => q.Id == questionId).Select(q => q.Number).SingleAsync()).ToString(CultureInfo.InvariantCulture);
    }
}
