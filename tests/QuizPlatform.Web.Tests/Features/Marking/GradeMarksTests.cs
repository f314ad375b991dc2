using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Marking;
using QuizPlatform.Web.Tests.Features.QuizResults;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Marking;

/// <summary>
/// <see cref="GradeMarks"/> on the real database: every change on record, a stale mark refused, groups that leave
/// overrides alone unless told, and nobody but the quiz's owner and admins marking.
/// </summary>
public sealed class GradeMarksTests
{
    [Theory, AllDatabaseProviders]
    public async Task AcceptOverrideRevertAndGroupEachLeaveAHistoryRow(DatabaseProvider provider)
    {
        await using var s = await MarkingScene.CreateAsync(provider);
        var (q1, q2, q3) = (s.GradeIds[0], s.GradeIds[1], s.GradeIds[2]);

        Assert.IsType<MarkOutcome.Marked>(await s.Marks.MarkAsync(s.Alice, q1, 0, Mark.Accept()));
        Assert.IsType<MarkOutcome.Marked>(await s.Marks.MarkAsync(s.Alice, q1, 1, Mark.Override(1, " Said it differently ", reasonShown: true)));
        var reverted = Assert.IsType<MarkOutcome.Marked>(await s.Marks.MarkAsync(s.Alice, q1, 2, Mark.Revert()));
        var group = await s.Marks.MarkGroupAsync(s.Alice, s.QuizId, [q2, q3], Mark.Override(2, "Whole group", false), includeOverridden: false);

        Assert.Equal((0.5, null, 3), (reverted.Grade.Counted, reverted.Grade.ReviewedAt, reverted.Grade.Revision));
        var history = (await s.Marks.HistoryAsync(s.Alice, q1))!;
        Assert.Equal(
            [(GradeChangeSource.Revert, 1.0, 0.5, null), (GradeChangeSource.Override, 0.5, 1.0, "Said it differently"), (GradeChangeSource.Accept, 0.5, 0.5, (string?)null)],
            history.Select(h => (h.Source, h.OldScore, h.NewScore, h.Reason)));
        Assert.All(history, h => Assert.Equal(("Alice", ResultsFixture.Start), (h.ChangedBy, h.ChangedAt)));
        Assert.Equal(new GroupMarkOutcome(2, 0), group);
        foreach (var (id, old) in new[] { (q2, 1.0), (q3, 2.0) })
        {
            var row = Assert.Single((await s.Marks.HistoryAsync(s.Alice, id))!);
            Assert.Equal((GradeChangeSource.Group, old, 2.0, "Whole group", "Alice"), (row.Source, row.OldScore, row.NewScore, row.Reason, row.ChangedBy));
        }
    }

    [Theory, AllDatabaseProviders]
    public async Task ASecondMarkOverTheSameRevisionIsToldTheFirstAndStoresNothing(DatabaseProvider provider)
    {
        await using var s = await MarkingScene.CreateAsync(provider);
        var admin = await AdminIdAsync(s);
        var grade = s.GradeIds[1];

        var first = await s.Marks.MarkAsync(s.Alice, grade, 0, Mark.Override(2, "Full marks"));
        var second = await s.Marks.MarkAsync(admin, grade, 0, Mark.Override(0, "Nothing"));

        Assert.IsType<MarkOutcome.Marked>(first);
        var conflict = Assert.IsType<MarkOutcome.Conflict>(second);
        Assert.Equal((2.0, "Full marks", "Alice", 1), (conflict.Current.OverrideScore!.Value, conflict.Current.OverrideReason,
            conflict.Current.ReviewedBy, conflict.Current.Revision));
        var stored = await s.GradeAsync(grade);
        Assert.Equal(2, stored.OverrideScore);
        Assert.Single(stored.History);
        // Told the current revision, the admin's next mark goes through.
        Assert.IsType<MarkOutcome.Marked>(await s.Marks.MarkAsync(admin, grade, conflict.Current.Revision, Mark.Override(0, "Nothing")));
    }

    [Theory, AllDatabaseProviders]
    public async Task AGroupMarkSkipsOverriddenAnswersUnlessTicked(DatabaseProvider provider)
    {
        await using var s = await MarkingScene.CreateAsync(provider,
            new FixtureAnswer(0.5), new FixtureAnswer(1, Override: 2), new FixtureAnswer(2));
        IReadOnlyCollection<int> all = s.GradeIds;

        var skipping = await s.Marks.MarkGroupAsync(s.Alice, s.QuizId, all, Mark.Accept(), includeOverridden: false);
        Assert.Equal(new GroupMarkOutcome(2, 1), skipping);
        Assert.Equal(2, (await s.GradeAsync(s.GradeIds[1])).OverrideScore);
        Assert.Empty((await s.GradeAsync(s.GradeIds[1])).History);

        var including = await s.Marks.MarkGroupAsync(s.Alice, s.QuizId, all, Mark.Accept(), includeOverridden: true);
        // The two accepted a moment ago are not accepted again (no second history row, no second mark).
        Assert.Equal(new GroupMarkOutcome(1, 0, AlreadyAccepted: 2), including);
        Assert.Single((await s.GradeAsync(s.GradeIds[0])).History);
        var overridden = await s.GradeAsync(s.GradeIds[1]);
        Assert.Null(overridden.OverrideScore);
        var row = Assert.Single(overridden.History);
        Assert.Equal((GradeChangeSource.Group, 2.0, 1.0), (row.Source, row.OldScore, row.NewScore));
    }

