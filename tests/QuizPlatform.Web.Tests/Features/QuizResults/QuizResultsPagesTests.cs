using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data.Entities;
using QuizPlatform.Grading;
using QuizPlatform.Web.Features.Classes;
using QuizPlatform.Web.Features.Quizzes;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.QuizResults;

/// <summary>The results pages as the instructor reads them (prerendered, parsed by role, label and text).</summary>
public sealed class QuizResultsPagesTests
{
    [Theory, AllDatabaseProviders]
    public async Task DashboardShowsTheCountsTheSummaryAndEveryStudentsRow(DatabaseProvider provider)
    {
        await using var f = await ResultsFixture.CreateAsync(provider);
        var quiz = await QuizResultsFiguresTests.ClassOfSevenAsync(f);
        using var alice = await f.ClientAsync("alice@quiz.local");

        var page = await alice.GetPageAsync($"/quizzes/{quiz}/results");

        Assert.Equal("7", Figure(page, "Enrolled"));
        Assert.Equal("2", Figure(page, "Not started"));
        Assert.Equal("1", Figure(page, "In progress"));
        Assert.Equal("4 (2 by the student, 2 by the timer)", Figure(page, "Handed in"));
        Assert.Equal("3", Figure(page, "Graded"));
        Assert.Equal("1", Figure(page, "Answers flagged for review"));
        Assert.Equal("1", Figure(page, "Answers overridden"));
        Assert.Contains("3.33", page.ByRole("region", "Scores")!.Text());
        var students = page.ByRole("region", "Students and their counted attempts")!;
        string[] names = ["Ann", "Ben", "Cal", "Dee", "Eve", "Fay", "Sam"];
        var rows = students.QuerySelectorAll("tbody tr").Select((row, i) => (Name: names[i], Row: row)).ToDictionary(r => r.Name, r => r.Row);
        Assert.All(rows, r => Assert.StartsWith(r.Key, r.Value.Text()));
        Assert.Equal(names.Length, students.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("Algebra, Geometry Graded", rows["Ann"].Text());
        Assert.Contains("6 / 6", rows["Ann"].Text());
        Assert.Contains("3 / 6", rows["Ben"].Text());
        Assert.Contains("1 flagged", rows["Ben"].Text());
        Assert.Contains("1 overridden", rows["Ben"].Text());
        Assert.Contains("by the timer", rows["Cal"].Text());
        Assert.Contains("by the timer", rows["Dee"].Text());
        Assert.NotNull(rows["Ann"].ByRole("link", "Ann"));
        Assert.Null(rows["Fay"].QuerySelector("a"));
    }

    [Fact]
    public async Task NumberedStudentsAreListedInTheirNumbersOrder()
    {
        await using var f = await ResultsFixture.CreateAsync(DatabaseProvider.Postgres);
        var quiz = await f.AddQuizAsync();
        foreach (var name in new[] { "Pupil10", "Pupil2", "Pupil1" })
            await f.GradedAsync(quiz, await f.StudentAsync(name, f.AlgebraId), 1, 1, 1, 1);
        using var alice = await f.ClientAsync("alice@quiz.local");

        var page = await alice.GetPageAsync($"/quizzes/{quiz}/results");

        var names = page.ByRole("region", "Students and their counted attempts")!.QuerySelectorAll("tbody tr a").Select(a => a.Text()).ToList();
        Assert.Equal(["Pupil1", "Pupil2", "Pupil10"], names.Where(n => n.StartsWith("Pupil")));
        // The exports and the quiz editor's list of students for an accommodation use the same order.
        Assert.Equal(["Pupil1", "Pupil2", "Pupil10"], Pupils((await ExportReading.CsvAsync(f.App, f.Alice, quiz, "grades")).Select(r => r[0])));
        Assert.Equal(["Pupil1", "Pupil2", "Pupil10"], Pupils((await ExportReading.CsvAsync(f.App, f.Alice, quiz, "responses")).Select(r => r[0])));
        var choices = await f.App.Services.GetRequiredService<QuizChoices>().StudentsAsync(f.Alice, [f.AlgebraId]);
        Assert.Equal(["Pupil1", "Pupil2", "Pupil10"], Pupils(choices.Select(c => c.Name)));

        static IEnumerable<string> Pupils(IEnumerable<string> names) => names.Where(n => n.StartsWith("Pupil")).Distinct();
    }

    [Fact]
    public async Task StudentTakenOutOfTheClassAfterAnsweringIsCountedBesideTheEnrolledAndSaysWhy()
    {
        await using var f = await ResultsFixture.CreateAsync(DatabaseProvider.Postgres);
        var quiz = await QuizResultsFiguresTests.ClassOfSevenAsync(f);
        await using var db = f.App.Services.CreateDbContext();
        var ben = await db.Users.Where(u => u.DisplayName == "Ben").Select(u => u.Id).SingleAsync();
        Assert.True(await f.App.Services.GetRequiredService<ClassService>().RemoveStudentAsync(f.Alice, f.AlgebraId, ben));
        using var alice = await f.ClientAsync("alice@quiz.local");

        var page = await alice.GetPageAsync($"/quizzes/{quiz}/results");

        // 2 not started + 1 in progress + 4 handed in: the 7 students in the table, of whom 6 are enrolled.
        Assert.Equal("6 (and 1 no longer in the quiz's classes, with an attempt)", Figure(page, "Enrolled"));
        Assert.Equal("4 (2 by the student, 2 by the timer)", Figure(page, "Handed in"));
        var benRow = page.ByRole("region", "Students and their counted attempts")!.QuerySelectorAll("tbody tr").Single(r => r.Text().StartsWith("Ben"));
        Assert.Contains("No longer in the quiz's classes Graded", benRow.Text());
        var attempt = await alice.GetPageAsync("/" + benRow.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("No longer in the quiz's classes. This attempt and its grades count as before.", attempt.Text());
        // Marking question by question, the teacher reads it beside the answer too.
        var question = (await f.Results.LoadAsync(f.Alice, quiz))!.Questions[0].QuestionId;
        var answers = await alice.GetPageAsync($"/quizzes/{quiz}/questions/{question}");
        Assert.NotNull(answers.ByRole("heading", "Ben (no longer in the quiz's classes)"));
        Assert.NotNull(answers.ByRole("heading", "Ann"));
    }

    [Fact]
    public async Task AStudentDeactivatedAfterAnsweringIsMarkedSoOnTheDashboardTheirAttemptAndTheQuestionsAnswers()
    {
        await using var f = await ResultsFixture.CreateAsync(DatabaseProvider.Postgres);
        var quiz = await QuizResultsFiguresTests.ClassOfSevenAsync(f);
        await using (var db = f.App.Services.CreateDbContext())
            await db.Users.Where(u => u.DisplayName == "Ben").ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false));
        var data = (await f.Results.LoadAsync(f.Alice, quiz))!;
        var ben = data.Students.Single(s => s.Name == "Ben");
        using var alice = await f.ClientAsync("alice@quiz.local");

        var dashboard = await alice.GetPageAsync($"/quizzes/{quiz}/results");
        var attempt = await alice.GetPageAsync($"/quizzes/{quiz}/attempts/{ben.AttemptId}");
        var answers = await alice.GetPageAsync($"/quizzes/{quiz}/questions/{data.Questions[0].QuestionId}");

        var rows = dashboard.ByRole("region", "Students and their counted attempts")!.QuerySelectorAll("tbody tr");
        Assert.Contains("Account deactivated", rows.Single(r => r.Text().StartsWith("Ben")).Text());
        Assert.DoesNotContain("Account deactivated", rows.Single(r => r.Text().StartsWith("Ann")).Text());
        // Still counted as they were: enrolled, graded, their 3 points in the summary.
        Assert.Equal("7", Figure(dashboard, "Enrolled"));
        Assert.Equal("3", Figure(dashboard, "Graded"));
        Assert.Contains("The account is deactivated: the student cannot sign in. This attempt and its grades count as before.",
            attempt.Text());
        Assert.NotNull(answers.ByRole("heading", "Ben (account deactivated)"));
        Assert.NotNull(answers.ByRole("heading", "Ann"));
    }

