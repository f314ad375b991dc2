using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Grading;
using QuizPlatform.Web.Features.Classes;
using QuizPlatform.Web.Features.Grading;
using QuizPlatform.Web.Features.QuizResults;
using QuizPlatform.Web.Features.Taking;
using ResultsService = QuizPlatform.Web.Features.QuizResults.QuizResults;
using QuizPlatform.Web.Tests.Features.Attempts;
using QuizPlatform.Web.Tests.Features.Quizzes;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.QuizResults;

/// <summary>One answer of a fixture attempt: its grade (none: ungraded), and what an instructor or the grader added.</summary>
public sealed record FixtureAnswer(double? Score, GradeFlags Flags = GradeFlags.None, double? Override = null,
    string? Hits = null, string Text = "An answer.");

/// <summary>
/// The <see cref="ResultsScene"/> (Alice's quiz, Q1 with the keywords filters, edges and weights; the clock stopped at
/// <see cref="AttemptScene.Start"/>) with a second class of Alice's, "Geometry", and students whose attempts are
/// written as rows: a fixture whose figures a test can work out by hand.
/// </summary>
public sealed class ResultsFixture : IAsyncDisposable
{
    public static readonly DateTime Start = AttemptScene.Start;

    private ResultsFixture(QuizScene scene) => Scene = scene;

    public QuizScene Scene { get; }
    public QuizAppFactory App => Scene.App;
    public string Alice => Scene.Alice;
    public int AlgebraId => Scene.AlgebraId;
    public int GeometryId { get; private set; }
    public ResultsService Results => App.Services.GetRequiredService<ResultsService>();

    public static async Task<ResultsFixture> CreateAsync(DatabaseProvider provider, params (string Key, string? Value)[] settings)
    {
        var scene = await QuizScene.CreateAsync(provider, Start, settings);
        await ResultsScene.UseQuestion1KeywordsAsync(scene);
        var fixture = new ResultsFixture(scene);
        fixture.GeometryId = (await scene.App.Services.GetRequiredService<ClassService>().CreateAsync(scene.Alice, "Geometry")).Id;
        return fixture;
    }

    /// <summary>Alice's quiz over Q1..Q3 (1, 2 and 3 points) for Algebra and Geometry, two attempts allowed.</summary>
    public Task<int> AddQuizAsync(Action<Quiz>? adjust = null) => Scene.AddQuizAsync(quiz =>
    {
        quiz.AttemptsAllowed = 2;
        quiz.Classes.Add(new QuizClass { ClassId = GeometryId });
        adjust?.Invoke(quiz);
    });

    /// <summary>A student account (password <see cref="TestUsers.Password"/>) enrolled in <paramref name="classIds"/>.</summary>
    public async Task<string> StudentAsync(string name, params int[] classIds)
    {
        var id = await TestUsers.CreateUserIdAsync(App, $"{name.ToLowerInvariant()}@quiz.local", Roles.Student, name);
        await using var db = App.Services.CreateDbContext();
        db.Enrollments.AddRange(classIds.Select(classId => new Enrollment { ClassId = classId, StudentId = id }));
        await db.SaveChangesAsync();
        return id;
    }

    /// <summary>
    /// An attempt started <paramref name="startedMinutesAgo"/> minutes before now with a 30-minute deadline, handed in
    /// a minute before now by <paramref name="by"/> (null: not handed in), one answer per entry of
    /// <paramref name="answers"/> in quiz order (a null entry: the question was not drawn).
    /// </summary>
    public async Task<int> AttemptAsync(int quizId, string studentId, int number, SubmittedBy? by, FixtureAnswer?[] answers,
        int startedMinutesAgo = 20)
    {
        await using var db = App.Services.CreateDbContext();
        var questions = await db.QuizQuestions.Where(q => q.QuizId == quizId).OrderBy(q => q.Position)
            .Select(q => new { q.QuestionId, q.Points }).ToListAsync();
        var started = Start.AddMinutes(-startedMinutesAgo);
        var attempt = new Attempt
        {
            QuizId = quizId, StudentId = studentId, Number = number, StartedAt = started, Deadline = started.AddMinutes(30),
            SubmittedAt = by is null ? null : Start.AddMinutes(-1), SubmittedBy = by,
            Responses = [.. answers.Select((answer, i) => (answer, i)).Where(x => x.answer is not null).Select(x => new Response
            {
                QuestionId = questions[x.i].QuestionId, Position = x.i + 1, Text = x.answer!.Text, Version = 1,
                Grade = x.answer.Score is not { } score ? null : new Grade
                {
                    Score = score, MaxPoints = questions[x.i].Points, Coverage = score / questions[x.i].Points,
                    Flags = x.answer.Flags, KeywordHits = x.answer.Hits, GraderVersion = "fixture", GradedAt = Start,
                    OverrideScore = x.answer.Override, OverriddenById = x.answer.Override is null ? null : Alice,
                    OverrideReason = x.answer.Override is null ? null : "Read it again",
                    OverriddenAt = x.answer.Override is null ? null : Start,
                    // An override is an instructor's review, as Grade.Override records it.
                    ReviewedAt = x.answer.Override is null ? null : Start, ReviewedById = x.answer.Override is null ? null : Alice,
                },
            })],
        };
        db.Attempts.Add(attempt);
        await db.SaveChangesAsync();
        return attempt.Id;
    }

    /// <summary>A graded, handed-in attempt with the given scores on Q1..Q3.</summary>
    public Task<int> GradedAsync(int quizId, string studentId, int number, params double[] scores) =>
        AttemptAsync(quizId, studentId, number, SubmittedBy.Student, [.. scores.Select(s => new FixtureAnswer(s))]);

    /// <summary>
    /// <paramref name="studentId"/> starts the quiz through the app, saves <paramref name="answers"/> (Q1 first), hands
    /// in and is graded by the real grader (<see cref="AttemptGrading"/>); the attempt's id.
    /// </summary>
    public async Task<int> AnswerAndGradeAsync(int quizId, string studentId, params string[] answers)
    {
        var attempts = App.Services.GetRequiredService<AttemptService>();
        var started = await attempts.StartAsync(studentId, quizId);
        Assert.True(started.Started, started.Refusal);
        var attemptId = started.AttemptId!.Value;
        await using (var db = App.Services.CreateDbContext())
        {
            var questionIds = await db.Responses.Where(r => r.AttemptId == attemptId).OrderBy(r => r.Position).Select(r => r.QuestionId).ToListAsync();
            foreach (var (questionId, text) in questionIds.Zip(answers))
                Assert.Equal(SaveStatus.Saved, (await attempts.SaveAsync(studentId, attemptId, questionId, text, baseVersion: 0)).Status);
        }
        Assert.True((await attempts.SubmitAsync(studentId, attemptId)).Found);
        Assert.True(await App.Services.GetRequiredService<AttemptGrading>().GradeAsync(attemptId) > 0);
        return attemptId;
    }

    /// <summary>A client signed in as <paramref name="email"/> that does not follow redirects.</summary>
    public async Task<HttpClient> ClientAsync(string email)
    {
        var client = App.CreateNonRedirectingClient();
        using var _ = await client.SignInAsync(email, TestUsers.Password);
        return client;
    }

    public ValueTask DisposeAsync() => Scene.DisposeAsync();
}
