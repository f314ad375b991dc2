using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data.Entities;
using QuizPlatform.Grading;
using QuizPlatform.Web.Features.Grading;
using QuizPlatform.Web.Features.Taking;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Attempts;

/// <summary>What the app does on its own, with its background workers on: grading handed-in attempts and handing in expired ones.</summary>
public sealed class AttemptBackgroundTests
{
    [Theory, AllDatabaseProviders]
    public async Task HandingInGradesEveryAnswerWithItsExplanationAndTheGraderVersion(DatabaseProvider provider)
    {
        await using var scene = await AttemptScene.CreateAsync(provider, Workers);
        var attempts = scene.Attempts;
        var quizId = await scene.AddQuizAsync();
        var attemptId = (await attempts.StartAsync(scene.Sam, quizId)).AttemptId!.Value;
        var sheet = (await attempts.LoadAsync(scene.Sam, attemptId))!;
        var pooling = sheet.Questions.Single(q => q.Number == 2);
        await attempts.SaveAsync(scene.Sam, attemptId, pooling.QuestionId, "Pooling shrinks the spatial size and gives translation invariance.", 0);

        await attempts.SubmitAsync(scene.Sam, attemptId);
        var grades = await Eventually.ValueAsync(() => GradesAsync(scene, attemptId), "the three answers to be graded");

        Assert.All(grades, g => Assert.Equal(Grader.Version, g.Grade.GraderVersion));
        var good = grades.Single(g => g.QuestionId == pooling.QuestionId);
        Assert.Equal(2, good.Grade.MaxPoints);
        Assert.True(good.Grade.Score > 1, $"a good answer scores well: {good.Grade.Score}/2");
        var explanation = GradeExplanation.Parse(good.Grade.Explanation);
        var translation = Assert.Single(explanation.Keywords, k => k.Matched && k.Phrase.Contains("translation"));
        Assert.Equal("translation", good.Text.Substring(translation.Spans[0].Start, translation.Spans[0].Length).ToLowerInvariant());
        var empty = grades.First(g => g.QuestionId != pooling.QuestionId);
        Assert.Equal(0, empty.Grade.Score);
        Assert.Contains(GradeFlags.Empty, GradeExplanation.Parse(empty.Grade.Explanation).Flags);
    }

    [Theory, AllDatabaseProviders]
    public async Task AnAttemptWhoseTimeRanOutIsHandedInAndGradedByTheServerWithoutTheBrowser(DatabaseProvider provider)
    {
        await using var scene = await AttemptScene.CreateAsync(provider, Workers, ("Attempts:ExpiryScanInterval", "00:00:00.2"));
        var attempts = scene.Attempts;
        var quizId = await scene.AddQuizAsync(quiz => (quiz.ClosesAt, quiz.Grace) = (AttemptScene.Start.AddSeconds(2), TimeSpan.Zero));
        var attemptId = (await attempts.StartAsync(scene.Sam, quizId)).AttemptId!.Value;
        var sheet = (await attempts.LoadAsync(scene.Sam, attemptId))!;
        await attempts.SaveAsync(scene.Sam, attemptId, sheet.Questions[0].QuestionId, "Local filters detecting edges.", 0);

        scene.Clock.Advance(TimeSpan.FromSeconds(3)); // the close time passes, and with it the submitter's next scan
        var handedIn = await Eventually.ValueAsync(async () =>
        {
            await using var db = scene.Services.CreateDbContext();
            return await db.Attempts.AsNoTracking().SingleAsync(a => a.Id == attemptId) is { SubmittedAt: not null } a ? a : null;
        }, "the expired attempt to be handed in");
        var grades = await Eventually.ValueAsync(() => GradesAsync(scene, attemptId), "the expired attempt to be graded");

        Assert.Equal(SubmittedBy.Timer, handedIn.SubmittedBy);
        Assert.True(handedIn.SubmittedAt >= sheet.Deadline);
        Assert.Contains(grades, g => g.Text == "Local filters detecting edges." && g.Grade.Score > 0);
    }

    [Theory, AllDatabaseProviders]
    public async Task AnAttemptWithTimeLeftIsNotHandedIn(DatabaseProvider provider)
    {
        await using var scene = await AttemptScene.CreateAsync(provider, Workers);
        var attempts = scene.Attempts;
        var quizId = await scene.AddQuizAsync(quiz => quiz.TimeLimit = TimeSpan.FromMinutes(5));
        var attemptId = (await attempts.StartAsync(scene.Sam, quizId)).AttemptId!.Value;

        var submitted = await attempts.SubmitExpiredAsync();

        Assert.Equal(0, submitted);
        Assert.False((await attempts.LoadAsync(scene.Sam, attemptId))!.Submitted);
    }

    static readonly (string, string?) Workers = ("Attempts:BackgroundWorkers", "true");

    sealed record GradedAnswer(int QuestionId, string Text, Grade Grade);

    /// <summary>The attempt's graded answers once every answer has its grade; null before.</summary>
    static async Task<List<GradedAnswer>?> GradesAsync(AttemptScene scene, int attemptId)
    {
        await using var db = scene.Services.CreateDbContext();
        var responses = await db.Responses.AsNoTracking().Include(r => r.Grade).Where(r => r.AttemptId == attemptId).ToListAsync();
        return responses.All(r => r.Grade is not null) ? [.. responses.Select(r => new GradedAnswer(r.QuestionId, r.Text, r.Grade!))] : null;
    }
}
