using Microsoft.EntityFrameworkCore;
using QuizPlatform.Web.Features.Assignments;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Regrading;

public sealed class KeywordVersionTests
{
    [Theory, AllDatabaseProviders]
    public async Task EachSaveAndResetKeepsTheReplacedSetAsAVersion(DatabaseProvider provider)
    {
        await using var scene = await RegradeScene.CreateAsync(provider);
        var widened = RegradeScene.Edited(k => k[0].Alternatives = "kernels");

        await scene.Editing.SaveAsync(scene.Alice, scene.AssignmentId, scene.Question1, widened);
        await scene.Editing.ResetToExtractedAsync(scene.Alice, scene.AssignmentId, scene.Question1);

        await using var db = scene.App.Services.CreateDbContext();
        var versions = await db.KeywordSetVersions.Where(v => v.QuestionId == scene.Question1).OrderBy(v => v.Version).ToListAsync();
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal(["filters", "edges", "weights"], KeywordVersions.Read(versions[0].Keywords).Select(k => k.Phrase));
        Assert.Empty(KeywordVersions.Read(versions[0].Keywords)[0].Alternatives);
        Assert.Equal(["kernels"], KeywordVersions.Read(versions[1].Keywords)[0].Alternatives);
        Assert.All(versions, v => Assert.Equal((scene.Alice, scene.Fixture.Scene.Now), (v.ReplacedById!, v.ReplacedAt)));
        Assert.Equal(3, await db.Questions.Where(q => q.Id == scene.Question1).Select(q => q.KeywordVersion).SingleAsync());
    }

    [Theory, AllDatabaseProviders]
    public async Task ASaveThatChangesNothingIsNoVersion(DatabaseProvider provider)
    {
        await using var scene = await RegradeScene.CreateAsync(provider);

        var errors = await scene.Editing.SaveAsync(scene.Alice, scene.AssignmentId, scene.Question1, RegradeScene.Stored);

        Assert.Empty(errors);
        await using var db = scene.App.Services.CreateDbContext();
        Assert.False(await db.KeywordSetVersions.AnyAsync());
        Assert.Equal(1, await db.Questions.Where(q => q.Id == scene.Question1).Select(q => q.KeywordVersion).SingleAsync());
    }

    [Theory, AllDatabaseProviders]
    public async Task NewGradesRecordTheKeyVersionThatGradedThem(DatabaseProvider provider)
    {
        await using var scene = await RegradeScene.CreateAsync(provider);
        var before = await scene.AnswerAsync("Ann", "It learns filters.");
        await scene.Editing.SaveAsync(scene.Alice, scene.AssignmentId, scene.Question1, RegradeScene.Edited(k => k[2].Weight = 2));

        var after = await scene.AnswerAsync("Ben", "It learns filters.");

        Assert.Equal(1, (await scene.GradeAsync(before)).KeywordVersion);
        Assert.Equal(2, (await scene.GradeAsync(after)).KeywordVersion);
    }

    [Theory, AllDatabaseProviders]
    public async Task TheEditorNamesTheQuizzesAnEditConcernsAndTheEarlierVersions(DatabaseProvider provider)
    {
        await using var scene = await RegradeScene.CreateAsync(provider);
        await scene.AnswerAsync("Ann", "It learns filters.");
        await scene.AnswerAsync("Ben", "It learns edges.");
        await scene.Fixture.Scene.AddQuizAsync(q =>
        {
            (q.Title, q.CreatedById, q.OpensAt, q.ClosesAt) = ("Bob's closed quiz", scene.Bob, q.OpensAt!.Value.AddDays(-5), q.OpensAt.Value.AddDays(-4));
            q.Classes.Clear();
        });
        await scene.Fixture.Scene.AddQuizAsync(q =>
        {
            (q.Title, q.CreatedById) = ("Bob's open quiz", scene.Bob);
            q.Classes.Clear();
        });
        await scene.Editing.SaveAsync(scene.Alice, scene.AssignmentId, scene.Question1, RegradeScene.Edited(k => k[0].Alternatives = "kernels"));
        using var client = await scene.Fixture.ClientAsync("alice@quiz.local");

        var page = await client.GetPageAsync($"/assignments/{scene.AssignmentId}/questions/{scene.Question1}/keywords");

        var usedBy = page.GetElementById("used-by-heading")!.ParentElement!.Text();
        Assert.Contains("Networks quiz (open, 2 graded answers)", usedBy);
        Assert.Contains("Bob's open quiz (open, 0 graded answers, Bob's quiz)", usedBy);
        Assert.DoesNotContain("Bob's closed quiz", usedBy);
        var versions = page.QuerySelector("details.keyword-versions")!.Text();
        Assert.Contains("Key version 2 (current), 1 earlier", versions);
        Assert.Contains("filters, edges, weights", versions);
        Assert.Contains("Alice", versions);
        Assert.Equal(["", scene.QuizId.ToString()], page.QuerySelectorAll("#preview-quiz option").Select(o => o.GetAttribute("value")));
    }

    [Theory, AllDatabaseProviders]
    public async Task ARegradeRequestLinkOpensTheEditorWithTheAlternativeAddedAndNothingSaved(DatabaseProvider provider)
    {
        await using var scene = await RegradeScene.CreateAsync(provider);
        await scene.AnswerAsync("Ann", "Kernels.");
        using var client = await scene.Fixture.ClientAsync("alice@quiz.local");

        var page = await client.GetPageAsync(
            $"/assignments/{scene.AssignmentId}/questions/{scene.Question1}/keywords?quiz={scene.QuizId}&alternative=kernels&for=Filters&return=/quizzes/{scene.QuizId}/results");

        Assert.Equal("kernels", page.GetElementById("alternatives-1")!.GetAttribute("value"));
        Assert.Contains("Added 'kernels' as an alternative of 'filters' (not saved yet)", page.Text());
        await using var db = scene.App.Services.CreateDbContext();
        Assert.Empty((await db.QuestionKeywords.SingleAsync(k => k.QuestionId == scene.Question1 && k.Phrase == "filters")).Alternatives);
    }
}
