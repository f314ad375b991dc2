using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Regrading;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Regrading;

/// <summary>
/// Four answers graded with key v1 (Dan's overridden); then filters gets the alternative "kernels" (v2), which
/// raises Ben; Eve answers after the edit and is graded with v2.
/// </summary>
public sealed class RegradeJobTests
{
    sealed record Answers(int Ann, int Ben, int Cat, int Dan, int Eve);

    static async Task<(RegradeScene Scene, Answers Answers)> EditedAfterGradingAsync(DatabaseProvider provider)
    {
        var scene = await RegradeScene.CreateAsync(provider);
        var (ann, ben, cat, dan) = (await scene.AnswerAsync("Ann", "Local filters."), await scene.AnswerAsync("Ben", "Kernels that find edges."),
            await scene.AnswerAsync("Cat", "Learned weights."), await scene.AnswerAsync("Dan", "Kernels."));
        await scene.OverrideAsync(dan, 0.8);
        await scene.Editing.SaveAsync(scene.Alice, scene.AssignmentId, scene.Question1, RegradeScene.Edited(k => k[0].Alternatives = "kernels"));
        var eve = await scene.AnswerAsync("Eve", "Kernels.");
        return (scene, new Answers(ann, ben, cat, dan, eve));
    }

    [Theory, AllDatabaseProviders]
    public async Task AJobRegradesExactlyTheOutOfDateGradesAndLeavesOverridesCounting(DatabaseProvider provider)
    {
        var (scene, answers) = await EditedAfterGradingAsync(provider);
        await using var _ = scene;
        var eveBefore = await scene.GradeAsync(answers.Eve);

        var started = await scene.Jobs.StartAsync(scene.Alice, scene.QuizId);
        var done = await scene.Jobs.RunAsync(started!.JobId);

        Assert.Equal((4, 4, 1), (done!.Total, done.Done, done.Changed));
        Assert.NotNull(done.FinishedAt);
        Assert.Equal(0.9524, (await scene.GradeAsync(answers.Ben)).EffectiveScore);
        foreach (var id in new[] { answers.Ann, answers.Ben, answers.Cat, answers.Dan })
            Assert.Equal(2, (await scene.GradeAsync(id)).KeywordVersion);
        // On record where the grader's score moved (Ben's); the others came to the same score.
        var change = Assert.Single((await scene.GradeAsync(answers.Ben)).History, h => h.Source == GradeChangeSource.Regrade);
        Assert.Null(change.ChangedById);
        Assert.Equal("Whole-quiz regrade: key v2, grader " + QuizPlatform.Grading.Grader.Version, change.Reason);
        foreach (var id in new[] { answers.Ann, answers.Cat })
            Assert.Empty((await scene.GradeAsync(id)).History);
        var dan = await scene.GradeAsync(answers.Dan);
        Assert.Equal((0.8, 0.8, 0.4762), (dan.OverrideScore, dan.EffectiveScore, dan.Score));
        var eve = await scene.GradeAsync(answers.Eve);
        Assert.Equal((eveBefore.Revision, eveBefore.GradedAt), (eve.Revision, eve.GradedAt));
        Assert.Empty(eve.History);
        Assert.Equal(0, (await scene.Jobs.StatusAsync(scene.Alice, scene.QuizId))!.OutOfDate);
    }

    [Theory, AllDatabaseProviders]
    public async Task AJobLeftHalfDoneFinishesOnTheNextRun(DatabaseProvider provider)
    {
        var (scene, answers) = await EditedAfterGradingAsync(provider);
        await using var _ = scene;
        var started = await scene.Jobs.StartAsync(scene.Alice, scene.QuizId);

        // The app stops after one batch of two...
        var cut = await scene.Jobs.RunAsync(started!.JobId, batchSize: 2, batches: 1, CancellationToken.None);
        Assert.Equal((2, null), (cut!.Done, cut.FinishedAt));
        Assert.Equal(2, (await scene.Jobs.StatusAsync(scene.Alice, scene.QuizId))!.OutOfDate);
        // ...and at the next start the worker resumes the job where it stood.
        await scene.Jobs.ResumeAsync();

        var status = await scene.Jobs.StatusAsync(scene.Alice, scene.QuizId);
        Assert.Equal(0, status!.OutOfDate);
        Assert.Equal((started.JobId, 4, 4, 1), (status.Job!.JobId, status.Job.Total, status.Job.Done, status.Job.Changed));
        Assert.NotNull(status.Job.FinishedAt);
        Assert.Single((await scene.GradeAsync(answers.Ben)).History, h => h.Source == GradeChangeSource.Regrade);
    }

    [Theory, AllDatabaseProviders]
    public async Task StartingTwiceGivesTheRunningJob(DatabaseProvider provider)
    {
        var (scene, _) = await EditedAfterGradingAsync(provider);
        await using var _ = scene;

        var first = await scene.Jobs.StartAsync(scene.Alice, scene.QuizId);
        var second = await scene.Jobs.StartAsync(scene.Alice, scene.QuizId);

        Assert.Equal(first!.JobId, second!.JobId);
        await using var db = scene.App.Services.CreateDbContext();
        Assert.Equal(1, await db.RegradeJobs.CountAsync());
    }

    [Theory, AllDatabaseProviders]
    public async Task TheDashboardSaysWhatIsOutOfDateUntilTheRegradeIsDone(DatabaseProvider provider)
    {
        var (scene, _) = await EditedAfterGradingAsync(provider);
        await using var _ = scene;
        // An answer graded by an older grader than this build's.
        var fay = await scene.Fixture.StudentAsync("Fay", scene.Fixture.AlgebraId);
        await scene.Fixture.GradedAsync(scene.QuizId, fay, 1, 0.5, 1, 1);
        using var client = await scene.Fixture.ClientAsync("alice@quiz.local");
        var path = $"/quizzes/{scene.QuizId}/results";

        var before = await client.GetPageAsync(path);
        var job = await scene.Jobs.StartAsync(scene.Alice, scene.QuizId);
        var running = await client.GetPageAsync(path);
        await scene.Jobs.RunAsync(job!.JobId);
        var after = await client.GetPageAsync(path);

        // Fay's three answers have an older grader, Q1's four an older key.
        Assert.Contains("7 answers were graded with an older key or grader version.", before.Text());
        Assert.NotNull(before.ByRole("button", "Regrade…"));
        Assert.Contains("Regrading 0 of 7 answers", running.Text());
        Assert.DoesNotContain("graded with an older", after.Text());
        Assert.DoesNotContain("Regrading", after.Text());
    }

    [Theory, AllDatabaseProviders]
    public async Task AnotherInstructorOrAStudentCannotRegradeTheQuiz(DatabaseProvider provider)
    {
        var (scene, answers) = await EditedAfterGradingAsync(provider);
        await using var _ = scene;

        foreach (var outsider in new[] { scene.Bob, scene.Sam })
        {
            Assert.Null(await scene.Jobs.StatusAsync(outsider, scene.QuizId));
            Assert.Null(await scene.Jobs.StartAsync(outsider, scene.QuizId));
        }

        await using var db = scene.App.Services.CreateDbContext();
        Assert.False(await db.RegradeJobs.AnyAsync());
        Assert.Equal(1, (await scene.GradeAsync(answers.Ben)).KeywordVersion);
    }
}
