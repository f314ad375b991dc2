using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Grading;
using QuizPlatform.Web.Features.Marking;
using QuizPlatform.Web.Features.ReviewQueue;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.ReviewQueue;

public sealed class ReviewQueueTests
{
    [Theory, AllDatabaseProviders]
    public async Task HoldsTheFlaggedAndBorderlineAnswersOfHandedInAttemptsWithWhyTheyAreThere(DatabaseProvider provider)
    {
        await using var scene = await QueueScene.CreateAsync(provider);

        var view = await scene.NextAsync();
        var reviewed = await scene.AcceptAllAsync();

        Assert.Equal(new QueueCounts(Total: 3, Left: 3, Flagged: 2, Borderline: 1, SpotCheck: 0), view.Counts);
        Assert.Equal(
            [("Ann", "Question 1", ReviewReason.Flagged, "Ann on Q1"), ("Ann", "Question 3", ReviewReason.Borderline, "Ann on Q3"),
             ("Ben", "Question 2", ReviewReason.Flagged, "Ben on Q2")],
            reviewed.Select(i => (i.Student, i.QuestionLabel, i.Reason, i.Text)).Order());
        var done = await scene.NextAsync();
        Assert.Null(done.Item);
        Assert.Equal(new QueueCounts(3, 0, 0, 0, 0), done.Counts);
    }

    [Theory, AllDatabaseProviders]
    public async Task OrderIsTheSameOnEveryLoadAndIsTheStableShuffle(DatabaseProvider provider)
    {
        await using var scene = await QueueScene.CreateAsync(provider);

        var first = await WalkBySkippingAsync(scene);
        var again = await WalkBySkippingAsync(scene);

        Assert.Equal(first, again);
        await using var db = scene.Fixture.App.Services.CreateDbContext();
        var responses = await db.Grades.Where(g => first.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.ResponseId);
        Assert.Equal(first.OrderBy(id => ReviewSelection.Order(scene.QuizId, responses[id])), first);
    }

    [Theory, AllDatabaseProviders]
    public async Task SkippedAnswersComeBackAfterTheOthersInTheOrderTheyWereSkipped(DatabaseProvider provider)
    {
        await using var scene = await QueueScene.CreateAsync(provider);
        var order = await WalkBySkippingAsync(scene);

        var afterOne = await scene.NextAsync([order[0]]);
        var afterTwo = await scene.NextAsync([order[0], order[1]]);
        var afterAll = await scene.NextAsync([order[1], order[0], order[2]]);

        Assert.Equal(order[1], afterOne.Item!.GradeId);
        Assert.Equal(order[2], afterTwo.Item!.GradeId);
        Assert.Equal(order[1], afterAll.Item!.GradeId);
        Assert.Equal(3, afterAll.Counts.Left); // skipping decides nothing
    }

    [Theory, AllDatabaseProviders]
    public async Task AcceptedAndOverriddenAnswersLeaveTheQueueAndARevertedFlaggedOneComesBack(DatabaseProvider provider)
    {
        await using var scene = await QueueScene.CreateAsync(provider);

        var accepted = await scene.MarkNextAsync(Mark.Accept());
        var overridden = await scene.MarkNextAsync(Mark.Override(0.5, "Half of it is right"));
        var left = await scene.NextAsync();
        var last = await scene.MarkNextAsync(Mark.Accept());
        var empty = await scene.NextAsync();
        var flagged = new[] { accepted, overridden, last }.First(i => i.Reason == ReviewReason.Flagged);
        var reverted = await scene.Marks.MarkAsync(scene.Alice, flagged.GradeId, flagged.Revision + 1, Mark.Revert());
        var back = await scene.NextAsync();

        Assert.Equal(1, left.Counts.Left);
        Assert.Equal(last.GradeId, left.Item!.GradeId);
        Assert.DoesNotContain(last.GradeId, new[] { accepted.GradeId, overridden.GradeId });
        Assert.Equal((0, (QueueItem?)null), (empty.Counts.Left, empty.Item));
        Assert.IsType<MarkOutcome.Marked>(reverted);
        Assert.Equal(1, back.Counts.Left);
        Assert.Equal((flagged.GradeId, ReviewReason.Flagged), (back.Item!.GradeId, back.Item.Reason));
    }

    [Theory, AllDatabaseProviders]
    public async Task HiddenNamesShowTheSameNumberForAStudentOnEveryLoad(DatabaseProvider provider)
    {
        await using var scene = await QueueScene.CreateAsync(provider);
        var order = await WalkBySkippingAsync(scene);

        var named = new List<string>();
        var hidden = new List<string>();
        for (var i = 0; i < order.Count; i++)
        {
            var skipped = order.Take(i).ToList();
            named.Add((await scene.NextAsync(skipped)).Item!.Student);
            hidden.Add((await scene.NextAsync(skipped, hideNames: true)).Item!.Student);
        }
        var again = (await scene.NextAsync(hideNames: true)).Item!.Student;

        Assert.All(hidden, label => Assert.Matches(@"^Student [1-3]$", label));
        Assert.DoesNotContain(hidden, label => label.Contains("Ann") || label.Contains("Ben"));
        // One number per student: Ann's two answers share hers, Ben's differs.
        Assert.Equal(named.Distinct().Count(), hidden.Distinct().Count());
        Assert.Equal(named.Zip(hidden).Distinct().Count(), hidden.Distinct().Count());
        Assert.Equal(hidden[0], again);
    }

    [Theory, AllDatabaseProviders]
    public async Task SpotCheckShareOfNoneAddsNothingAndOfAllAddsEveryOtherGradedAnswer(DatabaseProvider provider)
    {
        await using var none = await QueueScene.CreateAsync(provider, q => q.SpotCheckShare = 0);
        await using var all = await QueueScene.CreateAsync(provider, q => q.SpotCheckShare = 1);

        var withNone = (await none.NextAsync()).Counts;
        var withAll = (await all.NextAsync()).Counts;

        Assert.Equal(new QueueCounts(3, 3, 2, 1, 0), withNone);
        // Ann's Q2, Ben's Q1 and Q3: the handed-in answers neither flagged nor borderline (Cat's is not handed in).
        Assert.Equal(new QueueCounts(6, 6, 2, 1, 3), withAll);
    }

    [Theory, AllDatabaseProviders]
    public async Task AStaleMarkIsRefusedAndTheAnswerStaysReviewedByTheOther(DatabaseProvider provider)
    {
        await using var scene = await QueueScene.CreateAsync(provider);
        var item = (await scene.NextAsync()).Item!;
        await scene.MarkNextAsync(Mark.Accept());

        var late = await scene.Marks.MarkAsync(scene.Alice, item.GradeId, item.Revision, Mark.Override(0, "Nothing right"));

        var conflict = Assert.IsType<MarkOutcome.Conflict>(late);
        Assert.NotNull(conflict.Current.ReviewedAt);
        Assert.Null(conflict.Current.OverrideScore);
        Assert.Equal(2, (await scene.NextAsync()).Counts.Left);
    }

    /// <summary>The queue's answers in order, by skipping each in turn.</summary>
    static async Task<List<int>> WalkBySkippingAsync(QueueScene scene)
    {
        var skipped = new List<int>();
        while ((await scene.NextAsync(skipped)).Item is { } item && !skipped.Contains(item.GradeId))
            skipped.Add(item.GradeId);
        return skipped;
    }
}
