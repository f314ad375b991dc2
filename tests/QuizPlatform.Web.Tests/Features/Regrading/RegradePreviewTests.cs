using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Assignments;
using QuizPlatform.Web.Features.Regrading;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Regrading;

/// <summary>
/// Ann says filters, Ben "kernels" and edges, Cat weights: one keyword of three each (0.4762 of 1 point). Giving
/// filters the alternative "kernels" and weights the weight 3 (of 5) takes Ann to 0.2857, Ben to 0.5714, Cat to 0.8571.
/// </summary>
public sealed class RegradePreviewTests
{
    static KeywordDraft[] Mixed => RegradeScene.Edited(k =>
    {
        k[0].Alternatives = "kernels";
        k[2].Weight = 3;
    });

    static async Task<(RegradeScene Scene, int Ann, int Ben, int Cat)> AnsweredAsync(DatabaseProvider provider)
    {
        var scene = await RegradeScene.CreateAsync(provider);
        return (scene, await scene.AnswerAsync("Ann", "Local filters."), await scene.AnswerAsync("Ben", "Kernels that find edges."),
            await scene.AnswerAsync("Cat", "Learned weights."));
    }

    [Theory, AllDatabaseProviders]
    public async Task PreviewCountsTheMarksThatChangeAndNamesTheKeywordsThatFlipped(DatabaseProvider provider)
    {
        var (scene, ann, ben, cat) = await AnsweredAsync(provider);
        await using var _ = scene;

        var preview = await scene.Preview.PreviewAsync(scene.Alice, scene.QuizId, scene.Question1, Mixed);

        Assert.NotNull(preview);
        Assert.Equal((3, 2, 1), (preview.Answers, preview.Up, preview.Down));
        Assert.Equal((0.2857 - 0.4762 + 0.5714 - 0.4762 + 0.8571 - 0.4762) / 3, preview.MeanChange, 4);
        var rows = preview.Changes.ToDictionary(r => r.Student);
        Assert.Equal((0.4762, 0.2857), (rows["Ann"].OldScore, rows["Ann"].NewScore));
        Assert.Equal((0.4762, 0.5714), (rows["Ben"].OldScore, rows["Ben"].NewScore));
        Assert.Equal(["filters"], rows["Ben"].Found);
        Assert.Empty(rows["Ben"].Lost);
        Assert.Equal("Kernels", rows["Ben"].Text.Substring(rows["Ben"].Flipped.Single().Spans.Single().Start, rows["Ben"].Flipped.Single().Spans.Single().Length));
        Assert.Equal((0.4762, 0.8571), (rows["Cat"].OldScore, rows["Cat"].NewScore));
        Assert.Empty(preview.Overridden);
        // Nothing is stored by a preview.
        foreach (var id in new[] { ann, ben, cat })
            Assert.Empty((await scene.GradeAsync(id)).History);
        Assert.Equal(1, (await scene.GradeAsync(ben)).KeywordVersion);
    }

    [Theory, AllDatabaseProviders]
    public async Task AppliedGradesEqualThePreview(DatabaseProvider provider)
    {
        var (scene, ann, ben, cat) = await AnsweredAsync(provider);
        await using var _ = scene;
        var preview = await scene.Preview.PreviewAsync(scene.Alice, scene.QuizId, scene.Question1, Mixed);

        var applied = await scene.Preview.ApplyAsync(scene.Alice, scene.QuizId, scene.Question1, Mixed, RegradeMode.AllChanges);

        Assert.Equal((2, 3, 2, 1, 0), (applied!.KeywordVersion, applied.Regraded, applied.Up, applied.Down, applied.KeptDecreases));
        foreach (var row in preview!.Changes)
        {
            var grade = await scene.GradeAsync(row.GradeId);
            Assert.Equal((row.NewScore, 2), (grade.EffectiveScore, grade.KeywordVersion));
            var change = Assert.Single(grade.History);
            Assert.Equal((GradeChangeSource.Regrade, row.OldScore, row.NewScore, scene.Alice), (change.Source, change.OldScore, change.NewScore, change.ChangedById!));
            Assert.Equal("Key v2: added 'kernels' as an alternative of 'filters'; weight of 'weights' 1 → 3", change.Reason);
        }
        await using var db = scene.App.Services.CreateDbContext();
        Assert.Equal(["kernels"], (await db.QuestionKeywords.SingleAsync(k => k.QuestionId == scene.Question1 && k.Phrase == "filters")).Alternatives);
        Assert.Equal(1, await db.KeywordSetVersions.CountAsync(v => v.QuestionId == scene.Question1));
    }