    [Fact]
    public async Task AQuestionsAnswersLeadToTheQuestionsBeforeAndAfterItSortedAndGroupedAlike()
    {
        await using var f = await ResultsFixture.CreateAsync(DatabaseProvider.Postgres);
        var quiz = await QuizResultsFiguresTests.ClassOfSevenAsync(f);
        var questions = (await f.Results.LoadAsync(f.Alice, quiz))!.Questions.Select(q => q.QuestionId).ToList();
        using var alice = await f.ClientAsync("alice@quiz.local");

        var second = await alice.GetPageAsync($"/quizzes/{quiz}/questions/{questions[1]}?missed=1&sort=name&group=text");
        var first = await alice.GetPageAsync($"/quizzes/{quiz}/questions/{questions[0]}");

        // The missed keyword is the question's own; the view (sort, grouping) goes along.
        Assert.Equal(
            [("Previous question: Q1", $"quizzes/{quiz}/questions/{questions[0]}?sort=name&group=text"),
             ("Next question: Q3", $"quizzes/{quiz}/questions/{questions[2]}?sort=name&group=text")],
            second.ByRole("navigation", "Other questions")!.QuerySelectorAll("a").Select(a => (a.Text(), a.GetAttribute("href"))));
        Assert.Equal(["Next question: Q2"], first.ByRole("navigation", "Other questions")!.QuerySelectorAll("a").Select(a => a.Text()));
    }

