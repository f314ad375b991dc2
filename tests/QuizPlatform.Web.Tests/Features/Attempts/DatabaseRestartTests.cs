using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Web.Features.QuizResults;
using QuizPlatform.Web.Features.Taking;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Attempts;

/// <summary>
/// PostgreSQL restarted under a running app (<c>pg_ctl restart -m fast</c>): the app carries on without a restart of
/// its own. Restarting breaks every connection of the test run, so this runs alone, once.
/// </summary>
[Collection(nameof(ServerRestartCollection))]
public sealed class DatabaseRestartTests
{
    [Fact]
    public async Task AfterPostgresRestartsSavesHandInsGradingAndLiveUpdatesCarryOn()
    {
        await using var scene = await AttemptScene.CreateAsync(DatabaseProvider.Postgres, ("Attempts:BackgroundWorkers", "true"));
        await using var dashboard = scene.SecondInstance();
        var sheet = await scene.StartAsync();
        var question = sheet.Questions.Single(q => q.Number == 2).QuestionId;
        Assert.Equal(SaveStatus.Saved, (await scene.Attempts.SaveAsync(scene.Sam, sheet.AttemptId, question, "Pooling", 0)).Status);

        await (await PostgresServer.GetAsync()).RestartAsync();

        // Every pooled connection was to the server that went away; the first save after it must not pay for them.
        var saved = await scene.Attempts.SaveAsync(scene.Sam, sheet.AttemptId, question, "Pooling reduces the spatial size and adds translation invariance.", 1);
        Assert.Equal(SaveStatus.Saved, saved.Status);
        Assert.True((await scene.Attempts.SubmitAsync(scene.Sam, sheet.AttemptId)).Found);
        var grade = await Eventually.ValueAsync(async () =>
        {
            await using var db = scene.Services.CreateDbContext();
            return await db.Grades.AsNoTracking().SingleOrDefaultAsync(g => g.Response.AttemptId == sheet.AttemptId && g.Response.QuestionId == question);
        }, "the hand-in after the restart to be graded");
        Assert.True(grade.Score > 0);
        // A dashboard on another instance hears of this one's activity only through LISTEN/NOTIFY, whose connections
        // the restart broke. What was sent while it reconnected is lost, so the activity is marked until it hears.
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var following = dashboard.Services.GetRequiredService<QuizActivity>().Follow(sheet.QuizId, () => heard.TrySetResult());
        await Eventually.ValueAsync(() =>
        {
            scene.Services.GetRequiredService<QuizActivity>().Publish(sheet.QuizId);
            return Task.FromResult(heard.Task.IsCompleted ? "" : null);
        }, "the other instance to hear of activity again");
    }
}