    [Theory, AllDatabaseProviders]
    public async Task AnApplyFromAPageOpenedBeforeAnotherSaveStoresNothing(DatabaseProvider provider)
    {
        var (scene, ann, ben, cat) = await AnsweredAsync(provider);
        await using var _ = scene;
        // Two tabs opened on key version 1; the first saves a weight, the second then applies the alternative.
        Assert.Empty(await scene.Editing.SaveAsync(scene.Alice, scene.AssignmentId, scene.Question1,
            RegradeScene.Edited(k => k[2].Weight = 3), basedOn: 1));

        var applied = await scene.Preview.ApplyAsync(scene.Alice, scene.QuizId, scene.Question1,
            RegradeScene.Edited(k => k[0].Alternatives = "kernels"), RegradeMode.AllChanges, basedOn: 1);

        Assert.True(Assert.Single(applied!.Errors).ChangedMeanwhile);
        Assert.Equal((2, 0), (applied.KeywordVersion, applied.Regraded));
        await using var db = scene.App.Services.CreateDbContext();
        Assert.Equal(3, (await db.QuestionKeywords.SingleAsync(k => k.QuestionId == scene.Question1 && k.Phrase == "weights")).Weight);
        Assert.Empty((await db.QuestionKeywords.SingleAsync(k => k.QuestionId == scene.Question1 && k.Phrase == "filters")).Alternatives);
        foreach (var id in new[] { ann, ben, cat })
            Assert.Empty((await scene.GradeAsync(id)).History);
    }

    [Theory, AllDatabaseProviders]
    public async Task OnlyIncreasesKeepsTheGradesThatWouldGoDown(DatabaseProvider provider)
    {
        var (scene, ann, ben, cat) = await AnsweredAsync(provider);
        await using var _ = scene;

        var applied = await scene.Preview.ApplyAsync(scene.Alice, scene.QuizId, scene.Question1, Mixed, RegradeMode.OnlyIncreases);

        Assert.Equal((2, 2, 0, 1), (applied!.Regraded, applied.Up, applied.Down, applied.KeptDecreases));
        var kept = await scene.GradeAsync(ann);
        Assert.Equal((0.4762, 1), (kept.EffectiveScore, kept.KeywordVersion));
        Assert.Empty(kept.History);
        Assert.Equal(0.5714, (await scene.GradeAsync(ben)).EffectiveScore);
        Assert.Equal(0.8571, (await scene.GradeAsync(cat)).EffectiveScore);
    }

    [Theory]
    [InlineData(0.003, "2 up, 0 down; mean change under +0.01 points per answer.")]
    [InlineData(-0.003, "2 up, 0 down; mean change under −0.01 points per answer.")]
    [InlineData(0.0, "2 up, 0 down; mean change 0 points per answer.")]
    [InlineData(0.05, "2 up, 0 down; mean change +0.05 points per answer.")]
    public void AMeanChangeTooSmallToShowIsNotReadAsNoChange(double mean, string said)
    {
        // Two answers up by 0.03 among 20: the mean, 0.003, rounds to 0 at two decimals.
        var preview = new RegradePreviewResult(1, "Midterm", 20, 2, 0, mean, [], []);

        Assert.Equal("2 of 20 answers in Midterm change: " + said, RegradePreviewPanel.Summary(preview));
    }

