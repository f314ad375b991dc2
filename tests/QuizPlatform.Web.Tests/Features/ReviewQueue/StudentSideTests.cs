using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data.Entities;
using QuizPlatform.Grading;
using QuizPlatform.Web.Features.Marking;
using QuizPlatform.Web.Features.StudentHome;
using QuizPlatform.Web.Tests.Features.Attempts;
using QuizPlatform.Web.Tests.Features.QuizResults;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.ReviewQueue;

/// <summary>The review as Sam reads it on his results page and his home: provisional, reviewed, overridden, held.</summary>
public sealed class StudentSideTests
{
    [Theory, AllDatabaseProviders]
    public async Task AFlaggedAnswerIsProvisionalUntilTheInstructorAcceptsItThenReviewed(DatabaseProvider provider)
    {
        await using var scene = await SamsSceneAsync(provider);
        using var sam = await scene.Fixture.ClientAsync("sam@quiz.local");

        var before = ResultsScene.Question(await ResultsScene.PageAsync(sam, scene.AttemptId), 1);
        var clear = ResultsScene.Question(await ResultsScene.PageAsync(sam, scene.AttemptId), 2);
        var homeBefore = await HomeAsync(scene);
        await scene.MarkAsync(Mark.Accept());
        var after = ResultsScene.Question(await ResultsScene.PageAsync(sam, scene.AttemptId), 1);
        var homeAfter = await HomeAsync(scene);

        Assert.Contains("Provisional: your instructor will look at this answer.", before.Text());
        Assert.Contains("0.5 of 1 point · provisional", before.Text());
        Assert.DoesNotContain("Provisional", clear.Text());
        Assert.DoesNotContain("Reviewed by your instructor", clear.Text());
        Assert.True(homeBefore.ScoreProvisional);
        Assert.Contains("Reviewed by your instructor.", after.Text());
        Assert.DoesNotContain("Provisional", after.Text());
        Assert.Contains("0.5 of 1 point", after.Text());
        Assert.False(homeAfter.ScoreProvisional);
    }

    [Theory, AllDatabaseProviders]
    public async Task AnAcceptedAnswerNoLongerSaysTheInstructorWillLookAtIt(DatabaseProvider provider)
    {
        await using var f = await ResultsFixture.CreateAsync(provider);
        var quiz = await f.AddQuizAsync(q => q.AttemptsAllowed = 1);
        // Six words, no function word and no verb: the grader flags a list of keywords for review.
        const string List = "filters edges weights kernels pooling layers";
        var attemptId = await f.AnswerAndGradeAsync(quiz, f.Scene.Sam, List);
        using var sam = await f.ClientAsync("sam@quiz.local");

        var before = ResultsScene.Question(await ResultsScene.PageAsync(sam, attemptId), 1);
        await using (var db = f.App.Services.CreateDbContext())
        {
            var grade = db.Grades.Single(g => g.Response.AttemptId == attemptId && g.Response.Text == List);
            Assert.IsType<MarkOutcome.Marked>(await f.App.Services.GetRequiredService<GradeMarks>()
                .MarkAsync(f.Alice, grade.Id, grade.Revision, Mark.Accept()));
        }
        var after = ResultsScene.Question(await ResultsScene.PageAsync(sam, attemptId), 1);

        Assert.Contains("Provisional: your instructor will look at this answer.", before.Text());
        Assert.Contains("The answer is a list of words rather than sentences", before.Text());
        Assert.Contains("Reviewed by your instructor.", after.Text());
        Assert.Contains("The answer is a list of words rather than sentences", after.Text());
        Assert.DoesNotContain("will look at this answer", after.Text());
    }

    [Theory, AllDatabaseProviders]
    public async Task AnOverrideShowsTheNewScoreAndItsReasonOnlyWhenTheInstructorShowsIt(DatabaseProvider provider)
    {
        await using var scene = await SamsSceneAsync(provider);
        using var sam = await scene.Fixture.ClientAsync("sam@quiz.local");

        await scene.MarkAsync(Mark.Override(1, "Private note", reasonShown: false));
        var unshown = ResultsScene.Question(await ResultsScene.PageAsync(sam, scene.AttemptId), 1);
        await scene.MarkAsync(Mark.Override(0.75, "Pooling is named, in other words", reasonShown: true));
        var page = await ResultsScene.PageAsync(sam, scene.AttemptId);
        var shown = ResultsScene.Question(page, 1);

        Assert.Contains("1 of 1 point · set by your instructor", unshown.Text());
        Assert.DoesNotContain("Private note", unshown.Text());
        Assert.Contains("0.75 of 1 point · set by your instructor", shown.Text());
        Assert.Contains("Reviewed by your instructor.", shown.Text());
        Assert.Contains("Your instructor's note: Pooling is named, in other words", shown.Text());
        Assert.Contains("2.75 of 6 points", page.ByRole("region", "Your result")!.Text());
    }

    [Theory, AllDatabaseProviders]
    public async Task TheSummaryAtTheTopSaysWhatEachCardSaysAndLinksToIt(DatabaseProvider provider)
    {
        await using var scene = await SamsSceneAsync(provider);
        using var sam = await scene.Fixture.ClientAsync("sam@quiz.local");

        var before = Summary(await ResultsScene.PageAsync(sam, scene.AttemptId));
        await scene.MarkAsync(Mark.Override(0.75, "Pooling is named, in other words", reasonShown: true));
        var after = Summary(await ResultsScene.PageAsync(sam, scene.AttemptId));

        Assert.Equal(["Question 1 0.5 of 1 point Provisional", "Question 2 1 of 2 points Graded", "Question 3 1 of 3 points Graded"], before);
        Assert.Equal("Question 1 0.75 of 1 point Reviewed · score set by your instructor", after[0]);
    }

