using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features;
using QuizPlatform.Web.Features.StudentHome;
using QuizPlatform.Web.Tests.Infrastructure;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Attempts;

public sealed class AccommodatedTimeLimitTests
{
    [Theory, AllDatabaseProviders]
    public async Task AStudentWithHalfAsMuchTimeAgainSeesAndGetsFortyFiveMinutesOfAThirtyMinuteQuiz(DatabaseProvider provider)
    {
        await using var scene = await AttemptScene.CreateAsync(provider);
        var quizId = await scene.AddQuizAsync(quiz =>
            quiz.Accommodations.Add(new Accommodation { StudentId = scene.Sam, TimeMultiplier = 1.5 }));
        var home = new StudentQuizzes(scene.Services.GetRequiredService<IDbContextFactory<QuizDbContext>>(), scene.Clock);

        var intro = await scene.Attempts.IntroAsync(scene.Sam, quizId);
        var onHome = (await home.ListAsync(scene.Sam)).Single(q => q.QuizId == quizId);
        var started = await scene.Attempts.StartAsync(scene.Sam, quizId);
        var sheet = await scene.Attempts.LoadAsync(scene.Sam, started.AttemptId!.Value);

        Assert.Equal("45 min", Durations.Describe(intro!.TimeLimit!.Value));
        Assert.Equal("45 min", Durations.Describe(onHome.TimeLimit!.Value));
        Assert.Equal(AttemptScene.Start.AddMinutes(45), sheet!.Deadline);
    }
}
