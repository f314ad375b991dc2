using System.Net;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using static QuizPlatform.Web.Tests.Features.QuizResults.ExportFixtures;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.QuizResults;

/// <summary>The downloads as the owner gets them over HTTP, read back with the columns docs/exports.md promises.</summary>
public sealed class QuizExportsHttpTests
{
    static readonly string[] GradesColumns = ["Student", "Email", "Account", "Classes", "Status", "Attempt id", "Started (UTC)",
        "Handed in (UTC)", "Handed in by", "Score", "Max points", "Percent", "Q1", "Q2", "Q3"];
    static readonly string[] ResponsesColumns = ["Student", "Email", "Attempt id", "Question", "Assignment question", "Points",
        "Answer", "Grader score", "Override score", "Override reason", "Score", "Coverage", "Matched keywords", "Missing keywords",
        "Flags", "Grader version", "Graded (UTC)"];
    static readonly string[] ItemsColumns = ["Question", "Assignment question", "Points", "Answers", "Mean", "Facility",
        "Standard deviation", "Discrimination", "Empty share", "Flagged share", "Overridden share", "Warnings"];

    [Theory, AllDatabaseProviders]
    public async Task CsvAndXlsxHoldARowPerStudentAndPerAnswerWithFormulasDefused(DatabaseProvider provider)
    {
        await using var f = await ResultsFixture.CreateAsync(provider);
        var quiz = await f.AddQuizAsync();
        var ann = await f.StudentAsync("Ann", f.AlgebraId);
        var ben = await f.StudentAsync("Ben", f.AlgebraId);
        await f.AttemptAsync(quiz, ann, 1, SubmittedBy.Student, [new(1, Text: Hyperlink), new(2, Text: MultiLine), new(0, Text: "")]);
        await f.GradedAsync(quiz, ben, 1, 0, 1, 1);
        await f.StudentAsync("Fay", f.GeometryId);
        using var alice = await f.ClientAsync("alice@quiz.local");

        var grades = await DownloadAsync(alice, $"/quizzes/{quiz}/export/grades.csv", "text/csv");
        var responses = await DownloadAsync(alice, $"/quizzes/{quiz}/export/responses.csv", "text/csv");
        var items = await DownloadAsync(alice, $"/quizzes/{quiz}/export/items.csv", "text/csv");
        var responsesXlsx = await DownloadAsync(alice, $"/quizzes/{quiz}/export/responses.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        Assert.Equal([0xEF, 0xBB, 0xBF], grades.Take(3));
        var gradeRows = ExportReading.ParseCsv(grades);
        Assert.Equal(GradesColumns, gradeRows[0]);
        Assert.Equal(["Ann", "Ben", "Fay", "Sam"], gradeRows.Skip(1).Select(r => r[0]));
        Assert.Equal(["Graded", "3", "6", "50", "1", "2", "0"], gradeRows[1].Skip(4).Take(1).Concat(gradeRows[1].Skip(9)));
        Assert.Equal(["Not started", ""], [gradeRows[4][4], gradeRows[4][9]]);
        var geometry = ExportReading.ParseCsv(await DownloadAsync(alice, $"/quizzes/{quiz}/export/grades.csv?class={f.GeometryId}", "text/csv"));
        Assert.Equal(["Fay"], geometry.Skip(1).Select(r => r[0]));

        var responseRows = ExportReading.ParseCsv(responses);
        Assert.Equal(ResponsesColumns, responseRows[0]);
        Assert.Equal(7, responseRows.Count);
        var answer = Array.IndexOf(ResponsesColumns, "Answer");
        Assert.Equal(["'" + Hyperlink, MultiLine, ""], responseRows.Where(r => r[0] == "Ann").Select(r => r[answer]));
        Assert.Equal(["Q1", "Q2", "Q3"], responseRows.Where(r => r[0] == "Ben").Select(r => r[3]));

        var itemRows = ExportReading.ParseCsv(items);
        Assert.Equal(ItemsColumns, itemRows[0]);
        Assert.Equal(["Q1", "Q2", "Q3"], itemRows.Skip(1).Select(r => r[0]));
        // Q1: 1 and 0 of 1 point; every statistic rounded as the page shows it (the deviation is 0.7071...).
        Assert.Equal(["2", "0.5", "0.5", "0.71"], itemRows[1].Skip(3).Take(4));

        var (_, sheet) = ReadXlsx(responsesXlsx);
        Assert.Equal(responseRows.Count, sheet.Count);
        Assert.Equal(ResponsesColumns, sheet[0]);
        Assert.Equal(responseRows.Select(r => r[answer].Replace("\r\n", "\n")), sheet.Select(r => r[answer]));
    }

    [Theory, AllDatabaseProviders]
    public async Task GradesCarryTotalsAndPercentsAsASpreadsheetShowsThemWithoutFloatNoise(DatabaseProvider provider)
    {
        await using var f = await ResultsFixture.CreateAsync(provider);
        var quiz = await f.AddQuizAsync();
        // 0.7 + 0.2 adds up to 0.8999999999999999 in binary floating point, and 0.9 of 6 points is 15 %.
        await f.GradedAsync(quiz, await f.StudentAsync("Ann", f.AlgebraId), 1, 0.7, 0.2, 0);
        using var alice = await f.ClientAsync("alice@quiz.local");

        var rows = ExportReading.ParseCsv(await DownloadAsync(alice, $"/quizzes/{quiz}/export/grades.csv", "text/csv"));

        Assert.Equal(["0.9", "6", "15"], rows[1].Skip(9).Take(3));
    }

    [Fact]
    public async Task GradesSayWhoIsNoLongerInTheQuizsClassesAndWhoseAccountIsDeactivatedAndStillCountTheirScores()
    {
        await using var f = await ResultsFixture.CreateAsync(DatabaseProvider.Postgres);
        var quiz = await f.AddQuizAsync();
        var ann = await f.StudentAsync("Ann", f.AlgebraId);
        var ben = await f.StudentAsync("Ben", f.AlgebraId);
        await f.GradedAsync(quiz, ann, 1, 1, 2, 0);
        await f.GradedAsync(quiz, ben, 1, 0, 1, 1);
        // After answering, Ann is taken out of Algebra and an admin deactivates Ben.
        await using (var db = f.App.Services.CreateDbContext())
        {
            await db.Enrollments.Where(e => e.StudentId == ann).ExecuteDeleteAsync();
            await db.Users.Where(u => u.Id == ben).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false));
        }
        using var alice = await f.ClientAsync("alice@quiz.local");

        var rows = ExportReading.ParseCsv(await DownloadAsync(alice, $"/quizzes/{quiz}/export/grades.csv", "text/csv"));

        Assert.Equal(GradesColumns, rows[0]);
        string[] Columns(IReadOnlyList<string> row, params string[] names) => [.. names.Select(name => row[Array.IndexOf(GradesColumns, name)])];
        Assert.Equal(
            [["Ann", "Active", "No longer in the quiz's classes", "Graded", "3"],
             ["Ben", "Deactivated", "Algebra", "Graded", "2"],
             ["Sam", "Active", "Algebra", "Not started", ""]],
            rows.Skip(1).Select(r => Columns(r, "Student", "Account", "Classes", "Status", "Score")));
    }

    static async Task<byte[]> DownloadAsync(HttpClient client, string url, string contentType)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{url} may be cached");
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
