using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Grading;
using QuizPlatform.Web.Features.Grading;
using QuizPlatform.Web.Features.StudentResults;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Attempts;

public sealed class AttemptResultsTests
{
    const string Answer1 = "It learns local filters that detect edges.";
    static readonly string[] Answers = [Answer1, "Pooling reduces the spatial size.", "Overfitting is fitting noise in the training data."];

    public static TheoryData<DatabaseProvider, ReviewVisibility, string, bool> ScoreSituations()
    {
        var data = new TheoryData<DatabaseProvider, ReviewVisibility, string, bool>();
        foreach (var provider in Enum.GetValues<DatabaseProvider>())
        {
            data.Add(provider, ReviewVisibility.Immediately, "open", true);
            data.Add(provider, ReviewVisibility.Never, "closed", false);
            data.Add(provider, ReviewVisibility.AfterClose, "open", false);
            data.Add(provider, ReviewVisibility.AfterClose, "closed", true);
            data.Add(provider, ReviewVisibility.AfterClose, "closed, but the student's extension runs on", false);
            data.Add(provider, ReviewVisibility.AfterClose, "without close time", false);
        }
        return data;
    }

    [Theory, MemberData(nameof(ScoreSituations))]
    public async Task ScoreIsShownOnlyWhenTheReviewPolicyAllowsItNow(DatabaseProvider provider, ReviewVisibility showScore,
        string quiz, bool shown)
    {
        await using var scene = await ResultsScene.CreateAsync(provider);
        var quizId = await scene.AddQuizAsync(q => q.ShowScore = showScore);
        var attemptId = await scene.GradedAsync(quizId, Answers);
        // The attempt was taken while the quiz was open; now time moves on (or the instructor changes the quiz).
        await scene.ChangeQuizAsync(quizId, q =>
        {
            q.ClosesAt = quiz == "open" ? q.ClosesAt : quiz == "without close time" ? null : scene.Now.AddMinutes(-1);
            if (quiz.Contains("extension"))
                q.Accommodations.Add(new Accommodation { StudentId = scene.Sam, ExtendedClosesAt = scene.Now.AddDays(1) });
        });

        var result = await scene.Results.LoadAsync(scene.Sam, attemptId);

        Assert.True(result!.GradingComplete);
        Assert.Equal(shown, result.TotalScore is not null);
        Assert.All(result.Questions, q => Assert.Equal(shown, q.Score is not null));
        using var sam = await scene.ClientAsync();
        var page = await ResultsScene.PageAsync(sam, attemptId);
        Assert.Equal(shown, page.ByRole("region", "Your result")!.Text().Contains(" of 6 points"));
        Assert.Equal(shown, ResultsScene.Question(page, 1).Text().Contains(" of 2 points"));
    }

