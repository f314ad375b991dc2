using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Grading;
using QuizPlatform.Web.Features.Taking;
using QuizPlatform.Web.Tests.Features.Quizzes;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Attempts;

/// <summary>
/// The quiz scene (Sam in Alice's class "Algebra", three questions) plus attempt services on a clock the test moves:
/// <see cref="Attempts"/> runs on <see cref="Clock"/>, while the app's own services (background submitter and grader)
/// run on real time.
/// </summary>
public sealed class AttemptScene : IAsyncDisposable
{
    public static readonly DateTime Start = new(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    private AttemptScene(QuizScene quiz) => Quiz = quiz;

    public QuizScene Quiz { get; }
    public FakeTimeProvider Clock { get; } = new(Start);
    public AttemptService Attempts { get; private set; } = null!;
    public string Sam => Quiz.Sam;
    public IServiceProvider Services => Quiz.App.Services;

    public static async Task<AttemptScene> CreateAsync(DatabaseProvider provider, params (string Key, string? Value)[] settings)
    {
        var scene = new AttemptScene(await QuizScene.CreateAsync(provider, settings));
        scene.Attempts = new AttemptService(scene.Services.GetRequiredService<IDbContextFactory<QuizDbContext>>(), scene.Clock,
            new GradingQueue());
        return scene;
    }

    /// <summary>
    /// A quiz of Alice's over the three questions (1, 2 and 3 points) for Algebra, open an hour before
    /// <see cref="Start"/> and closing a day after, 30-minute limit, one attempt, no grace, unless adjusted.
    /// </summary>
    public async Task<int> AddQuizAsync(Action<Quiz>? adjust = null)
    {
        await using var db = Services.CreateDbContext();
        var questionIds = await db.Questions.Where(q => q.AssignmentVersionId == Quiz.VersionId).OrderBy(q => q.Number)
            .Select(q => q.Id).ToListAsync();
        var quiz = new Quiz
        {
            Title = "Networks quiz", AssignmentVersionId = Quiz.VersionId, CreatedById = Quiz.Alice,
            OpensAt = Start.AddHours(-1), ClosesAt = Start.AddDays(1), TimeLimit = TimeSpan.FromMinutes(30),
            ShowScore = ReviewVisibility.Immediately, ShowKeywordFeedback = ReviewVisibility.Immediately,
            Questions = [.. questionIds.Select((id, i) => new QuizQuestion { QuestionId = id, Position = i + 1, Points = i + 1 })],
            Classes = [new QuizClass { ClassId = Quiz.AlgebraId }],
        };
        adjust?.Invoke(quiz);
        db.Quizzes.Add(quiz);
        await db.SaveChangesAsync();
        return quiz.Id;
    }

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

    public ValueTask DisposeAsync() => Quiz.DisposeAsync();
}
