using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Taking;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Attempts;

public sealed class AttemptServiceTests
{
    static readonly DateTime Start = AttemptScene.Start;

    [Theory, AllDatabaseProviders]
    public async Task StartingGivesEveryQuestionInOrderWithPointsAndTheTimeLimitAsDeadline(DatabaseProvider provider)
    {
        await using var scene = await AttemptScene.CreateAsync(provider);

        var sheet = await scene.StartAsync();

        Assert.Equal([1, 2, 3], sheet.Questions.Select(q => q.Number));
        Assert.Equal([1.0, 2.0, 3.0], sheet.Questions.Select(q => q.Points));
        Assert.All(sheet.Questions, q => Assert.Equal(("", 0), (q.Text, q.Version)));
        Assert.Equal(Start.AddMinutes(30), sheet.Deadline);
        Assert.Equal((1, false), (sheet.AttemptNumber, sheet.Submitted));
    }

    [Theory, AllDatabaseProviders]
    public async Task ExtraTimeStretchesTheLimitButTheCloseTimeStillEndsTheAttempt(DatabaseProvider provider)
    {
        await using var scene = await AttemptScene.CreateAsync(provider);

        var stretched = await scene.StartAsync(quiz =>
            quiz.Accommodations.Add(new Accommodation { StudentId = scene.Sam, TimeMultiplier = 1.5 }));
        var cut = await scene.StartAsync(quiz => quiz.ClosesAt = Start.AddMinutes(10));

        Assert.Equal(Start.AddMinutes(45), stretched.Deadline);
        Assert.Equal(Start.AddMinutes(10), cut.Deadline);
    }

    [Theory, AllDatabaseProviders]
    public async Task StartingAgainWhileAnAttemptRunsResumesIt(DatabaseProvider provider)
    {
        await using var scene = await AttemptScene.CreateAsync(provider);
        var quizId = await scene.AddQuizAsync(quiz => quiz.AttemptsAllowed = 3);

        var both = await Task.WhenAll(scene.Attempts.StartAsync(scene.Sam, quizId), scene.Attempts.StartAsync(scene.Sam, quizId));
        var again = await scene.Attempts.StartAsync(scene.Sam, quizId);

        Assert.Equal(both[0].AttemptId, both[1].AttemptId);
        Assert.Equal(both[0].AttemptId, again.AttemptId);
        await using var db = scene.Services.CreateDbContext();
        Assert.Equal(1, await db.Attempts.CountAsync(a => a.QuizId == quizId));
    }

    public static TheoryData<DatabaseProvider, string, StartRefusal> Refusals()
    {
        var data = new TheoryData<DatabaseProvider, string, StartRefusal>();
        foreach (var provider in Enum.GetValues<DatabaseProvider>())
        {
            data.Add(provider, "opens tomorrow", StartRefusal.NotYetOpen);
            data.Add(provider, "closed an hour ago", StartRefusal.Closed);
            data.Add(provider, "only attempt handed in", StartRefusal.NoAttemptsLeft);
            data.Add(provider, "assigned to Biology only", StartRefusal.NotAssigned);
        }
        return data;
    }

    [Theory, MemberData(nameof(Refusals))]
    public async Task AStudentCannotStartOutsideTheQuizRules(DatabaseProvider provider, string situation, StartRefusal expected)
    {
        await using var scene = await AttemptScene.CreateAsync(provider);
        var quizId = await scene.AddQuizAsync(quiz =>
        {
            if (situation == "opens tomorrow") quiz.OpensAt = Start.AddDays(1);
            if (situation == "closed an hour ago") quiz.ClosesAt = Start.AddHours(-1);
            if (situation == "assigned to Biology only") quiz.Classes = [new QuizClass { ClassId = scene.Quiz.BiologyId }];
        });
        if (situation == "only attempt handed in")
            await scene.Attempts.SubmitAsync(scene.Sam, (await scene.Attempts.StartAsync(scene.Sam, quizId)).AttemptId!.Value);

        var outcome = await scene.Attempts.StartAsync(scene.Sam, quizId);

        Assert.Equal((null, expected), (outcome.AttemptId, outcome.Reason));
        Assert.False(string.IsNullOrWhiteSpace(outcome.Refusal));
    }

