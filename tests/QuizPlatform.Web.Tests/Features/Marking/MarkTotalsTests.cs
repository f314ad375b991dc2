using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Web.Features.Marking;
using QuizPlatform.Web.Features.QuizResults;
using QuizPlatform.Web.Tests.Features.QuizResults;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Marking;

/// <summary>One override, and every place that shows the student's total shows the new one; the live dashboard hears of it.</summary>
public sealed class MarkTotalsTests
{
    [Theory, AllDatabaseProviders]
    public async Task AnOverrideChangesTheTotalOnTheDashboardTheStudentsPagesAndTheExports(DatabaseProvider provider)
    {
        await using var s = await MarkingScene.CreateAsync(provider);
        using var alice = await s.Fixture.ClientAsync("alice@quiz.local");
        using var sam = await s.Fixture.ClientAsync("sam@quiz.local");
        var heard = 0;
        using var following = s.Fixture.App.Services.GetRequiredService<QuizActivity>().Follow(s.QuizId, () => Interlocked.Increment(ref heard));
        Assert.Equal(("3.5 / 6", "Score 3.5 of 6.", "3.5 of 6 points", "3.5"), await TotalsAsync(s, alice, sam));

        // Q3 (worth 3) from the grader's 2 to 3.
        await MarkingScene.SubmitAsync(alice, s.AttemptPage, "Mark Question 3 (assignment question 3)",
            ("Input.Action", "Override"), ("Input.Score", "3"), ("Input.Reason", "Complete after all"));

        Assert.Equal(("4.5 / 6", "Score 4.5 of 6.", "4.5 of 6 points", "4.5"), await TotalsAsync(s, alice, sam));
        await Eventually.ValueAsync(() => Task.FromResult(heard > 0 ? "heard" : null), "the dashboard to hear of the mark", timeoutSeconds: 10);
    }

    /// <summary>Sam's total on Alice's dashboard, on Sam's home, on Sam's results page and in the grades export.</summary>
    static async Task<(string, string, string, string)> TotalsAsync(MarkingScene s, HttpClient alice, HttpClient sam)
    {
        var dashboard = await alice.GetPageAsync($"/quizzes/{s.QuizId}/results");
        var row = dashboard.ByRole("region", "Students and their counted attempts")!.QuerySelectorAll("tbody tr").Single(r => r.Text().StartsWith("Sam"));
        var home = (await sam.GetPageAsync("/")).Text();
        var results = (await sam.GetPageAsync($"/attempts/{s.AttemptId}/results")).Text();
        var grades = await ExportReading.CsvAsync(s.Fixture.App, s.Alice, s.QuizId, "grades");
        var score = grades[0].IndexOf("Score");
        var samRow = grades.Single(r => r.Contains("Sam"));
        return (Find(row.Text(), @"\d+(\.\d+)? / 6"), Find(home, @"Score \d+(\.\d+)? of 6\."), Find(results, @"\d+(\.\d+)? of 6 points"), samRow[score]);
    }

    static string Find(string text, string pattern) =>
        System.Text.RegularExpressions.Regex.Match(text, pattern) is { Success: true } m ? m.Value : $"no \"{pattern}\" in: {text}";
}