    [Theory, AllDatabaseProviders]
    public async Task QuestionsAndConceptsPagesWarnAndNameTheMostMissedConcept(DatabaseProvider provider)
    {
        await using var f = await ResultsFixture.CreateAsync(provider);
        var quiz = await QuizResultsFiguresTests.ClassOfSevenAsync(f);
        using var alice = await f.ClientAsync("alice@quiz.local");

        var questions = await alice.GetPageAsync($"/quizzes/{quiz}/results/questions");
        var concepts = await alice.GetPageAsync($"/quizzes/{quiz}/results/concepts");

        var q1 = questions.QuerySelectorAll("tbody tr").First(r => r.QuerySelector("th")!.Text().StartsWith("Q1"));
        Assert.Contains("Fewer than 30 answers: read these figures with caution.", q1.Text());
        var columns = questions.QuerySelectorAll("thead th").Select(th => th.Text()).ToList();
        string Cell(string column) => q1.Children[columns.IndexOf(column)].Text();
        Assert.Equal(("0.50", "0.50"), (Cell("Mean"), Cell("Facility")));
        var mostMissed = concepts.UnderHeading("Most missed");
        Assert.Equal("\"edges\" (Q1): missed by 66.7 % of answers", mostMissed.QuerySelector("li")!.Text());
        Assert.NotNull(mostMissed.ByRole("link", "\"edges\""));
    }

    const string Sams = "It learns local filters that detect edges.";
    const string Anns = "The layer learns filters: weights that respond to edges and other local features of the image.";
    const string Bens = "It learns weights.";