    [Theory, AllDatabaseProviders]
    public async Task AnOverrideOutOfRangeOrWithoutAReasonIsRefused(DatabaseProvider provider)
    {
        await using var s = await MarkingScene.CreateAsync(provider);
        var q1 = s.GradeIds[0];

        Assert.Equal(new MarkOutcome.Invalid("A score is from 0 to 1."), await s.Marks.MarkAsync(s.Alice, q1, 0, Mark.Override(1.5, "Generous")));
        Assert.Equal(new MarkOutcome.Invalid("A score is from 0 to 1."), await s.Marks.MarkAsync(s.Alice, q1, 0, Mark.Override(-1, "Harsh")));
        Assert.Equal(new MarkOutcome.Invalid("Say why: an override needs a reason."), await s.Marks.MarkAsync(s.Alice, q1, 0, Mark.Override(1, "  ")));
        // Q3 is worth 3: a 2.5 for the group is fine there but not on Q1, so nothing of the group changes.
        var group = await s.Marks.MarkGroupAsync(s.Alice, s.QuizId, s.GradeIds, Mark.Override(2.5, "Group"), includeOverridden: false);
        Assert.Equal(new GroupMarkOutcome(0, 0, "A score is from 0 to 1."), group);

        foreach (var id in s.GradeIds)
        {
            var grade = await s.GradeAsync(id);
            Assert.Equal((null, 0), (grade.OverrideScore, grade.History.Count));
        }
    }

    [Theory, AllDatabaseProviders]
    public async Task AnotherInstructorAStudentAndAStrangerNeitherMarkNorReadTheHistory(DatabaseProvider provider)
    {
        await using var s = await MarkingScene.CreateAsync(provider);
        var q1 = s.GradeIds[0];
        Assert.IsType<MarkOutcome.Marked>(await s.Marks.MarkAsync(s.Alice, q1, 0, Mark.Override(1, "Mine")));

        foreach (var actor in new[] { s.Fixture.Scene.Bob, s.Fixture.Scene.Sam, "", "no-such-user" })
        {
            Assert.IsType<MarkOutcome.NotFound>(await s.Marks.MarkAsync(actor, q1, 1, Mark.Revert()));
            Assert.IsType<MarkOutcome.NotFound>(await s.Marks.MarkAsync(actor, s.GradeIds[1], 0, Mark.Accept()));
            Assert.Null(await s.Marks.HistoryAsync(actor, q1));
            Assert.Null(await s.Marks.MarkGroupAsync(actor, s.QuizId, s.GradeIds, Mark.Accept(), includeOverridden: true));
        }
        // A grade of another quiz named under Alice's quiz is not marked either.
        var other = await s.Fixture.AddQuizAsync();
        var otherAttempt = await s.Fixture.GradedAsync(other, s.Fixture.Scene.Sam, 1, 1, 1, 1);
        await using (var db = s.Fixture.App.Services.CreateDbContext())
        {
            var otherGrade = await db.Grades.Where(g => g.Response.AttemptId == otherAttempt).Select(g => g.Id).FirstAsync();
            Assert.Equal(new GroupMarkOutcome(0, 0), await s.Marks.MarkGroupAsync(s.Alice, s.QuizId, [otherGrade], Mark.Accept(), false));
        }

        Assert.Single((await s.GradeAsync(q1)).History);
        Assert.Equal(1, (await s.GradeAsync(q1)).OverrideScore);
        Assert.Empty((await s.GradeAsync(s.GradeIds[1])).History);
        // The admin may.
        Assert.IsType<MarkOutcome.Marked>(await s.Marks.MarkAsync(await AdminIdAsync(s), q1, 1, Mark.Revert()));
    }

    [Theory, AllDatabaseProviders]
    public async Task AnInstructorWhoseRoleWasRemovedNoLongerMarksTheirOwnQuiz(DatabaseProvider provider)
    {
        await using var s = await MarkingScene.CreateAsync(provider);
        using (var scope = s.Fixture.App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.RemoveFromRoleAsync((await users.FindByIdAsync(s.Alice))!, Roles.Instructor);
        }

        Assert.IsType<MarkOutcome.NotFound>(await s.Marks.MarkAsync(s.Alice, s.GradeIds[0], 0, Mark.Accept()));
        Assert.Null(await s.Marks.MarkGroupAsync(s.Alice, s.QuizId, s.GradeIds, Mark.Accept(), includeOverridden: true));
        Assert.Null(await s.Marks.HistoryAsync(s.Alice, s.GradeIds[0]));
        foreach (var id in s.GradeIds)
            Assert.Empty((await s.GradeAsync(id)).History);
    }

    internal static async Task<string> AdminIdAsync(MarkingScene s)
    {
        await using var db = s.Fixture.App.Services.CreateDbContext();
        return await db.Users.Where(u => u.Email == "admin@quiz.local").Select(u => u.Id).SingleAsync();
    }
}
