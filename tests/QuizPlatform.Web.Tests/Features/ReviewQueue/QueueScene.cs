using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data.Entities;
using QuizPlatform.Grading;
using QuizPlatform.Web.Features.Marking;
using QuizPlatform.Web.Features.ReviewQueue;
using QuizPlatform.Web.Tests.Features.QuizResults;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.ReviewQueue;

/// <summary>
/// A <see cref="ResultsFixture"/> quiz (Q1..Q3 worth 1, 2 and 3 points; a fixture answer's coverage is its score over
/// the points) whose queue a test can work out by hand: Ann's Q1 is flagged needs-review, her Q3 borderline (coverage
/// 0.7, the full-marks point); Ben's Q2 is flagged required-missing; every other answer is clear. Cat's attempt, not
/// handed in, holds a flagged answer that must not count.
/// </summary>
public sealed class QueueScene : IAsyncDisposable
{
    private QueueScene(ResultsFixture fixture, int quizId) => (Fixture, QuizId) = (fixture, quizId);

    public ResultsFixture Fixture { get; }
    public int QuizId { get; }
    public string Alice => Fixture.Alice;
    public string Ann { get; private set; } = "";
    public string Ben { get; private set; } = "";
    public ReviewQueues Queues => Fixture.App.Services.GetRequiredService<ReviewQueues>();
    public GradeMarks Marks => Fixture.App.Services.GetRequiredService<GradeMarks>();

    public static async Task<QueueScene> CreateAsync(DatabaseProvider provider, Action<Quiz>? adjust = null)
    {
        var fixture = await ResultsFixture.CreateAsync(provider);
        var scene = new QueueScene(fixture, await fixture.AddQuizAsync(adjust));
        scene.Ann = await fixture.StudentAsync("Ann", fixture.AlgebraId);
        scene.Ben = await fixture.StudentAsync("Ben", fixture.AlgebraId);
        var cat = await fixture.StudentAsync("Cat", fixture.AlgebraId);
        await fixture.AttemptAsync(scene.QuizId, scene.Ann, 1, SubmittedBy.Student,
            [new(0.2, GradeFlags.NeedsReview, Text: "Ann on Q1"), new(2, Text: "Ann on Q2"), new(2.1, Text: "Ann on Q3")]);
        await fixture.AttemptAsync(scene.QuizId, scene.Ben, 1, SubmittedBy.Timer,
            [new(1, Text: "Ben on Q1"), new(1, GradeFlags.RequiredMissing, Text: "Ben on Q2"), new(0, Text: "Ben on Q3")]);
        await fixture.AttemptAsync(scene.QuizId, cat, 1, by: null, [new(0, GradeFlags.NeedsReview, Text: "Cat on Q1")]);
        return scene;
    }

    public async Task<ReviewQueueView> NextAsync(IReadOnlyList<int>? skipped = null, bool hideNames = false) =>
        await Queues.NextAsync(Alice, QuizId, skipped ?? [], hideNames) ?? throw new InvalidOperationException("Alice's queue is missing.");

    /// <summary>Alice gives <paramref name="mark"/> to the queue's next answer; the answer it was.</summary>
    public async Task<QueueItem> MarkNextAsync(Mark mark)
    {
        var item = (await NextAsync()).Item ?? throw new InvalidOperationException("The queue is empty.");
        Assert.IsType<MarkOutcome.Marked>(await Marks.MarkAsync(Alice, item.GradeId, item.Revision, mark));
        return item;
    }

    /// <summary>Alice accepts every answer left, and the answers in the order the queue gave them.</summary>
    public Task<List<QueueItem>> AcceptAllAsync() => AcceptAllAsync(Fixture, QuizId);

    /// <summary>Alice accepts every answer left in the queue of <paramref name="quizId"/>, in the queue's order.</summary>
    public static async Task<List<QueueItem>> AcceptAllAsync(ResultsFixture fixture, int quizId)
    {
        var queues = fixture.App.Services.GetRequiredService<ReviewQueues>();
        var marks = fixture.App.Services.GetRequiredService<GradeMarks>();
        var done = new List<QueueItem>();
        while ((await queues.NextAsync(fixture.Alice, quizId, [], hideNames: false))?.Item is { } item)
        {
            Assert.IsType<MarkOutcome.Marked>(await marks.MarkAsync(fixture.Alice, item.GradeId, item.Revision, Mark.Accept()));
            done.Add(item);
        }
        return done;
    }

    public ValueTask DisposeAsync() => Fixture.DisposeAsync();
}
