using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Grading;
using QuizPlatform.Web.Features.Taking;
using QuizPlatform.Web.Tests.Features.Quizzes;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Attempts;

/// <summary>
/// The quiz scene (Sam in Alice's class "Algebra", three questions) with the app's clock starting at <see cref="Start"/>:
/// <see cref="Attempts"/> and the app's own services run on <see cref="Clock"/>, which moves only when the test moves it.
/// </summary>
public sealed class AttemptScene : IAsyncDisposable
{
    public static readonly DateTime Start = new(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    private AttemptScene(QuizScene quiz) => Quiz = quiz;

    public QuizScene Quiz { get; }
    public FakeTimeProvider Clock => Quiz.App.Clock;
    public AttemptService Attempts => Services.GetRequiredService<AttemptService>();
    public string Sam => Quiz.Sam;
    public IServiceProvider Services => Quiz.App.Services;

    /// <param name="settings">e.g. <c>("Attempts:BackgroundWorkers", "true")</c> for the grader and the expiry submitter.</param>
    public static async Task<AttemptScene> CreateAsync(DatabaseProvider provider, params (string Key, string? Value)[] settings) =>
        new(await QuizScene.CreateAsync(provider, Start, settings));

    /// <summary><see cref="QuizScene.AddQuizAsync"/>: open from an hour before <see cref="Start"/> to a day after.</summary>
    public Task<int> AddQuizAsync(Action<Quiz>? adjust = null) => Quiz.AddQuizAsync(adjust);

    /// <summary>Sam's attempt at a fresh quiz and its sheet.</summary>
    public async Task<AttemptSheet> StartAsync(Action<Quiz>? adjust = null)
    {
        var started = await Attempts.StartAsync(Sam, await AddQuizAsync(adjust));
        Assert.True(started.Started, started.Refusal);
        return (await Attempts.LoadAsync(Sam, started.AttemptId!.Value))!;
    }

    public async Task<string> NewStudentInAlgebraAsync(string email)
    {
        var id = await TestUsers.CreateUserIdAsync(Quiz.App, email, Roles.Student, email);
        await using var db = Services.CreateDbContext();
        db.Enrollments.Add(new Enrollment { ClassId = Quiz.AlgebraId, StudentId = id });
        await db.SaveChangesAsync();
        return id;
    }

    public async Task<List<RefusedSave>> RefusedSavesAsync(int attemptId)
    {
        await using var db = Services.CreateDbContext();
        return await db.RefusedSaves.Where(s => s.AttemptId == attemptId).OrderBy(s => s.Id).ToListAsync();
    }

    /// <summary>Another app instance on the scene's database, with the same settings and clock time, started.</summary>
    public QuizAppFactory SecondInstance()
    {
        var app = new QuizAppFactory(Quiz.Database, Quiz.App.Settings, Clock.GetUtcNow());
        _ = app.Services;
        return app;
    }

    public ValueTask DisposeAsync() => Quiz.DisposeAsync();
}