    /// <summary>The rows of the results page's summary table, checking that each links to its question's card.</summary>
    static string[] Summary(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.ByRole("region", "Questions at a glance")!.QuerySelectorAll("tbody tr").Select(row =>
        {
            var target = row.QuerySelector("a")!.GetAttribute("href")!.Split('#')[1];
            Assert.Equal(row.QuerySelector("a")!.Text(), page.GetElementById(target)!.Text());
            return row.Text();
        }).ToArray();

    [Theory, AllDatabaseProviders]
    public async Task HeldScoresStayHiddenEverywhereUntilTheQueueIsEmpty(DatabaseProvider provider)
    {
        await using var scene = await SamsSceneAsync(provider, q => q.HoldScoresUntilReviewed = true);
        // Ann's borderline answer is in the same queue: Sam's scores wait for it too.
        var ann = await scene.Fixture.StudentAsync("Ann", scene.Fixture.AlgebraId);
        await scene.Fixture.AttemptAsync(scene.QuizId, ann, 1, SubmittedBy.Student, [new(0.7), new(2), new(3)]);
        using var sam = await scene.Fixture.ClientAsync("sam@quiz.local");

        var held = await ResultsScene.PageAsync(sam, scene.AttemptId);
        var heldHome = await HomeAsync(scene);
        await scene.MarkAsync(Mark.Accept());
        var stillHeld = await HomeAsync(scene);
        await QueueScene.AcceptAllAsync(scene.Fixture, scene.QuizId);
        var shown = await ResultsScene.PageAsync(sam, scene.AttemptId);
        var shownHome = await HomeAsync(scene);

        Assert.Contains("Scores are held until your instructor has reviewed the answers.", held.ByRole("region", "Your result")!.Text());
        Assert.DoesNotContain(" of 6 points", held.Text());
        Assert.All(new[] { 1, 2, 3 }, n => Assert.DoesNotContain(" of ", ResultsScene.Question(held, n).QuerySelector(".question-score")!.Text()));
        Assert.Null(heldHome.Score);
        Assert.True(heldHome.ScoresHeld);
        Assert.True(stillHeld.ScoresHeld);
        Assert.Contains("2.5 of 6 points", shown.ByRole("region", "Your result")!.Text());
        Assert.DoesNotContain("Scores are held", shown.Text());
        Assert.Equal((2.5, false), (shownHome.Score, shownHome.ScoresHeld));
    }

    [Theory, AllDatabaseProviders]
    public async Task AQuizThatDoesNotHoldShowsScoresWhileTheQueueIsFull(DatabaseProvider provider)
    {
        await using var scene = await SamsSceneAsync(provider);
        using var sam = await scene.Fixture.ClientAsync("sam@quiz.local");

        var page = await ResultsScene.PageAsync(sam, scene.AttemptId);

        Assert.Contains("2.5 of 6 points", page.ByRole("region", "Your result")!.Text());
        Assert.DoesNotContain("Scores are held", page.Text());
        Assert.Equal(2.5, (await HomeAsync(scene)).Score);
    }

    sealed record SamsScene(ResultsFixture Fixture, int QuizId, int AttemptId, int FlaggedGradeId) : IAsyncDisposable
    {
        public async Task MarkAsync(Mark mark)
        {
            var marks = Fixture.App.Services.GetRequiredService<GradeMarks>();
            await using var db = Fixture.App.Services.CreateDbContext();
            var revision = db.Grades.Single(g => g.Id == FlaggedGradeId).Revision;
            Assert.IsType<MarkOutcome.Marked>(await marks.MarkAsync(Fixture.Alice, FlaggedGradeId, revision, mark));
        }

        public ValueTask DisposeAsync() => Fixture.DisposeAsync();
    }

    /// <summary>
    /// Sam's one allowed attempt at Alice's quiz, handed in and graded: Q1 flagged needs-review (0.5 of 1), Q2 and Q3
    /// clear (1 of 2 and 1 of 3, far from borderline).
    /// </summary>
    static async Task<SamsScene> SamsSceneAsync(DatabaseProvider provider, Action<Quiz>? adjust = null)
    {
        var fixture = await ResultsFixture.CreateAsync(provider);
        var quizId = await fixture.AddQuizAsync(q =>
        {
            q.AttemptsAllowed = 1;
            adjust?.Invoke(q);
        });
        var attemptId = await fixture.AttemptAsync(quizId, fixture.Scene.Sam, 1, SubmittedBy.Student,
            [new(0.5, GradeFlags.NeedsReview), new(1), new(1)]);
        await using var db = fixture.App.Services.CreateDbContext();
        var flagged = db.Grades.Where(g => g.Response.AttemptId == attemptId && g.Response.Position == 1).Select(g => g.Id).Single();
        return new SamsScene(fixture, quizId, attemptId, flagged);
    }

    static async Task<StudentQuiz> HomeAsync(SamsScene scene) =>
        Assert.Single(await scene.Fixture.App.Services.GetRequiredService<StudentQuizzes>().ListAsync(scene.Fixture.Scene.Sam),
            q => q.QuizId == scene.QuizId);
}
