using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Web.Features.QuizResults;
using QuizPlatform.Web.Features.QuizResults.Export;
using QuizPlatform.Web.Tests.Infrastructure;

namespace QuizPlatform.Web.Tests.Features.QuizResults;

/// <summary>Exports read back as a spreadsheet program reads them: rows of cells, the header first.</summary>
internal static class ExportReading
{
    /// <summary>The table as <paramref name="actorId"/> would download it in CSV, through the export service.</summary>
    public static async Task<List<List<string>>> CsvAsync(QuizAppFactory app, string actorId, int quizId, string table, int? classId = null)
    {
        var export = await app.Services.GetRequiredService<QuizExports>().TableAsync(actorId, quizId, table, classId, CancellationToken.None);
        Assert.NotNull(export);
        return ParseCsv(await ExportFixtures.WriteAsync(CsvExport.WriteAsync, export));
    }

    public static List<List<string>> ParseCsv(byte[] bytes)
    {
        using var csv = CsvReader.Create(bytes, new CsvReaderOptions { HasHeader = false });
        var rows = new List<List<string>>();
        while (csv.Read())
            rows.Add([.. Enumerable.Range(0, csv.FieldCount).Select(csv.GetString)]);
        return rows;
    }
}
