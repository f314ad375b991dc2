using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Classes;
using QuizPlatform.Web.Features.StudentHome;
using QuizPlatform.Web.Tests.Features.Classes;
using QuizPlatform.Web.Tests.Features.Quizzes;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.StudentHome;

public sealed class StudentQuizzesTests
{
    [Theory, AllDatabaseProviders]
    public async Task StudentSeesTheQuizOfTheirClassOpenWithAttemptsLeftAndTheirExtraTime(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var closes = scene.Now.AddDays(7);
        var quizId = await AddQuizAsync(scene, scene.AlgebraId, scene.Now.AddDays(-1), closes, attempts: 2,
            quiz => quiz.Accommodations.Add(new Accommodation { StudentId = scene.Sam, TimeMultiplier = 1.5 }));
        await AddAttemptAsync(scene, quizId, submitted: true);

        var quiz = Assert.Single(await ListAsync(scene, scene.Sam));

        Assert.Equal((quizId, StudentQuizState.Open, 1, 2), (quiz.QuizId, quiz.State, quiz.AttemptsLeft, quiz.AttemptsAllowed));
        Assert.Equal(["Algebra"], quiz.ClassNames);
        Assert.Equal(TimeSpan.FromMinutes(45), quiz.TimeLimit);
        Assert.Equal(closes, quiz.ClosesAt!.Value, TimeSpan.FromSeconds(1));
    }

    [Theory, AllDatabaseProviders]
    public async Task StudentOfAnotherClassDoesNotSeeTheQuiz(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var tess = await TestUsers.CreateUserIdAsync(scene.App, "tess@quiz.local", Roles.Student, "Tess");
        var biology = await scene.App.Services.GetRequiredService<ClassService>().GetAsync(scene.Bob, scene.BiologyId);
        await scene.App.Services.GetRequiredService<EnrollmentService>().JoinAsync(tess, biology!.JoinCode);
        var algebraQuiz = await AddQuizAsync(scene, scene.AlgebraId, scene.Now.AddDays(-1), scene.Now.AddDays(7));
        var biologyQuiz = await AddQuizAsync(scene, scene.BiologyId, scene.Now.AddDays(-1), scene.Now.AddDays(7));

        Assert.Equal([biologyQuiz], (await ListAsync(scene, tess)).Select(q => q.QuizId));
        Assert.Equal([algebraQuiz], (await ListAsync(scene, scene.Sam)).Select(q => q.QuizId));
    }

    public static TheoryData<DatabaseProvider, string, StudentQuizState> States()
    {
        var data = new TheoryData<DatabaseProvider, string, StudentQuizState>();
        foreach (var provider in new[] { DatabaseProvider.Postgres, DatabaseProvider.Sqlite })
        {
            data.Add(provider, "opens tomorrow", StudentQuizState.NotYetOpen);
            data.Add(provider, "closed yesterday, never started", StudentQuizState.Closed);
            data.Add(provider, "started, deadline ahead", StudentQuizState.InProgress);
            data.Add(provider, "submitted, not graded", StudentQuizState.Submitted);
            data.Add(provider, "submitted and graded", StudentQuizState.Graded);
        }
        return data;
    }

    [Theory, MemberData(nameof(States))]
    public async Task QuizShowsTheStateTheStudentIsIn(DatabaseProvider provider, string situation, StudentQuizState expected)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var opens = situation == "opens tomorrow" ? scene.Now.AddDays(1) : scene.Now.AddDays(-2);
        var closes = situation.StartsWith("closed") ? scene.Now.AddDays(-1) : scene.Now.AddDays(7);
        var quizId = await AddQuizAsync(scene, scene.AlgebraId, opens, closes);
        if (situation.StartsWith("started"))
            await AddAttemptAsync(scene, quizId, submitted: false);
        if (situation.StartsWith("submitted"))
            await AddAttemptAsync(scene, quizId, submitted: true, graded: situation.EndsWith("graded") && !situation.Contains("not"));

        var quiz = Assert.Single(await ListAsync(scene, scene.Sam));

