using System.Globalization;
using CsvHelper;

namespace QuizPlatform.Web.Features.QuizResults.Export;

/// <summary>
/// Writes an <see cref="ExportTable"/> as RFC 4180 CSV: UTF-8 with a byte order mark (so Excel reads accents right),
/// numbers in the invariant culture, times as UTC ISO 8601 (<c>2026-12-04T19:22:46Z</c>), text neutralised by
/// <see cref="FormulaInjection"/>. Rows go out as the writer's buffer fills, asynchronously (a response body refuses
/// synchronous writes), so memory stays flat whatever the size of the table.
/// </summary>
public static class CsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    // Injection is handled by FormulaInjection, the one rule for both formats, not by CsvHelper's own option.
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { WriteByteOrderMark = true, Injection = CsvInjection.None };

    public static async Task WriteAsync(ExportTable table, Stream output, CancellationToken cancellationToken = default)
    {
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        foreach (var column in table.Columns)
            csv.WriteField(FormulaInjection.Neutralise(column));
        await csv.EndRecordAsync(cancellationToken);
        await foreach (var row in table.CheckedRowsAsync(cancellationToken))
        {
            foreach (var cell in row)
                csv.WriteField(Format(cell));
            await csv.EndRecordAsync(cancellationToken);
        }
        await csv.FlushAsync(cancellationToken);
    }

    private static string Format(ExportCell cell) => cell.Kind switch
    {
        ExportCellKind.Text => FormulaInjection.Neutralise(cell.Text!),
        ExportCellKind.Number => cell.Number.ToString("R", CultureInfo.InvariantCulture),
        ExportCellKind.Time => cell.Time.ToString(TimeFormat, CultureInfo.InvariantCulture),
        _ => "",
    };
}