    [Theory, AllDatabaseProviders]
    public async Task AttemptReviewMarksTheMatchedKeywordsAndNamesTheGraderVersion(DatabaseProvider provider)
    {
        await using var f = await ResultsFixture.CreateAsync(provider);
        var quiz = await f.AddQuizAsync();
        var attempt = await f.AnswerAndGradeAsync(quiz, f.Scene.Sam, Sams, "Pooling shrinks the map.", "");
        string version;
        await using (var db = f.App.Services.CreateDbContext())
            version = await db.Grades.Where(g => g.Response.AttemptId == attempt).Select(g => g.GraderVersion).FirstAsync();
        using var alice = await f.ClientAsync("alice@quiz.local");

        var page = await alice.GetPageAsync($"/quizzes/{quiz}/attempts/{attempt}");

        var q1 = page.ByRole("region", "Question 1 (assignment question 1)")!;
        Assert.Equal(["filters", "edges"], q1.QuerySelectorAll("mark").Select(m => m.GetAttribute("data-keywords")));
        Assert.Equal(["filters", "edges"], q1.QuerySelectorAll("mark").Select(m => m.FirstChild!.TextContent));
        // The answer reads whole once the marks' words for screen readers ("(keyword "edges", exact)") are left out.
        Assert.Contains(Sams, System.Text.RegularExpressions.Regex.Replace(q1.Text(), @" \(keyword [^)]*\)", ""));
        Assert.Equal("weights", Figure(q1, "Missing"));
        Assert.Equal($"version {version}", Figure(q1, "Grader"));
        Assert.Equal("Question 3", page.ByRole("region", "Left empty: 1 question")!.QuerySelector("p")!.Text());
    }

    [Theory, AllDatabaseProviders]
    public async Task AnAttemptStillBeingTakenIsNotSaidToBeBeingGraded(DatabaseProvider provider)
    {
        await using var f = await ResultsFixture.CreateAsync(provider);
        var quiz = await f.AddQuizAsync();
        var attempt = await f.AttemptAsync(quiz, f.Scene.Sam, 1, by: null, [new FixtureAnswer(null, Text: "Pooling shrinks")]);
        using var alice = await f.ClientAsync("alice@quiz.local");

        var text = (await alice.GetPageAsync($"/quizzes/{quiz}/attempts/{attempt}")).Text();

        Assert.Contains("not handed in yet", text);
        Assert.DoesNotContain("being graded", text);
    }

    [Theory, AllDatabaseProviders]
    public async Task ByQuestionFiltersNarrowAndSortTheAnswers(DatabaseProvider provider)
    {
        await using var f = await ResultsFixture.CreateAsync(provider);
        var quiz = await f.AddQuizAsync();
        var (ann, ben) = (await f.StudentAsync("Ann", f.AlgebraId), await f.StudentAsync("Ben", f.AlgebraId));
        await f.AnswerAndGradeAsync(quiz, f.Scene.Sam, Sams);
        await f.AnswerAndGradeAsync(quiz, ann, Anns);
        var bens = await f.AnswerAndGradeAsync(quiz, ben, Bens);
        int question;
        await using (var db = f.App.Services.CreateDbContext())
        {
            var grade = await db.Grades.Include(g => g.Response).Where(g => g.Response.AttemptId == bens).OrderBy(g => g.Response.Position).FirstAsync();
            grade.Flags |= GradeFlags.NeedsReview;
            question = grade.Response.QuestionId;
            await db.SaveChangesAsync();
        }
        using var alice = await f.ClientAsync("alice@quiz.local");
        async Task<string> ShownAsync(string query)
        {
            var page = await alice.GetPageAsync($"/quizzes/{quiz}/questions/{question}{query}");
            var status = page.QuerySelectorAll("[role=status]").Select(s => s.Text()).Single(t => t.Contains(" of 3 answers"));
            return $"{status}: {string.Join(", ", page.QuerySelectorAll("section.reviewed-answer h2").Select(h => h.Text()))}";
        }

        Assert.Equal("3 of 3 answers: Ann, Ben, Sam", await ShownAsync("?sort=name"));
        Assert.Equal("1 of 3 answers: Ben", await ShownAsync("?missed=1"));
        Assert.Equal("1 of 3 answers: Sam", await ShownAsync("?missed=2"));
        Assert.Equal("1 of 3 answers: Ben", await ShownAsync("?flag=review"));
        Assert.Equal("3 of 3 answers: Ben, Sam, Ann", await ShownAsync("?sort=length"));
    }

