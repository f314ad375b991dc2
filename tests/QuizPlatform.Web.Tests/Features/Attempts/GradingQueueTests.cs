using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Admission;
using QuizPlatform.Web.Features.Grading;
using QuizPlatform.Web.Features.Taking;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Attempts;

/// <summary>
/// The grading queue kept in the database: handed-in attempts claimed by whichever instance asks first, each answer
/// graded once however many instances grade, and the work of a worker that died taken over once its lease runs out.
/// A second instance is a second app host on the same database, as behind a load balancer.
/// </summary>
public sealed class GradingQueueTests
{
    [Fact]
    public async Task TwoInstancesGradingAtOnceGradeEveryAnswerExactlyOnce()
    {
        await using var scene = await AttemptScene.CreateAsync(DatabaseProvider.Postgres, Workers);
        await using var other = scene.SecondInstance();
        var quizId = await scene.AddQuizAsync();
        var attemptIds = await HandedInAttemptsAsync(scene, quizId, 120);

        scene.Services.GetRequiredService<GradingQueue>().Wake();
        other.Services.GetRequiredService<GradingQueue>().Wake();
        await Eventually.ValueAsync(async () =>
        {
            await using var db = scene.Services.CreateDbContext();
            return await db.Attempts.AnyAsync(a => a.QuizId == quizId && a.GradedAt == null) ? null : "";
        }, "every attempt to be graded");

        await using var check = scene.Services.CreateDbContext();
        var gradesPerAnswer = await check.Responses.Where(r => r.Attempt.QuizId == quizId)
            .Select(r => check.Grades.Count(g => g.ResponseId == r.Id)).ToListAsync();
        Assert.Equal(attemptIds.Count * 3, gradesPerAnswer.Count);
        Assert.All(gradesPerAnswer, count => Assert.Equal(1, count));
        Assert.False(await check.Attempts.AnyAsync(a => a.QuizId == quizId && a.GradingLeaseUntil != null), "no lease is left behind");
    }

    [Fact]
    public async Task InstancesClaimingAtTheSameMomentNeverTakeTheSameAttempt()
    {
        await using var scene = await AttemptScene.CreateAsync(DatabaseProvider.Postgres);
        await using var other = scene.SecondInstance();
        var attemptIds = await HandedInAttemptsAsync(scene, await scene.AddQuizAsync(), 100);
        GradingQueue[] queues = [scene.Services.GetRequiredService<GradingQueue>(), other.Services.GetRequiredService<GradingQueue>()];

        // Eight workers on each instance claim until the queue is empty, all at once.
        var claims = await Task.WhenAll(Enumerable.Range(0, 16).Select(worker => Task.Run(async () =>
        {
            var mine = new List<int>();
            for (List<int> batch; (batch = await queues[worker % 2].ClaimAsync(CancellationToken.None)).Count > 0;)
                mine.AddRange(batch);
            return mine;
        })));

        var claimed = claims.SelectMany(c => c).ToList();
        Assert.Equal(claimed.Count, claimed.Distinct().Count());
        Assert.Equal(attemptIds.Order(), claimed.Order());
    }

    [Theory, AllDatabaseProviders]
    public async Task AttemptsClaimedByAWorkerThatDiedAreTakenOverOnceItsLeaseRunsOut(DatabaseProvider provider)
    {
        await using var scene = await AttemptScene.CreateAsync(provider);
        var queue = scene.Services.GetRequiredService<GradingQueue>();
        var attemptIds = await HandedInAttemptsAsync(scene, await scene.AddQuizAsync(), GradingQueue.BatchSize + 2);

        var abandoned = await queue.ClaimAsync(CancellationToken.None); // a worker claims a batch and is killed
        var rest = await queue.ClaimAsync(CancellationToken.None);
        Assert.Empty(await queue.ClaimAsync(CancellationToken.None));

        scene.Clock.Advance(new GradingSettings().ClaimLease + TimeSpan.FromSeconds(1));
        var takenOver = await queue.ClaimAsync(CancellationToken.None);
        Assert.Equal(abandoned.Order(), takenOver.Order());
        Assert.Equal(attemptIds.Order(), abandoned.Concat(rest).Order());

        var grading = scene.Services.GetRequiredService<AttemptGrading>();
        Assert.Equal(takenOver.Count * 3, await grading.GradeAsync(takenOver));
        Assert.Equal(0, await grading.GradeAsync(abandoned)); // the dead worker's batch, were it to come back: nothing left
        await using var db = scene.Services.CreateDbContext();
        Assert.Equal(takenOver.Count * 3, await db.Grades.CountAsync());
        Assert.Equal(rest.Order(), (await queue.ClaimAsync(CancellationToken.None)).Order()); // their lease ran out too
    }

