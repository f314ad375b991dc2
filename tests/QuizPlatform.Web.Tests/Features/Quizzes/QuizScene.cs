using Microsoft.EntityFrameworkCore;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Data.Assignments;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Classes;
using QuizPlatform.Web.Features.Quizzes;
using QuizPlatform.Web.Tests.Features.Classes;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Quizzes;

/// <summary>
/// A running app with a three-question assignment, two instructors (Alice with class "Algebra" holding student
/// Sam, Bob with class "Biology") and the services the quiz editor calls.
/// </summary>
public sealed class QuizScene : IAsyncDisposable
{
    private QuizScene(TestDatabase database, QuizAppFactory app) => (Database, App) = (database, app);

    public TestDatabase Database { get; }
    public QuizAppFactory App { get; }
    public string Alice { get; private set; } = "";
    public string Bob { get; private set; } = "";
    public string Sam { get; private set; } = "";
    public int AlgebraId { get; private set; }
    public int BiologyId { get; private set; }
    public int VersionId { get; private set; }

    /// <summary>The app's clock: it stays where the scene started unless a test moves <c>App.Clock</c>.</summary>
    public DateTime Now => App.Clock.GetUtcNow().UtcDateTime;

    public QuizAuthoring Authoring => App.Services.GetRequiredService<QuizAuthoring>();
    public QuizChoices Choices => App.Services.GetRequiredService<QuizChoices>();

    /// <param name="settings">App settings on top of the known admin's, e.g. <c>("Attempts:BackgroundWorkers", "true")</c>.</param>
    public static Task<QuizScene> CreateAsync(DatabaseProvider provider, params (string Key, string? Value)[] settings) =>
        CreateAsync(provider, null, settings);

    /// <param name="now">Where the app's clock starts; the real time when null.</param>
    public static async Task<QuizScene> CreateAsync(DatabaseProvider provider, DateTimeOffset? now, (string Key, string? Value)[] settings)
    {
        var database = await TestDatabase.CreateAsync(provider);
        return await CreateAsync(database, new QuizAppFactory(database, TestUsers.KnownAdmin(settings), now));
    }

    /// <summary>The scene on an app the caller made over <paramref name="database"/> (e.g. one started on Kestrel); disposing the scene disposes both.</summary>
    public static async Task<QuizScene> CreateAsync(TestDatabase database, QuizAppFactory app)
    {
        var scene = new QuizScene(database, app);
        var imported = await app.Services.GetRequiredService<AssignmentImporter>().ImportAsync(Encoding.UTF8.GetBytes("""
            # Networks

            1. What does a convolution layer learn?
            2. Why use pooling?
            3. What is overfitting?

            ## Solution

            1. It learns local filters that detect features such as edges.
            2. Pooling reduces the spatial size and adds translation invariance.
            3. Overfitting is fitting noise in the training data so the model generalises poorly.
            """), "networks.md");
        Assert.Equal(ImportStatus.Created, imported.Status);
        scene.VersionId = imported.AssignmentVersionId!.Value;
        scene.Alice = await TestUsers.CreateUserIdAsync(app, "alice@quiz.local", Roles.Instructor, "Alice");
        scene.Bob = await TestUsers.CreateUserIdAsync(app, "bob@quiz.local", Roles.Instructor, "Bob");
        scene.Sam = await TestUsers.CreateUserIdAsync(app, "sam@quiz.local", Roles.Student, "Sam");
        var classes = app.Services.GetRequiredService<ClassService>();
        var algebra = await classes.CreateAsync(scene.Alice, "Algebra");
        scene.AlgebraId = algebra.Id;
        scene.BiologyId = (await classes.CreateAsync(scene.Bob, "Biology")).Id;
        await app.Services.GetRequiredService<EnrollmentService>().JoinAsync(scene.Sam, algebra.JoinCode);
        return scene;
    }

    /// <summary>Alice's valid form: all questions, assigned to Algebra, open in January, close in July.</summary>
    public async Task<QuizForm> AliceFormAsync()
    {
        var form = await Choices.NewFormAsync(VersionId);
        form.Title = "Networks quiz";
        form.OpensAt = new DateTime(2027, 1, 15, 9, 0, 0);
        form.ClosesAt = new DateTime(2027, 7, 15, 9, 0, 0);
        form.TimeLimitMinutes = 30;
        form.ClassIds = [AlgebraId];
        return form;
    }

    /// <summary>
    /// The one default quiz of the tests that build quizzes directly: Alice's "Networks quiz" for Algebra over the three
    /// questions in order (1, 2 and 3 points), open from an hour before <see cref="Now"/> to a day after, 30-minute limit,
    /// one attempt, no grace, score, keyword feedback and model answer shown immediately; <paramref name="adjust"/>
    /// changes anything before it is stored.
    /// </summary>
    public async Task<int> AddQuizAsync(Action<Quiz>? adjust = null)
    {
        await using var db = App.Services.CreateDbContext();
        var questionIds = await db.Questions.Where(q => q.AssignmentVersionId == VersionId).OrderBy(q => q.Number)
            .Select(q => q.Id).ToListAsync();
        var quiz = new Quiz
        {
            Title = "Networks quiz", AssignmentVersionId = VersionId, CreatedById = Alice,
            OpensAt = Now.AddHours(-1), ClosesAt = Now.AddDays(1), TimeLimit = TimeSpan.FromMinutes(30),
            ShowScore = ReviewVisibility.Immediately, ShowKeywordFeedback = ReviewVisibility.Immediately,
            ShowModelAnswer = ReviewVisibility.Immediately,
            Questions = [.. questionIds.Select((id, i) => new QuizQuestion { QuestionId = id, Position = i + 1, Points = i + 1 })],
            Classes = [new QuizClass { ClassId = AlgebraId }],
        };
        adjust?.Invoke(quiz);
        db.Quizzes.Add(quiz);
        await db.SaveChangesAsync();
        return quiz.Id;
    }

    /// <summary>Sam starts an attempt, as the student side will (a row, nothing more is needed here).</summary>
    public async Task StartAttemptAsync(int quizId)
    {
        await using var db = App.Services.CreateDbContext();
        db.Attempts.Add(new Attempt { QuizId = quizId, StudentId = Sam, Number = 1, StartedAt = Now });
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }
}
