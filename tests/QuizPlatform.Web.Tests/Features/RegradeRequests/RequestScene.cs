using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Grading;
using QuizPlatform.Web.Features.Classes;
using QuizPlatform.Web.Features.Grading;
using QuizPlatform.Web.Features.RegradeRequests;
using QuizPlatform.Web.Tests.Features.Attempts;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;
using StudentRequests = QuizPlatform.Web.Features.RegradeRequests.RegradeRequests;

namespace QuizPlatform.Web.Tests.Features.RegradeRequests;

/// <summary>
/// The <see cref="ResultsScene"/> (Sam in Alice's Algebra class; Bob teaches Biology) with Alice's quiz taking regrade
/// requests for a week after a score is shown. Question 1 (2 points) has the keywords filters, edges and weights;
/// <see cref="Answer1"/> says "weights" in other words, so the grader misses it.
/// </summary>
public sealed class RequestScene : IAsyncDisposable
{
    public const string Answer1 = "It learns local filters that detect edges, tuning its kernel values during training.";
    public const string TheirWords = "kernel values";
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    private RequestScene(ResultsScene results, int quizId) => (Results, QuizId) = (results, quizId);

    public ResultsScene Results { get; }
    public int QuizId { get; }
    public QuizAppFactory App => Results.App;
    public string Sam => Results.Sam;
    public string Alice => Results.Scene.Alice;
    public string Bob => Results.Scene.Bob;
    public StudentRequests Requests => App.Services.GetRequiredService<StudentRequests>();
    public RegradeInbox Inbox => App.Services.GetRequiredService<RegradeInbox>();

    public static async Task<RequestScene> CreateAsync(DatabaseProvider provider, Action<Quiz>? adjust = null)
    {
        var results = await ResultsScene.CreateAsync(provider);
        var quizId = await results.AddQuizAsync(quiz =>
        {
            quiz.RegradeRequestWindow = Window;
            adjust?.Invoke(quiz);
        });
        return new RequestScene(results, quizId);
    }

    /// <summary>Sam's graded attempt with <see cref="Answer1"/> (or <paramref name="answer1"/>) to question 1.</summary>
    public Task<int> SamAnswersAsync(string answer1 = Answer1) => Results.GradedAsync(QuizId, answer1, "Pooling.", "Noise.");

    /// <summary>A new student in Algebra who hands in <paramref name="answer1"/> and is graded; their id and attempt.</summary>
    public async Task<(string Student, int AttemptId)> ClassmateAnswersAsync(string email, string answer1)
    {
        var student = await App.CreateUserIdAsync(email, Roles.Student, email.Split('@')[0]);
        await using (var db = App.Services.CreateDbContext())
        {
            var code = await db.Classes.Where(c => c.Id == Results.Scene.AlgebraId).Select(c => c.JoinCode).SingleAsync();
            await App.Services.GetRequiredService<EnrollmentService>().JoinAsync(student, code);
        }
        var attemptId = Assert.IsType<int>((await Results.Attempts.StartAsync(student, QuizId)).AttemptId);
        var question1 = await Question1Async();
        await Results.Attempts.SaveAsync(student, attemptId, question1, answer1, baseVersion: 0);
        Assert.True((await Results.Attempts.SubmitAsync(student, attemptId)).Found);
        await Results.GradeAsync(attemptId);
        return (student, attemptId);
    }

    public async Task<int> Question1Async()
    {
        await using var db = App.Services.CreateDbContext();
        return await db.Questions.Where(q => q.AssignmentVersionId == Results.Scene.VersionId && q.Number == 1).Select(q => q.Id).SingleAsync();
    }

    /// <summary>The student disputes question 1's missing "weights" with <see cref="TheirWords"/>; the request's id.</summary>
    public async Task<int> DisputeWeightsAsync(string student, int attemptId, string words = TheirWords)
    {
        var outcome = await Requests.CreateAsync(student, attemptId, await Question1Async(), new RequestDraft("weights", words, null, null, null));
        return Assert.IsType<CreateOutcome.Created>(outcome).RequestId;
    }

    /// <summary>Question 1's card on Sam's results page, as he reads it now.</summary>
    public async Task<IElement> SamsCardAsync(int attemptId)
    {
        using var sam = await Results.ClientAsync();
        return ResultsScene.Question(await ResultsScene.PageAsync(sam, attemptId), 1);
    }

    public async Task<RegradeRequest> RequestAsync(int requestId)
    {
        await using var db = App.Services.CreateDbContext();
        return await db.RegradeRequests.AsNoTracking().SingleAsync(r => r.Id == requestId);
    }

    public async Task<Grade> GradeOfAsync(int requestId)
    {
        await using var db = App.Services.CreateDbContext();
        return await db.Grades.AsNoTracking().Include(g => g.History)
            .SingleAsync(g => db.RegradeRequests.Any(r => r.Id == requestId && r.ResponseId == g.ResponseId));
    }

    /// <summary>
    /// What applying "kernel values" as an alternative of "weights" in the keyword editor does: a new key version and a
    /// regrade of every answer to question 1, each a Regrade row in its history.
    /// </summary>
    public async Task AddAlternativeAndRegradeAsync(string alternative = TheirWords)
    {
        var question1 = await Question1Async();
        await using var db = App.Services.CreateDbContext();
        var question = await db.Questions.Include(q => q.Keywords).SingleAsync(q => q.Id == question1);
        question.Keywords.Single(k => k.Phrase == "weights").Alternatives.Add(alternative);
        question.KeywordVersion++;
        var grader = new Grader();
        var key = grader.Compile(question.Prompt, [.. question.Keywords.OrderBy(k => k.Position)
            .Select(k => new Keyword(k.Phrase, k.Alternatives, k.Weight, k.Required))]);
        var grades = await db.Grades.Include(g => g.Response).Where(g => g.Response.QuestionId == question.Id).ToListAsync();
        foreach (var grade in grades)
        {
            var result = grader.Grade(key, grade.Response.Text, grade.MaxPoints);
            grade.Regrade(result, GradeExplanation.Of(result).ToJson(), question.KeywordVersion, Alice, App.Clock.GetUtcNow().UtcDateTime);
        }
        await db.SaveChangesAsync();
    }

    /// <summary>Posts <paramref name="form"/> of <paramref name="page"/> (at <paramref name="path"/>) with its hidden fields and <paramref name="fields"/>.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, IElement form, params (string Name, string Value)[] fields)
    {
        var values = form.QuerySelectorAll("input[type=hidden][name]")
            .Select(i => KeyValuePair.Create(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Where(f => !fields.Any(x => x.Name == f.Key))
            .Concat(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));
        return client.PostAsync(path, new FormUrlEncodedContent(values));
    }

    public ValueTask DisposeAsync() => Results.DisposeAsync();
}