    [Fact]
    public async Task GradingWaitsWhileStudentsHandInAndCatchesUpAfter()
    {
        await using var scene = await AttemptScene.CreateAsync(DatabaseProvider.Postgres, Workers, ("Grading:HandInsFirst", "00:10:00"));
        var gates = scene.Services.GetRequiredService<AdmissionGates>();
        var quizId = await scene.AddQuizAsync();

        using (await gates.EnterAsync(AdmissionKind.HandIn, CancellationToken.None)) // a student's hand-in in flight
        {
            await HandedInAttemptsAsync(scene, quizId, 3);
            scene.Services.GetRequiredService<GradingQueue>().Wake();
            await Task.Delay(TimeSpan.FromSeconds(1)); // what grading 3 attempts takes many times over
            await using var db = scene.Services.CreateDbContext();
            Assert.False(await db.Grades.AnyAsync(), "nothing is graded while a hand-in holds the gate");
        }

        await Eventually.ValueAsync(async () =>
        {
            await using var db = scene.Services.CreateDbContext();
            return await db.Attempts.AnyAsync(a => a.QuizId == quizId && a.GradedAt == null) ? null : "";
        }, "every attempt to be graded once the hand-ins are through");
    }

    [Fact]
    public async Task TheExpirySubmitterOnTwoInstancesHandsInEachExpiredAttemptOnce()
    {
        await using var scene = await AttemptScene.CreateAsync(DatabaseProvider.Postgres);
        await using var other = scene.SecondInstance();
        var quizId = await scene.AddQuizAsync(quiz => quiz.Grace = TimeSpan.Zero);
        var attemptIds = await AttemptsAsync(scene, quizId, 60, submitted: false);
        scene.Clock.Advance(TimeSpan.FromMinutes(1));
        other.Clock.Advance(TimeSpan.FromMinutes(1));
        AttemptService[] instances = [scene.Attempts, other.Services.GetRequiredService<AttemptService>()];

        var handedIn = await Task.WhenAll(Enumerable.Range(0, 8).Select(scan => Task.Run(() => instances[scan % 2].SubmitExpiredAsync())));

        Assert.Equal(attemptIds.Count, handedIn.Sum());
        await using var db = scene.Services.CreateDbContext();
        Assert.All(await db.Attempts.Where(a => a.QuizId == quizId).ToListAsync(),
            a => Assert.Equal((SubmittedBy?)SubmittedBy.Timer, a.SubmittedBy));
    }

    static readonly (string, string?) Workers = ("Attempts:BackgroundWorkers", "true");

    static Task<List<int>> HandedInAttemptsAsync(AttemptScene scene, int quizId, int count) =>
        AttemptsAsync(scene, quizId, count, submitted: true);

    /// <summary>
    /// Sam's attempts 1 to <paramref name="count"/> at the quiz with every question answered, written straight to the
    /// database: handed in (and not graded) or still open with a deadline that has just passed.
    /// </summary>
    static async Task<List<int>> AttemptsAsync(AttemptScene scene, int quizId, int count, bool submitted)
    {
        await using var db = scene.Services.CreateDbContext();
        var questionIds = await db.QuizQuestions.Where(q => q.QuizId == quizId).Select(q => q.QuestionId).ToListAsync();
        var now = scene.Clock.GetUtcNow().UtcDateTime;
        var attempts = Enumerable.Range(1, count).Select(number => new Attempt
        {
            QuizId = quizId, StudentId = scene.Sam, Number = number, StartedAt = now.AddMinutes(-30), Deadline = now,
            SubmittedAt = submitted ? now : null, SubmittedBy = submitted ? SubmittedBy.Student : null,
            Responses = [.. questionIds.Select((questionId, position) => new Response
            {
                QuestionId = questionId, Position = position, Text = "Pooling reduces the spatial size.", Version = 1, SavedAt = now,
            })],
        }).ToList();
        db.Attempts.AddRange(attempts);
        await db.SaveChangesAsync();
        return [.. attempts.Select(a => a.Id)];
    }
}