    [Theory, AllDatabaseProviders]
    public async Task RandomSelectionGivesEachAttemptTheRequestedNumberOfDistinctQuizQuestions(DatabaseProvider provider)
    {
        await using var scene = await AttemptScene.CreateAsync(provider);

        var sheet = await scene.StartAsync(quiz => (quiz.QuestionSelection, quiz.RandomCount) = (QuestionSelection.RandomPerStudent, 2));

        Assert.Equal(2, sheet.Questions.Select(q => q.QuestionId).Distinct().Count());
        Assert.All(sheet.Questions, q => Assert.Contains(q.Number, new[] { 1, 2, 3 }));
        Assert.True(sheet.Questions[0].Number < sheet.Questions[1].Number, "unshuffled draws keep the quiz's order");
    }

    [Theory, AllDatabaseProviders]
    public async Task ASaveFromTheStoredVersionIsKeptAndAnOlderOneIsRefusedAndRecorded(DatabaseProvider provider)
    {
        await using var scene = await AttemptScene.CreateAsync(provider);
        var sheet = await scene.StartAsync();
        var question = sheet.Questions[0].QuestionId;

        var first = await scene.Attempts.SaveAsync(scene.Sam, sheet.AttemptId, question, "Filters that detect edges.", 0);
        var second = await scene.Attempts.SaveAsync(scene.Sam, sheet.AttemptId, question, "Filters that detect edges and textures.", 1);
        var staleTab = await scene.Attempts.SaveAsync(scene.Sam, sheet.AttemptId, question, "An old draft from another tab.", 1);

        Assert.Equal((SaveStatus.Saved, 1), (first.Status, first.Version));
        Assert.Equal((SaveStatus.Saved, 2), (second.Status, second.Version));
        Assert.Equal((SaveStatus.Stale, 2, "Filters that detect edges and textures."), (staleTab.Status, staleTab.Version, staleTab.Text));
        var stored = (await scene.Attempts.LoadAsync(scene.Sam, sheet.AttemptId))!.Questions[0];
        Assert.Equal(("Filters that detect edges and textures.", 2), (stored.Text, stored.Version));
        var refused = Assert.Single(await scene.RefusedSavesAsync(sheet.AttemptId));
        Assert.Equal(("stale", "An old draft from another tab.", 1), (refused.Reason, refused.Text, refused.Version));
    }

