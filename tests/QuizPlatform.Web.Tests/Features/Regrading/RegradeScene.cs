using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Assignments;
using QuizPlatform.Web.Features.Marking;
using QuizPlatform.Web.Features.Regrading;
using QuizPlatform.Web.Tests.Features.QuizResults;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Regrading;

/// <summary>
/// The <see cref="ResultsFixture"/> with Alice's quiz (Q1 worth 1 point, keywords filters, edges and weights) answered
/// and graded by the real grader. Scores follow coverage (full marks at 0.7): one keyword of three is 0.4762.
/// </summary>
public sealed class RegradeScene : IAsyncDisposable
{
    /// <summary>Q1's keywords as stored, as the editor's rows.</summary>
    public static KeywordDraft[] Stored =>
    [
        new() { Phrase = "filters" }, new() { Phrase = "edges" }, new() { Phrase = "weights" },
    ];

    private RegradeScene(ResultsFixture fixture) => Fixture = fixture;

    public ResultsFixture Fixture { get; }
    public QuizAppFactory App => Fixture.App;
    public string Alice => Fixture.Alice;
    public string Bob => Fixture.Scene.Bob;
    public string Sam => Fixture.Scene.Sam;
    public int QuizId { get; private set; }
    public int AssignmentId { get; private set; }
    public int Question1 { get; private set; }
    public RegradePreview Preview => App.Services.GetRequiredService<RegradePreview>();
    public RegradeJobs Jobs => App.Services.GetRequiredService<RegradeJobs>();
    public KeywordEditing Editing => App.Services.CreateScope().ServiceProvider.GetRequiredService<KeywordEditing>();
    public GradeMarks Marks => App.Services.GetRequiredService<GradeMarks>();

    public static async Task<RegradeScene> CreateAsync(DatabaseProvider provider, params (string Key, string? Value)[] settings)
    {
        var scene = new RegradeScene(await ResultsFixture.CreateAsync(provider, settings));
        scene.QuizId = await scene.Fixture.AddQuizAsync();
        await using var db = scene.App.Services.CreateDbContext();
        var question = await db.Questions.Include(q => q.AssignmentVersion)
            .SingleAsync(q => q.AssignmentVersionId == scene.Fixture.Scene.VersionId && q.Number == 1);
        (scene.Question1, scene.AssignmentId) = (question.Id, question.AssignmentVersion.AssignmentId);
        return scene;
    }

    /// <summary>A student of Algebra who answers Q1 with <paramref name="text"/>, hands in and is graded; the grade's id.</summary>
    public async Task<int> AnswerAsync(string name, string text)
    {
        var studentId = await Fixture.StudentAsync(name, Fixture.AlgebraId);
        var attemptId = await Fixture.AnswerAndGradeAsync(QuizId, studentId, text);
        await using var db = App.Services.CreateDbContext();
        return await db.Grades.Where(g => g.Response.AttemptId == attemptId && g.Response.QuestionId == Question1).Select(g => g.Id).SingleAsync();
    }

    /// <summary>Alice overrides the grade with <paramref name="score"/>.</summary>
    public async Task OverrideAsync(int gradeId, double score)
    {
        var grade = await GradeAsync(gradeId);
        Assert.IsType<MarkOutcome.Marked>(await Marks.MarkAsync(Alice, gradeId, grade.Revision, Mark.Override(score, "Said it in other words")));
    }

    public async Task<Grade> GradeAsync(int gradeId)
    {
        await using var db = App.Services.CreateDbContext();
        return await db.Grades.AsNoTracking().Include(g => g.History).SingleAsync(g => g.Id == gradeId);
    }

    /// <summary>Q1's stored keywords with <paramref name="change"/> made to them.</summary>
    public static KeywordDraft[] Edited(Action<KeywordDraft[]> change)
    {
        var drafts = Stored;
        change(drafts);
        return drafts;
    }

    public ValueTask DisposeAsync() => Fixture.DisposeAsync();
}
