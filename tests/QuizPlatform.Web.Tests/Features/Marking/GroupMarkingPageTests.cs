using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Tests.Features.QuizResults;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Marking;

/// <summary>Grading a group once on the by-question view: the groups as the instructor reads them, and one mark for each.</summary>
public sealed class GroupMarkingPageTests
{
    [Theory, AllDatabaseProviders]
    public async Task AGroupIsMarkedOnceAndItsOverriddenAnswersAreLeftUnlessTicked(DatabaseProvider provider)
    {
        await using var f = await ResultsFixture.CreateAsync(provider);
        var quiz = await f.AddQuizAsync();
        // Q1's keywords are filters, edges and weights: three answers say "edges" (one already overridden), one the others.
        var answers = new (string Name, FixtureAnswer Answer)[]
        {
            ("Ann", new(0.5, Text: "Edges.", Hits: "-e-")), ("Ben", new(0.5, Text: "edges", Hits: "-s-")),
            ("Cal", new(0.5, Override: 1, Text: "EDGES!", Hits: "-e-")), ("Dee", new(1, Text: "Weights and filters", Hits: "e-e")),
        };
        var grades = new Dictionary<string, int>();
        foreach (var (name, answer) in answers)
        {
            var attempt = await f.AttemptAsync(quiz, await f.StudentAsync(name, f.AlgebraId), 1, SubmittedBy.Student, [answer, null, null]);
            await using var db = f.App.Services.CreateDbContext();
            grades[name] = await db.Grades.Where(g => g.Response.AttemptId == attempt).Select(g => g.Id).SingleAsync();
        }
        int question;
        await using (var db = f.App.Services.CreateDbContext())
            question = await db.Grades.Where(g => g.Id == grades["Ann"]).Select(g => g.Response.QuestionId).SingleAsync();
        using var alice = await f.ClientAsync("alice@quiz.local");
        var byText = $"/quizzes/{quiz}/questions/{question}?group=text";

        var page = await alice.GetPageAsync(byText);
        Assert.NotNull(page.ByRole("heading", "4 answers, 2 groups"));
        var edges = page.ByRole("region", "3 answers: “edges”")!;
        Assert.Contains("Scores 0.5–1 of 1, mean 0.67 · 1 already overridden", edges.Text());
        Assert.NotNull(page.ByRole("region", "1 answer: “weights and filters”"));
        Assert.NotNull(edges.QuerySelector("label[for$=-overridden]"));
        Assert.Equal("Also change the answer already overridden", edges.QuerySelector("label[for$=-overridden]")!.Text());

        var accepted = await MarkingScene.SubmitAsync(alice, byText, "Mark 3 answers: “edges”", ("Input.Action", "Accept"));

        Assert.Equal("Accepted: 2 answers; 1 answer already overridden left as it was.",
            accepted.ByRole("region", "3 answers: “edges”")!.QuerySelector("[role=status]")!.Text());
        Assert.Equal([(GradeChangeSource.Group, 1), (GradeChangeSource.Group, 1), (GradeChangeSource.Group, 0)],
            await HistoryAsync(f, grades["Ann"], grades["Ben"], grades["Cal"]));

        // Accepted again, the group says nothing changed rather than "Accepted: 2 answers" (two marks the agreement does not gain).
        var again = await MarkingScene.SubmitAsync(alice, byText, "Mark 3 answers: “edges”", ("Input.Action", "Accept"));
        Assert.Equal("Accepted: 0 answers; 2 answers already accepted and 1 answer already overridden left as they were.",
            again.ByRole("region", "3 answers: “edges”")!.QuerySelector("[role=status]")!.Text());
        Assert.Equal([(GradeChangeSource.Group, 1), (GradeChangeSource.Group, 1), (GradeChangeSource.Group, 0)],
            await HistoryAsync(f, grades["Ann"], grades["Ben"], grades["Cal"]));

        var byKeywords = $"/quizzes/{quiz}/questions/{question}?group=keywords";
        var keywordGroups = await alice.GetPageAsync(byKeywords);
        Assert.NotNull(keywordGroups.ByRole("heading", "4 answers, 2 groups"));
        Assert.NotNull(keywordGroups.ByRole("region", "1 answer: filters, weights matched"));
        var overridden = await MarkingScene.SubmitAsync(alice, byKeywords, "Mark 3 answers: edges matched",
            ("Input.Action", "Override"), ("Input.Score", "0.75"), ("Input.Reason", "Half the idea"), ("Input.IncludeOverridden", "true"));

        Assert.Equal("Overridden: 3 answers.", overridden.ByRole("region", "3 answers: edges matched")!.QuerySelector("[role=status]")!.Text());
        Assert.Contains("Scores 0.75 of 1, mean 0.75 · 3 already overridden", overridden.ByRole("region", "3 answers: edges matched")!.Text());
        await using (var db = f.App.Services.CreateDbContext())
        {
            var cal = await db.Grades.Include(g => g.History).SingleAsync(g => g.Id == grades["Cal"]);
            Assert.Equal((0.75, "Half the idea"), (cal.OverrideScore!.Value, cal.OverrideReason));
            Assert.Equal((GradeChangeSource.Group, 1.0, 0.75), (cal.History[0].Source, cal.History[0].OldScore, cal.History[0].NewScore));
        }
    }

    [Theory, AllDatabaseProviders]
    public async Task AGroupWhoseScoresReadTheSameShowsOneScoreNotARange(DatabaseProvider provider)
    {
        await using var f = await ResultsFixture.CreateAsync(provider);
        var quiz = await f.AddQuizAsync();
        int? question = null;
        foreach (var (name, score) in new[] { ("Ann", 0.701), ("Ben", 0.704) })
        {
            var attempt = await f.AttemptAsync(quiz, await f.StudentAsync(name, f.AlgebraId), 1, SubmittedBy.Student,
                [new(score, Text: "Edges.", Hits: "-e-"), null, null]);
            await using var db = f.App.Services.CreateDbContext();
            question ??= await db.Responses.Where(r => r.AttemptId == attempt).Select(r => r.QuestionId).SingleAsync();
        }
        using var alice = await f.ClientAsync("alice@quiz.local");

        var page = await alice.GetPageAsync($"/quizzes/{quiz}/questions/{question}?group=keywords");

        Assert.Contains("Scores 0.7 of 1, mean 0.7", page.ByRole("region", "2 answers: edges matched")!.Text());
    }

    static async Task<List<(GradeChangeSource, int)>> HistoryAsync(ResultsFixture f, params int[] gradeIds)
    {
        await using var db = f.App.Services.CreateDbContext();
        var changes = await db.GradeChanges.Where(c => gradeIds.Contains(c.GradeId)).ToListAsync();
        return [.. gradeIds.Select(id => (GradeChangeSource.Group, changes.Count(c => c.GradeId == id && c.Source == GradeChangeSource.Group)))];
    }
}