    [Theory, AllDatabaseProviders]
    public async Task ByQuestionEmptyAnswersShareOneLineAfterTheAnsweredOnesEachNameOpeningItsAttempt(DatabaseProvider provider)
    {
        await using var f = await ResultsFixture.CreateAsync(provider);
        var quiz = await f.AddQuizAsync();
        var (ann, ben) = (await f.StudentAsync("Ann", f.AlgebraId), await f.StudentAsync("Ben", f.AlgebraId));
        await f.AnswerAndGradeAsync(quiz, f.Scene.Sam, Sams);
        var anns = await f.AnswerAndGradeAsync(quiz, ann, " ");
        var bens = await f.AttemptAsync(quiz, ben, 1, SubmittedBy.Student, [new(0, Override: 0.5, Text: "")]);
        int question;
        await using (var db = f.App.Services.CreateDbContext())
            question = await db.Responses.Where(r => r.AttemptId == anns).OrderBy(r => r.Position).Select(r => r.QuestionId).FirstAsync();
        using var alice = await f.ClientAsync("alice@quiz.local");

        var page = await alice.GetPageAsync($"/quizzes/{quiz}/questions/{question}?sort=name");

        Assert.Contains("3 of 3 answers", page.Text());
        Assert.Equal(["Sam"], page.QuerySelectorAll("section.reviewed-answer h2").Select(h => h.Text()));
        var empty = page.QuerySelectorAll("p").Single(p => p.Text().StartsWith("Left empty by"));
        Assert.Equal("Left empty by 2 students: Ann, Ben (overridden: 0.5)", empty.Text());
        // Each name opens that empty answer's card, ready to be marked.
        Assert.Equal([$"quizzes/{quiz}/attempts/{anns}?empty=1#answer-1", $"quizzes/{quiz}/attempts/{bens}?empty=1#answer-1"],
            empty.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        // Where the name leads, the empty answer can be marked like any other.
        var attempt = await alice.GetPageAsync("/" + empty.QuerySelector("a")!.GetAttribute("href"));
        var card = attempt.ByRole("region", "Question 1 (assignment question 1)")!;
        Assert.Contains(card.QuerySelectorAll("label"), label => label.Text().StartsWith("Score (0 to"));
    }

    [Theory, AllDatabaseProviders]
    public async Task ATotalBesideQuestionScoresThatAddUpOtherwiseSaysItAddsTheUnroundedScores(DatabaseProvider provider)
    {
        const string Note = "Question scores are shown rounded to two decimals; the total adds the unrounded scores.";
        await using var f = await ResultsFixture.CreateAsync(provider);
        var quiz = await f.AddQuizAsync();
        var rounded = await f.GradedAsync(quiz, f.Scene.Sam, 1, 0.244, 0.134, 0);
        var exact = await f.GradedAsync(quiz, f.Scene.Sam, 2, 0.25, 0.5, 0);
        using var alice = await f.ClientAsync("alice@quiz.local");
        using var sam = await f.ClientAsync("sam@quiz.local");

        var review = (await alice.GetPageAsync($"/quizzes/{quiz}/attempts/{rounded}")).Text();
        var results = (await sam.GetPageAsync($"/attempts/{rounded}/results")).Text();

        // 0.24 + 0.13 + 0 would be 0.37.
        Assert.Contains("score 0.38 of 6", review);
        Assert.Contains(Note, review);
        Assert.Contains("0.38 of 6 points", results);
        Assert.Contains(Note, results);
        Assert.DoesNotContain(Note, (await alice.GetPageAsync($"/quizzes/{quiz}/attempts/{exact}")).Text());
        Assert.DoesNotContain(Note, (await sam.GetPageAsync($"/attempts/{exact}/results")).Text());
    }

    /// <summary>The figure a definition list gives for <paramref name="term"/>.</summary>
    static string Figure(AngleSharp.Dom.IParentNode page, string term) =>
        page.QuerySelectorAll("dt").Single(dt => dt.Text() == term).NextElementSibling!.Text();
}
