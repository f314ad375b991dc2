using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Grading;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Attempts;

/// <summary>
/// Hand-in grading with <c>Grading:Meaning</c> on: the keyword grade at once, the meaning pass after, driven here by
/// <see cref="MeaningGrading.GradeAllPendingAsync"/> (the app's workers are off) or by a restarted app's workers.
/// </summary>
public sealed class MeaningPassTests
{
    // Question 1's keywords are filters, edges and weights; this says "filters" in other words.
    const string Paraphrase = "It learns local detectors that detect features such as edges.";
    static readonly (string, string?) MeaningOn = ("Grading:Meaning", "true");

    [Theory, AllDatabaseProviders]
    public async Task AParaphraseShowsItsKeywordGradeAtOnceAndItsMeaningGradeAfterThePass(DatabaseProvider provider)
    {
        await using var scene = await ResultsScene.CreateAsync(provider, MeaningOn);
        var attemptId = await scene.GradedAsync(await scene.AddQuizAsync(), Paraphrase);
        using var sam = await scene.ClientAsync();

        var page = await ResultsScene.PageAsync(sam, attemptId);
        var before = ResultsScene.Question(page, 1);
        Assert.Contains("Scored by keywords; the meaning check is still running.", before.Text());
        // Question 2 was left empty: its 0 is final, with nothing to wait for.
        Assert.Contains("Scored by keywords.", ResultsScene.Question(await ResultsScene.PageAsync(sam, attemptId, "?empty=2"), 2).Text());
        var leftEmpty = page.GetElementById("left-empty")!.ParentElement!;
        Assert.Contains("Question 2", leftEmpty.Text());
        Assert.DoesNotContain("being graded", leftEmpty.Text());
        var keywordScore = (await GradeOfQuestion1Async(scene, attemptId)).Score;

        await scene.App.Services.GetRequiredService<MeaningGrading>().GradeAllPendingAsync();

        var grade = await GradeOfQuestion1Async(scene, attemptId);
        var after = ResultsScene.Question(await ResultsScene.PageAsync(sam, attemptId), 1);
        Assert.True(grade.Score > keywordScore, $"{keywordScore} by keywords, then {grade.Score}: {grade.Explanation}");
        Assert.Contains("Scored by keywords and meaning.", after.Text());
        Assert.DoesNotContain("still running", after.Text());
        var change = Assert.Single(grade.History);
        Assert.Equal((MeaningGrading.Reason, keywordScore, grade.Score), (change.Reason, change.OldScore, change.NewScore));
        Assert.Equal(0, await scene.App.Services.GetRequiredService<MeaningGrading>().GradeAllPendingAsync());
    }

    [Theory, AllDatabaseProviders]
    public async Task AnOverrideKeepsCountingAndAnAcceptedGradeKeepsItsScoreThroughThePass(DatabaseProvider provider)
    {
        await using var scene = await ResultsScene.CreateAsync(provider, MeaningOn);
        var quizId = await scene.AddQuizAsync(q => q.AttemptsAllowed = 2);
        var overridden = await scene.GradedAsync(quizId, Paraphrase);
        var accepted = await scene.GradedAsync(quizId, Paraphrase);
        var keywordScore = (await GradeOfQuestion1Async(scene, accepted)).Score;
        await using (var db = scene.App.Services.CreateDbContext())
        {
            var grades = await db.Grades.Where(g => g.Response.Question.Number == 1).Include(g => g.Response).ToListAsync();
            grades.Single(g => g.Response.AttemptId == overridden).Override(0.5, "Too vague", false, scene.Scene.Alice, scene.Now);
            grades.Single(g => g.Response.AttemptId == accepted).Accept(scene.Scene.Alice, scene.Now);
            await db.SaveChangesAsync();
        }

        await scene.App.Services.GetRequiredService<MeaningGrading>().GradeAllPendingAsync();

        var stillOverridden = await GradeOfQuestion1Async(scene, overridden);
        Assert.Equal(0.5, stillOverridden.EffectiveScore);
        Assert.True(stillOverridden.Score > keywordScore, "the grader's proposal under the override is the meaning grade");
        Assert.Contains(stillOverridden.History, c => c.Reason == MeaningGrading.Reason && c.OldScore == 0.5 && c.NewScore == 0.5);
        var stillAccepted = await GradeOfQuestion1Async(scene, accepted);
        Assert.Equal((keywordScore, false), (stillAccepted.EffectiveScore, stillAccepted.MeaningPending));
        Assert.DoesNotContain(stillAccepted.History, c => c.Reason == MeaningGrading.Reason);
    }

    [Theory, AllDatabaseProviders]
    public async Task PendingMeaningPassesResumeAfterARestart(DatabaseProvider provider)
    {
        await using var scene = await ResultsScene.CreateAsync(provider, MeaningOn);
        var attemptId = await scene.GradedAsync(await scene.AddQuizAsync(), Paraphrase);
        Assert.True((await GradeOfQuestion1Async(scene, attemptId)).MeaningPending);

        // Another start of the app on the same database, with its background workers on, as after a restart.
        await using var restarted = new QuizAppFactory(scene.Scene.Database, TestUsers.KnownAdmin(MeaningOn, ("Attempts:BackgroundWorkers", "true")));
        _ = restarted.Services;
        await Eventually.ValueAsync(async () =>
        {
            await using var db = restarted.Services.CreateDbContext();
            return await db.Grades.AnyAsync(g => g.Response.AttemptId == attemptId && g.MeaningPending) ? null : "graded";
        }, "the restarted app's meaning pass");

        using var sam = await scene.ClientAsync();
        Assert.Contains("Scored by keywords and meaning.", ResultsScene.Question(await ResultsScene.PageAsync(sam, attemptId), 1).Text());
    }

    static async Task<Grade> GradeOfQuestion1Async(ResultsScene scene, int attemptId)
    {
        await using var db = scene.App.Services.CreateDbContext();
        return await db.Grades.AsNoTracking().Include(g => g.History)
            .SingleAsync(g => g.Response.AttemptId == attemptId && g.Response.Question.Number == 1);
    }
}
