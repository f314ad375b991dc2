using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Regrading;
using QuizPlatform.Web.Tests.Features.Audit;
using QuizPlatform.Web.Tests.Features.Regrading;
using QuizPlatform.Web.Tests.Features.Users;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;

namespace QuizPlatform.Web.Tests.Features.Keywords;

/// <summary>
/// Alice's open quiz grades against an assignment's keywords: Bob, another instructor, tries to change them by every
/// way in; Alice and admins may, and Alice sees on her quiz what others changed after it opened.
/// </summary>
public sealed class KeywordEditRuleTests
{
    [Fact]
    public async Task AnotherInstructorCannotChangeTheKeywordsSomeoneElsesQuizGradesAgainst()
    {
        await using var scene = await RegradeScene.CreateAsync(Infrastructure.DatabaseProvider.Postgres);
        var widened = RegradeScene.Edited(k => k[0].Alternatives = "kernels");

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => scene.Editing.SaveAsync(scene.Bob, scene.AssignmentId, scene.Question1, widened));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => scene.Editing.ResetToExtractedAsync(scene.Bob, scene.AssignmentId, scene.Question1));
        Assert.Null(await scene.Preview.ApplyAsync(scene.Bob, scene.QuizId, scene.Question1, widened, RegradeMode.AllChanges));
        using var bob = await scene.Fixture.ClientAsync("bob@quiz.local");
        var page = await bob.GetPageAsync($"/assignments/{scene.AssignmentId}/questions/{scene.Question1}/keywords");

        Assert.Equal(["filters", "edges", "weights"], await PhrasesAsync(scene));
        Assert.Empty(await scene.App.AuditAsync(AuditActions.KeywordsEdited));
        Assert.Contains("Only Alice, who built quizzes on this assignment or imported it, and admins may change these keywords",
            page.Text());
        Assert.Null(page.ByRole("button", "Save keywords"));
        Assert.Null(page.ByLabel("Phrase"));
        Assert.Contains("filters", page.QuerySelector("table")!.Text());
    }

    [Fact]
    public async Task TheOwnerAndAdminsMayChangeThemAndTheOwnerSeesWhatOthersChangedAfterTheQuizOpened()
    {
        await using var scene = await RegradeScene.CreateAsync(Infrastructure.DatabaseProvider.Postgres);
        var admin = await UserAdminTests.AdminIdAsync(scene.App);
        var editor = $"/assignments/{scene.AssignmentId}/questions/{scene.Question1}/keywords";

        Assert.Empty(await scene.Editing.SaveAsync(admin, scene.AssignmentId, scene.Question1,
            RegradeScene.Edited(k => k[0].Alternatives = "kernels")));
        scene.App.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(await scene.Editing.SaveAsync(scene.Alice, scene.AssignmentId, scene.Question1,
            RegradeScene.Edited(k => k[1].Alternatives = "contours")));
        using var alice = await scene.Fixture.ClientAsync("alice@quiz.local");
        var quizPage = await alice.GetPageAsync($"/quizzes/{scene.QuizId}");
        var editorPage = await alice.GetPageAsync(editor);

        var notice = quizPage.UnderHeading("Keywords changed after this quiz opened");
        Assert.Equal("Question 1: changed by Administrator, " + Formats(scene.App.Clock.GetUtcNow().UtcDateTime.AddMinutes(-5)),
            Assert.Single(notice.QuerySelectorAll("li")).Text());
        Assert.Equal(editor.TrimStart('/'), notice.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Last changed by Alice", editorPage.Text());
        Assert.NotNull(editorPage.ByRole("button", "Save keywords"));
        Assert.Equal(2, (await scene.App.AuditAsync(AuditActions.KeywordsEdited)).Count);
    }

    /// <summary>A time as the page writes it before the browser shows it in its own zone.</summary>
    static string Formats(DateTime utc) => QuizPlatform.Web.Components.Shared.Formats.DateTime(utc) + " UTC.";

    static async Task<List<string>> PhrasesAsync(RegradeScene scene)
    {
        await using var db = scene.App.Services.CreateDbContext();
        return await db.QuestionKeywords.Where(k => k.QuestionId == scene.Question1).OrderBy(k => k.Position).Select(k => k.Phrase).ToListAsync();
    }
}