    [Theory, AllDatabaseProviders]
    public async Task ARegradeNeverChangesAnOverride(DatabaseProvider provider)
    {
        var (scene, _, _, _) = await AnsweredAsync(provider);
        await using var __ = scene;
        var dan = await scene.AnswerAsync("Dan", "Kernels.");
        await scene.OverrideAsync(dan, 0.8);

        var preview = await scene.Preview.PreviewAsync(scene.Alice, scene.QuizId, scene.Question1, Mixed);
        await scene.Preview.ApplyAsync(scene.Alice, scene.QuizId, scene.Question1, Mixed, RegradeMode.AllChanges);

        var row = Assert.Single(preview!.Overridden);
        Assert.Equal(("Dan", 0.8, 0.0, 0.2857), (row.Student, row.OverrideScore!.Value, row.OldScore, row.NewScore));
        // Dan's counted score does not move: the mean is over all four answers the sentence counts.
        Assert.Equal($"3 of 4 answers in {preview.QuizTitle} change: 2 up, 1 down; mean change +0.07 points per answer; 1 overridden kept.",
            RegradePreviewPanel.Summary(preview));
        Assert.DoesNotContain(preview.Changes, r => r.GradeId == dan);
        var grade = await scene.GradeAsync(dan);
        Assert.Equal((0.8, 0.8, 0.2857), (grade.OverrideScore, grade.EffectiveScore, grade.Score));
        var regrade = Assert.Single(grade.History, h => h.Source == GradeChangeSource.Regrade);
        Assert.Equal((0.8, 0.8), (regrade.OldScore, regrade.NewScore));
    }

    [Theory, AllDatabaseProviders]
    public async Task ApplyLeavesTheQuestionsAnswersInOtherQuizzesOutOfDate(DatabaseProvider provider)
    {
        var (scene, _, _, _) = await AnsweredAsync(provider);
        await using var _ = scene;
        var other = await scene.Fixture.AddQuizAsync(q => q.Title = "Retake");
        var eve = await scene.Fixture.StudentAsync("Eve", scene.Fixture.AlgebraId);
        await scene.Fixture.AnswerAndGradeAsync(other, eve, "Kernels that find edges.");

        await scene.Preview.ApplyAsync(scene.Alice, scene.QuizId, scene.Question1, Mixed, RegradeMode.AllChanges);

        var status = await scene.Jobs.StatusAsync(scene.Alice, other);
        Assert.Equal((1, 1, 0), (status!.OutOfDate, status.OlderKey, status.OlderGrader));
        Assert.Equal(0, (await scene.Jobs.StatusAsync(scene.Alice, scene.QuizId))!.OutOfDate);
    }

    [Theory, AllDatabaseProviders]
    public async Task OnlyTheQuizOwnerAndAdminsPreviewAndApply(DatabaseProvider provider)
    {
        var (scene, ann, _, _) = await AnsweredAsync(provider);
        await using var _ = scene;
        var admin = await TestUsers.CreateUserIdAsync(scene.App, "root@quiz.local", Roles.Admin, "Root");

        foreach (var outsider in new[] { scene.Bob, scene.Sam, "nobody" })
        {
            Assert.Null(await scene.Preview.PreviewAsync(outsider, scene.QuizId, scene.Question1, Mixed));
            Assert.Null(await scene.Preview.ApplyAsync(outsider, scene.QuizId, scene.Question1, Mixed, RegradeMode.AllChanges));
        }

        await using (var db = scene.App.Services.CreateDbContext())
        {
            Assert.False(await db.KeywordSetVersions.AnyAsync());
            Assert.Empty((await db.QuestionKeywords.SingleAsync(k => k.QuestionId == scene.Question1 && k.Phrase == "filters")).Alternatives);
        }
        Assert.Empty((await scene.GradeAsync(ann)).History);
        Assert.Equal(1, (await scene.Preview.PreviewAsync(admin, scene.QuizId, scene.Question1, Mixed))!.Down);
    }
}