    [Fact]
    public async Task ARefusedSaveNamesTheSaveThatWonWhileItWaitedNotTheOneItReadBefore()
    {
        // A reload while a save was on its way: the reloaded page's save waited for it, lost, and its reply named the
        // version read before the wait. The page compares the reply with what it sent itself, so its own save looked
        // like another tab's: "Not saved: this answer was changed in another tab or window" (the reload journey, in CI).
        await using var scene = await AttemptScene.CreateAsync(DatabaseProvider.Postgres);
        var sheet = await scene.StartAsync();
        var question = sheet.Questions[0].QuestionId;
        await scene.Attempts.SaveAsync(scene.Sam, sheet.AttemptId, question, "Filters.", 0);

        await using var onItsWay = scene.Services.CreateDbContext();
        await using var transaction = await onItsWay.Database.BeginTransactionAsync();
        // The save on its way holds the attempt's row, as every save does, and writes version 2.
        await onItsWay.Attempts.Where(a => a.Id == sheet.AttemptId).ExecuteUpdateAsync(a => a.SetProperty(x => x.LastSavedAt, Start));
        await onItsWay.Responses.Where(r => r.AttemptId == sheet.AttemptId && r.QuestionId == question)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.Text, "Filters that detect edges.").SetProperty(x => x.Version, 2));
        var reloaded = scene.Attempts.SaveAsync(scene.Sam, sheet.AttemptId, question, "Filters that detect edges and textures.", 1);
        await Eventually.ValueAsync(async () => await WaitsForALockAsync(scene) ? "" : null, "the second save to wait for the attempt");
        await transaction.CommitAsync();

        var reply = await reloaded;
        Assert.Equal((SaveStatus.Stale, 2, "Filters that detect edges."), (reply.Status, reply.Version, reply.Text));
    }

    static async Task<bool> WaitsForALockAsync(AttemptScene scene)
    {
        await using var db = scene.Services.CreateDbContext();
        return await db.Database.SqlQueryRaw<int>(
            "SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
            .SingleAsync() > 0;
    }

    [Theory, AllDatabaseProviders]
    public async Task SavesAreTakenWithinTheGraceAfterTheDeadlineAndRefusedAndRecordedAfterIt(DatabaseProvider provider)
    {
        await using var scene = await AttemptScene.CreateAsync(provider);
        var sheet = await scene.StartAsync(quiz => quiz.Grace = TimeSpan.FromSeconds(30));
        var question = sheet.Questions[0].QuestionId;

        scene.Clock.Advance(TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(20));
        var inGrace = await scene.Attempts.SaveAsync(scene.Sam, sheet.AttemptId, question, "Just in time.", 0);
        scene.Clock.Advance(TimeSpan.FromSeconds(20));
        var late = await scene.Attempts.SaveAsync(scene.Sam, sheet.AttemptId, question, "Too late.", 1);

        Assert.Equal(SaveStatus.Saved, inGrace.Status);
        Assert.Equal((SaveStatus.Late, "Just in time."), (late.Status, late.Text));
        Assert.Contains("deadline", late.Message);
        var refused = Assert.Single(await scene.RefusedSavesAsync(sheet.AttemptId));
        Assert.Equal(("late", "Too late.", Start.AddMinutes(30).AddSeconds(40)), (refused.Reason, refused.Text, refused.ReceivedAt));
    }

    [Theory, AllDatabaseProviders]
    public async Task SavesAfterHandingInAreRefusedAndRecorded(DatabaseProvider provider)
    {
        await using var scene = await AttemptScene.CreateAsync(provider);
        var sheet = await scene.StartAsync();
        await scene.Attempts.SubmitAsync(scene.Sam, sheet.AttemptId);

        var result = await scene.Attempts.SaveAsync(scene.Sam, sheet.AttemptId, sheet.Questions[0].QuestionId, "After the bell.", 0);

        Assert.Equal(SaveStatus.Submitted, result.Status);
        Assert.Equal("submitted", Assert.Single(await scene.RefusedSavesAsync(sheet.AttemptId)).Reason);
        Assert.Equal("", (await scene.Attempts.LoadAsync(scene.Sam, sheet.AttemptId))!.Questions[0].Text);
    }

    [Theory, AllDatabaseProviders]
    public async Task AnOverlongAnswerIsRefusedWithTheLimitAndNothingIsStored(DatabaseProvider provider)
    {
        await using var scene = await AttemptScene.CreateAsync(provider);
        var sheet = await scene.StartAsync();

        var result = await scene.Attempts.SaveAsync(scene.Sam, sheet.AttemptId, sheet.Questions[0].QuestionId,
            new string('a', AttemptService.MaxResponseChars + 1), 0);

        Assert.Equal(SaveStatus.TooLong, result.Status);
        Assert.Contains("10,000", result.Message);
        Assert.Equal(0, (await scene.Attempts.LoadAsync(scene.Sam, sheet.AttemptId))!.Questions[0].Version);
    }

    [Theory, AllDatabaseProviders]
    public async Task AnotherStudentCanNeitherReadNorWriteNorSubmitAnAttemptByGuessingItsId(DatabaseProvider provider)
    {
        await using var scene = await AttemptScene.CreateAsync(provider);
        var sheet = await scene.StartAsync();
        var tess = await scene.NewStudentInAlgebraAsync("tess@quiz.local");
        var question = sheet.Questions[0].QuestionId;

        Assert.Null(await scene.Attempts.LoadAsync(tess, sheet.AttemptId));
        Assert.Equal(SaveStatus.NotFound, (await scene.Attempts.SaveAsync(tess, sheet.AttemptId, question, "Overwritten!", 0)).Status);
        Assert.False((await scene.Attempts.SubmitAsync(tess, sheet.AttemptId)).Found);

        var mine = (await scene.Attempts.LoadAsync(scene.Sam, sheet.AttemptId))!;
        Assert.Equal(("", false), (mine.Questions[0].Text, mine.Submitted));
        Assert.Empty(await scene.RefusedSavesAsync(sheet.AttemptId));
    }

    [Theory, AllDatabaseProviders]
    public async Task AQuestionOutsideTheAttemptCannotBeWritten(DatabaseProvider provider)
    {
        await using var scene = await AttemptScene.CreateAsync(provider);
        var sheet = await scene.StartAsync(quiz => (quiz.QuestionSelection, quiz.RandomCount) = (QuestionSelection.RandomPerStudent, 1));
        await using var db = scene.Services.CreateDbContext();
        var notDrawn = await db.Questions.Where(q => q.AssignmentVersionId == scene.Quiz.VersionId && q.Id != sheet.Questions[0].QuestionId)
            .Select(q => q.Id).FirstAsync();

        var result = await scene.Attempts.SaveAsync(scene.Sam, sheet.AttemptId, notDrawn, "Sneaked in.", 0);

        Assert.Equal(SaveStatus.NotFound, result.Status);
        Assert.False(await db.Responses.AnyAsync(r => r.AttemptId == sheet.AttemptId && r.QuestionId == notDrawn));
    }

    [Theory, AllDatabaseProviders]
    public async Task HandingInTwiceAtOnceMakesOneSubmission(DatabaseProvider provider)
    {
        await using var scene = await AttemptScene.CreateAsync(provider);
        var sheet = await scene.StartAsync();

        var outcomes = await Task.WhenAll(
            scene.Attempts.SubmitAsync(scene.Sam, sheet.AttemptId), scene.Attempts.SubmitAsync(scene.Sam, sheet.AttemptId));
        var later = await scene.Attempts.SubmitAsync(scene.Sam, sheet.AttemptId);

        Assert.Single(outcomes, o => !o.AlreadySubmitted);
        Assert.True(later.AlreadySubmitted);
        Assert.All(outcomes.Append(later), o => Assert.Equal(Start, o.SubmittedAt));
    }

    [Theory, AllDatabaseProviders]
    public async Task AHandInAtTheDeadlineCountsAsTheTimersAndOneBeforeItAsTheStudents(DatabaseProvider provider)
    {
        await using var scene = await AttemptScene.CreateAsync(provider);
        var early = await scene.StartAsync(quiz => quiz.AttemptsAllowed = 2);
        var late = await scene.StartAsync(quiz => quiz.AttemptsAllowed = 2);

        await scene.Attempts.SubmitAsync(scene.Sam, early.AttemptId);
        scene.Clock.Advance(TimeSpan.FromMinutes(30));
        await scene.Attempts.SubmitAsync(scene.Sam, late.AttemptId);

        await using var db = scene.Services.CreateDbContext();
        var by = await db.Attempts.Where(a => a.Id == early.AttemptId || a.Id == late.AttemptId)
            .ToDictionaryAsync(a => a.Id, a => a.SubmittedBy);
        Assert.Equal((SubmittedBy.Student, SubmittedBy.Timer), (by[early.AttemptId], by[late.AttemptId]));
    }

    [Theory, AllDatabaseProviders]
    public async Task AnInstructorCannotStartOrSaveAsAStudent(DatabaseProvider provider)
    {
        await using var scene = await AttemptScene.CreateAsync(provider);
        var sheet = await scene.StartAsync();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => scene.Attempts.StartAsync(scene.Quiz.Alice, sheet.QuizId));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            scene.Attempts.SaveAsync(scene.Quiz.Alice, sheet.AttemptId, sheet.Questions[0].QuestionId, "x", 0));
    }
}