        Assert.Equal(expected, quiz.State);
        Assert.Equal(expected == StudentQuizState.InProgress, quiz.TimeLeft is { } left && left > TimeSpan.FromMinutes(20));
        Assert.Equal(expected == StudentQuizState.InProgress, quiz.AttemptInProgressId is not null);
        (double, double)? shownScore = quiz.Score is { } score ? (score, quiz.MaxScore!.Value) : null;
        Assert.Equal(expected == StudentQuizState.Graded ? (1.5, 3.0) : null, shownScore);
    }

    [Theory, AllDatabaseProviders]
    public async Task HandedInQuizPointsToItsAttemptsResultsAndAnUntouchedQuizToNone(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var handedIn = await AddQuizAsync(scene, scene.AlgebraId, scene.Now.AddDays(-2), scene.Now.AddDays(7));
        var untouched = await AddQuizAsync(scene, scene.AlgebraId, scene.Now.AddDays(-2), scene.Now.AddDays(8));
        var attemptId = await AddAttemptAsync(scene, handedIn, submitted: true, graded: true);

        var quizzes = (await ListAsync(scene, scene.Sam)).ToDictionary(q => q.QuizId);

        Assert.Equal((StudentQuizState.Graded, attemptId), (quizzes[handedIn].State, quizzes[handedIn].LastAttemptId));
        Assert.Equal((StudentQuizState.Open, null), (quizzes[untouched].State, quizzes[untouched].LastAttemptId));
    }

    [Theory, AllDatabaseProviders]
    public async Task InstructorCallingTheStudentListIsRefused(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        await AddQuizAsync(scene, scene.AlgebraId, scene.Now.AddDays(-1), scene.Now.AddDays(7));

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => ListAsync(scene, scene.Alice));
    }

    [Theory, AllDatabaseProviders]
    public async Task JoiningWithTheCodeMakesTheClassQuizAppear(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var tess = await TestUsers.CreateUserIdAsync(scene.App, "tess@quiz.local", Roles.Student, "Tess");
        var quizId = await AddQuizAsync(scene, scene.AlgebraId, scene.Now.AddDays(-1), scene.Now.AddDays(7));
        var algebra = await scene.App.Services.GetRequiredService<ClassService>().GetAsync(scene.Alice, scene.AlgebraId);
        Assert.Empty(await ListAsync(scene, tess));

        var joined = await scene.App.Services.GetRequiredService<EnrollmentService>().JoinAsync(tess, algebra!.JoinCode);

        Assert.Equal(JoinOutcome.Joined, joined.Outcome);
        var quiz = Assert.Single(await ListAsync(scene, tess));
        Assert.Equal((quizId, StudentQuizState.Open), (quiz.QuizId, quiz.State));
    }

    static Task<IReadOnlyList<StudentQuiz>> ListAsync(QuizScene scene, string userId) =>
        scene.App.Services.GetRequiredService<StudentQuizzes>().ListAsync(userId);

    /// <summary>The scene's quiz (30-minute limit, three questions) at 1 point a question, assigned to one class by its instructor.</summary>
    static Task<int> AddQuizAsync(QuizScene scene, int classId, DateTime opens, DateTime closes, int attempts = 1,
        Action<Quiz>? adjust = null) =>
        scene.AddQuizAsync(quiz =>
        {
            quiz.Title = $"Quiz for class {classId} opening {opens:O}";
            quiz.CreatedById = classId == scene.BiologyId ? scene.Bob : scene.Alice;
            (quiz.OpensAt, quiz.ClosesAt, quiz.AttemptsAllowed) = (opens, closes, attempts);
            quiz.Questions.ForEach(q => q.Points = 1);
            quiz.Classes = [new QuizClass { ClassId = classId }];
            adjust?.Invoke(quiz);
        });

    /// <summary>Sam's attempt (as the quiz-taking side will store it); graded means 0.5 of 1 point on each of three answers.</summary>
    static async Task<int> AddAttemptAsync(QuizScene scene, int quizId, bool submitted, bool graded = false)
    {
        await using var db = scene.App.Services.CreateDbContext();
        var questionIds = await db.Questions.Where(q => q.AssignmentVersionId == scene.VersionId).OrderBy(q => q.Number).Select(q => q.Id).ToListAsync();
        var started = scene.Now.AddMinutes(-5);
        var attempt = db.Attempts.Add(new Attempt
        {
            QuizId = quizId, StudentId = scene.Sam, Number = 1, StartedAt = started, Deadline = started.AddMinutes(30),
            SubmittedAt = submitted ? scene.Now.AddMinutes(-1) : null, SubmittedBy = submitted ? SubmittedBy.Student : null,
            Responses = [.. questionIds.Select((id, i) => new Response
            {
                QuestionId = id, Position = i + 1, Text = "An answer.", Version = 1,
                Grade = graded ? new Grade { Score = 0.5, MaxPoints = 1, Coverage = 0.5, GraderVersion = "test", GradedAt = scene.Now } : null,
            })],
        }).Entity;
        await db.SaveChangesAsync();
        return attempt.Id;
    }
}