    [Theory, AllDatabaseProviders]
    public async Task FeedbackHighlightsTheMatchedKeywordsInTheAnswerAndListsTheMissingOnes(DatabaseProvider provider)
    {
        await using var scene = await ResultsScene.CreateAsync(provider);
        var attemptId = await scene.GradedAsync(await scene.AddQuizAsync(), Answers);

        var feedback = (await scene.Results.LoadAsync(scene.Sam, attemptId))!.Questions[0].Feedback!;
        using var sam = await scene.ClientAsync();
        var page = await ResultsScene.PageAsync(sam, attemptId);

        Assert.Matches("Attempt 1 · handed in [^·]+ UTC by you", page.Text());
        Assert.EndsWith("Z", page.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal(["filters", "edges"], feedback.Matched.Select(k => k.Phrase));
        Assert.Equal(["weights"], feedback.Missing.Select(k => k.Phrase));
        var question1 = ResultsScene.Question(page, 1);
        var marks = question1.UnderHeading("Your answer").QuerySelectorAll("mark");
        Assert.Equal(["filters", "edges"], marks.Select(m => m.Text().Split(' ')[0]));
        Assert.Equal("filters (keyword \"filters\", exact match)", marks[0].Text()); // what a screen reader says
        // Grading:Meaning is off in these tests: keyword grades, with nothing left for a meaning pass.
        Assert.Contains("Scored by keywords.", question1.Text());
        Assert.Equal(0, await scene.App.Services.GetRequiredService<MeaningGrading>().GradeAllPendingAsync());
        Assert.Equal(["weights"], question1.UnderHeading("Keywords missing").QuerySelectorAll("li").Select(i => i.Text()));
    }

    [Theory, AllDatabaseProviders]
    public async Task KeywordFeedbackNeverShownLeavesTheAnswerUnmarked(DatabaseProvider provider)
    {
        await using var scene = await ResultsScene.CreateAsync(provider);
        var attemptId = await scene.GradedAsync(await scene.AddQuizAsync(q => q.ShowKeywordFeedback = ReviewVisibility.Never), Answers);

        var result = await scene.Results.LoadAsync(scene.Sam, attemptId);
        using var sam = await scene.ClientAsync();
        var page = await ResultsScene.PageAsync(sam, attemptId);

        Assert.All(result!.Questions, q => Assert.Null(q.Feedback));
        Assert.Contains(Answer1, page.Text());
        Assert.Empty(page.QuerySelectorAll("mark"));
        Assert.Null(page.ByRole("heading", "Keywords missing"));
        Assert.Contains("Feedback on keywords is not shown for this quiz.", page.Text());
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres, ReviewVisibility.Immediately, true)]
    [InlineData(DatabaseProvider.Sqlite, ReviewVisibility.Immediately, true)]
    [InlineData(DatabaseProvider.Postgres, ReviewVisibility.AfterClose, false)]
    [InlineData(DatabaseProvider.Sqlite, ReviewVisibility.Never, false)]
    public async Task ModelAnswerIsShownOnlyWhenAllowed(DatabaseProvider provider, ReviewVisibility showModelAnswer, bool shown)
    {
        await using var scene = await ResultsScene.CreateAsync(provider);
        var attemptId = await scene.GradedAsync(await scene.AddQuizAsync(q => q.ShowModelAnswer = showModelAnswer), Answers);

        var result = await scene.Results.LoadAsync(scene.Sam, attemptId);
        using var sam = await scene.ClientAsync();
        var page = await ResultsScene.PageAsync(sam, attemptId);

        Assert.Equal(shown ? ResultsScene.ModelAnswer1 : null, result!.Questions[0].ModelAnswer);
        Assert.Equal(shown, page.Text().Contains(ResultsScene.ModelAnswer1));
        Assert.Equal(shown, page.ByRole("heading", "Model answer") is not null);
    }

    [Theory, AllDatabaseProviders]
    public async Task AnotherStudentsResultsAreNoneOfTheirsAndTheirPageIsNotFound(DatabaseProvider provider)
    {
        await using var scene = await ResultsScene.CreateAsync(provider);
        var attemptId = await scene.GradedAsync(await scene.AddQuizAsync(), Answers);
        var tess = await TestUsers.CreateUserIdAsync(scene.App, "tess@quiz.local", Roles.Student, "Tess");

        var result = await scene.Results.LoadAsync(tess, attemptId);
        using var client = await scene.ClientAsync("tess@quiz.local");
        using var response = await client.GetAsync($"/attempts/{attemptId}/results");

        Assert.Null(result);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(Answer1, await response.Content.ReadAsStringAsync());
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => scene.Results.LoadAsync(scene.Scene.Alice, attemptId));
    }

    [Theory, AllDatabaseProviders]
    public async Task MarkupInTheAnswerIsShownAsText(DatabaseProvider provider)
    {
        await using var scene = await ResultsScene.CreateAsync(provider);
        var attemptId = await scene.GradedAsync(await scene.AddQuizAsync(), "<script>alert(1)</script> learns filters <b>edges</b>");

        using var sam = await scene.ClientAsync();
        var page = await ResultsScene.PageAsync(sam, attemptId);

        var answer = ResultsScene.Question(page, 1).UnderHeading("Your answer");
        Assert.StartsWith("<script>alert(1)</script> learns filters", answer.Text());
        Assert.Contains("<b>edges", answer.Text());
        Assert.Empty(answer.QuerySelectorAll("script, b"));
        Assert.Contains(answer.QuerySelectorAll("mark"), m => m.Text().StartsWith("edges"));
    }

    [Theory, AllDatabaseProviders]
    public async Task UngradedAttemptSaysItIsBeingGradedAndWaitsWithoutReloadingItself(DatabaseProvider provider)
    {
        await using var scene = await ResultsScene.CreateAsync(provider);
        var attemptId = await scene.SubmitAsync(await scene.AddQuizAsync(), Answers);
        using var sam = await scene.ClientAsync();

        var ungraded = await scene.Results.LoadAsync(scene.Sam, attemptId);
        var waiting = await ResultsScene.PageAsync(sam, attemptId);
        await scene.GradeAsync(attemptId);
        var graded = await ResultsScene.PageAsync(sam, attemptId);

        Assert.False(ungraded!.GradingComplete);
        Assert.Equal(GradingStage.Grading, ungraded.Stage);
        Assert.Null(ungraded.TotalScore);
        Assert.All(ungraded.Questions, q => Assert.False(q.Graded));
        Assert.Contains("Your answers are being graded.", waiting.Text());
        Assert.DoesNotContain(" of 6 points", waiting.Text());
        AssertWaitsInPlace(waiting, attemptId, "grading");
        Assert.DoesNotContain("being graded", graded.Text());
        Assert.Null(graded.QuerySelector("grading-progress"));
        Assert.Null(graded.ByRole("link", "Check again"));
        Assert.Contains(" of 6 points", graded.ByRole("region", "Your result")!.Text());
    }

    [Theory, AllDatabaseProviders]
    public async Task ScoresAwaitingTheMeaningPassAreShownAndThePageWaitsForItWhereItShowsScores(DatabaseProvider provider)
    {
        await using var scene = await ResultsScene.CreateAsync(provider);
        var shown = await scene.GradedAsync(await scene.AddQuizAsync(), Answers);
        var held = await scene.GradedAsync(await scene.AddQuizAsync(q => q.ShowScore = ReviewVisibility.AfterClose), Answers);
        await using (var db = scene.App.Services.CreateDbContext())
            await db.Grades.ExecuteUpdateAsync(g => g.SetProperty(x => x.MeaningPending, true));
        using var sam = await scene.ClientAsync();

        var page = await ResultsScene.PageAsync(sam, shown);
        var withoutScores = await ResultsScene.PageAsync(sam, held);

        Assert.Equal(GradingStage.Meaning, (await scene.Results.LoadAsync(scene.Sam, shown))!.Stage);
        Assert.Contains(" of 6 points", page.ByRole("region", "Your result")!.Text());
        Assert.Contains("the meaning check is still running", page.ByRole("region", "Your result")!.Text());
        AssertWaitsInPlace(page, shown, "meaning");
        Assert.Null(withoutScores.QuerySelector("grading-progress"));
        Assert.Null(withoutScores.ByRole("link", "Check again"));
    }

    /// <summary>
    /// The page waits for <paramref name="stage"/> to pass without a meta refresh (axe's meta-refresh, WCAG 2.2.1): its
    /// script asks how far grading has come, and without script a Check again link loads it again.
    /// </summary>
    static void AssertWaitsInPlace(AngleSharp.Dom.IDocument page, int attemptId, string stage)
    {
        Assert.Null(page.QuerySelector("meta[http-equiv=refresh]"));
        Assert.Equal($"attempts/{attemptId}/results", page.ByRole("link", "Check again")?.GetAttribute("href"));
        var progress = page.QuerySelector("grading-progress");
        Assert.Equal((stage, $"api/attempts/{attemptId}/grading"), (progress?.GetAttribute("stage"), progress?.GetAttribute("data-url")));
        Assert.NotNull(page.ByRole("status", "")); // empty: where the script says what changed
    }

    [Theory, AllDatabaseProviders]
    public async Task InstructorsOverrideIsTheScoreTheStudentSees(DatabaseProvider provider)
    {
        await using var scene = await ResultsScene.CreateAsync(provider);
        var attemptId = await scene.GradedAsync(await scene.AddQuizAsync(), Answers);
        var before = await scene.Results.LoadAsync(scene.Sam, attemptId);
        await using (var db = scene.App.Services.CreateDbContext())
        {
            var grade = await db.Grades.Where(g => g.Response.AttemptId == attemptId).OrderBy(g => g.Response.Position).FirstAsync();
            (grade.OverrideScore, grade.OverriddenById, grade.OverrideReason, grade.OverriddenAt) =
                (1.25, scene.Scene.Alice, "Partly right", scene.Now);
            var explanation = GradeExplanation.Parse(grade.Explanation);
            grade.Explanation = (explanation with { Flags = [.. explanation.Flags, GradeFlags.RequiredMissing] }).ToJson();
            await db.SaveChangesAsync();
        }

        var after = await scene.Results.LoadAsync(scene.Sam, attemptId);
        using var sam = await scene.ClientAsync();
        var page = await ResultsScene.PageAsync(sam, attemptId);

        Assert.Equal((1.25, true), (after!.Questions[0].Score, after.Questions[0].ScoreOverridden));
        Assert.Equal(before!.TotalScore!.Value - before.Questions[0].Score!.Value + 1.25, after.TotalScore!.Value, 6);
        Assert.Contains("1.25 of 2 points", ResultsScene.Question(page, 1).Text());
        Assert.Contains("set by your instructor", ResultsScene.Question(page, 1).Text());
        var scoredBy = ResultsScene.Question(page, 1).QuerySelector("[data-scored-by]")!.Text();
        Assert.Equal("Your instructor set this score; the keywords marked are what the grader found.", scoredBy);
        // What the grader saw stays; that it capped its own score no longer holds.
        Assert.Equal("A required keyword is missing.", ResultsScene.Question(page, 1).QuerySelector("[data-flag=required-missing]")?.Text());
    }

    [Theory, AllDatabaseProviders]
    public async Task EmptyAnswersShareOneLineEachOpeningItsCardWithoutARegradeForm(DatabaseProvider provider)
    {
        await using var scene = await ResultsScene.CreateAsync(provider);
        var quizId = await scene.AddQuizAsync(q => q.RegradeRequestWindow = TimeSpan.FromDays(7));
        var attemptId = await scene.GradedAsync(quizId, Answer1, "", "  ");
        using var sam = await scene.ClientAsync();

        var page = await ResultsScene.PageAsync(sam, attemptId);

        // A card for each empty answer listed every keyword as missing and offered a regrade of nothing.
        Assert.NotNull(page.ByRole("region", "Question 1"));
        Assert.Null(page.ByRole("region", "Question 2"));
        Assert.Null(page.ByRole("region", "Question 3"));
        var line = page.ByRole("region", "Left empty: 2 questions") ?? throw new InvalidOperationException("No line of empty answers.");
        var links = line.QuerySelectorAll("a");
        Assert.Equal(["Question 2", "Question 3"], links.Select(a => a.Text()));
        Assert.Contains("Empty answers earn no points and cannot be regraded.", line.Text());
        var summaryRow = page.QuerySelector("[data-summary-question='2']")!;
        Assert.Equal(links[0].GetAttribute("href"), summaryRow.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Left empty", summaryRow.QuerySelectorAll("td")[1].Text());

        var opened = await sam.GetPageAsync("/" + links[0].GetAttribute("href"));
        var card = ResultsScene.Question(opened, 2);
        Assert.Contains("No answer.", card.Text());
        Assert.DoesNotContain("Ask for a regrade", card.Text());
        Assert.Contains("Ask for a regrade", ResultsScene.Question(opened, 1).Text());
        Assert.Null(opened.ByRole("region", "Question 3"));
    }

    [Theory, AllDatabaseProviders]
    public async Task ATotalWithAProvisionalScoreSaysItIsProvisional(DatabaseProvider provider)
    {
        await using var scene = await ResultsScene.CreateAsync(provider);
        var attemptId = await scene.GradedAsync(await scene.AddQuizAsync(), Answers);
        await using (var db = scene.App.Services.CreateDbContext())
        {
            var grade = await db.Grades.Where(g => g.Response.AttemptId == attemptId).OrderBy(g => g.Response.Position).FirstAsync();
            grade.Flags |= GradeFlags.NeedsReview;
            await db.SaveChangesAsync();
        }
        using var sam = await scene.ClientAsync();

        var page = await ResultsScene.PageAsync(sam, attemptId);

        // The home page said "provisional" of this total; the results page showed it as final.
        Assert.Contains("Provisional: your instructor will look at 1 answer marked provisional below, and the total may change.",
            page.ByRole("region", "Your result")!.Text());
        Assert.Contains("provisional", ResultsScene.Question(page, 1).Text());
    }

    [Theory, AllDatabaseProviders]
    public async Task AttemptNotHandedInRedirectsToTheQuizPage(DatabaseProvider provider)
    {
        await using var scene = await ResultsScene.CreateAsync(provider);
        var attemptId = await scene.AnswerAsync(await scene.AddQuizAsync(), Answers);

        using var sam = await scene.ClientAsync();
        using var response = await sam.GetAsync($"/attempts/{attemptId}/results");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/attempts/{attemptId}", response.Headers.Location!.AbsolutePath);
    }

    [Theory, AllDatabaseProviders]
    public async Task AttemptWhoseTimeRanOutSaysItIsBeingHandedInRatherThanSendingBackToTheQuiz(DatabaseProvider provider)
    {
        await using var scene = await ResultsScene.CreateAsync(provider);
        var attemptId = await scene.AnswerAsync(await scene.AddQuizAsync(), Answers);
        await using (var db = scene.App.Services.CreateDbContext())
            await db.Attempts.Where(a => a.Id == attemptId).ExecuteUpdateAsync(a => a.SetProperty(x => x.Deadline, scene.Now.AddMinutes(-2)));

        var result = await scene.Results.LoadAsync(scene.Sam, attemptId);
        using var sam = await scene.ClientAsync();
        using var response = await sam.GetAsync($"/attempts/{attemptId}/results");

        Assert.True(result!.TimeUp);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Pages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Time ran out.", page.Text());
        Assert.Equal(GradingStage.NotHandedIn, result.Stage);
        AssertWaitsInPlace(page, attemptId, "not-handed-in");
    }
}
