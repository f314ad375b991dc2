using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace QuizPlatform.Web.Features.QuizResults.Export;

/// <summary>
/// Writes an <see cref="ExportTable"/> as one XLSX sheet with SpreadCheetah, which streams the zip as rows arrive.
/// Numbers are numbers and times are date cells shown as UTC ISO 8601, so a spreadsheet can sort and compute with
/// them; text is neutralised by <see cref="FormulaInjection"/> like the CSV, so a copy pasted on is safe too.
/// </summary>
public static class XlsxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly SpreadCheetahOptions Options = new()
    {
        DefaultDateTimeFormat = NumberFormat.Custom("yyyy-mm-dd\"T\"hh:mm:ss\"Z\""),
        // Answers are shown as typed, leading spaces included.
        PreserveStringWhitespace = true,
    };

    public static async Task WriteAsync(ExportTable table, Stream output, CancellationToken cancellationToken = default)
    {
        var buffered = new SynchronousWriteBuffer(output);
        await WriteSheetAsync(table, buffered, cancellationToken);
        await buffered.FlushAsync(cancellationToken);
    }

    private static async Task WriteSheetAsync(ExportTable table, Stream output, CancellationToken cancellationToken)
    {
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(output, Options, cancellationToken);
        await spreadsheet.StartWorksheetAsync(SheetName(table.Name), new WorksheetOptions { FrozenRows = 1 }, cancellationToken);
        var header = spreadsheet.AddStyle(new Style { Font = { Bold = true } });
        await spreadsheet.AddRowAsync(table.Columns.Select(c => new Cell(FormulaInjection.Neutralise(c), header)).ToArray(), cancellationToken);
        // One buffer for every row: SpreadCheetah copies the cells out before AddRowAsync returns.
        var cells = new Cell[table.Columns.Count];
        await foreach (var row in table.CheckedRowsAsync(cancellationToken))
        {
            for (var i = 0; i < cells.Length; i++)
                cells[i] = ToCell(row[i]);
            await spreadsheet.AddRowAsync(cells, cancellationToken);
        }
        await spreadsheet.FinishAsync(cancellationToken);
    }

    private static Cell ToCell(ExportCell cell) => cell.Kind switch
    {
        ExportCellKind.Text => new Cell(FormulaInjection.Neutralise(cell.Text!)),
        ExportCellKind.Number => new Cell(cell.Number),
        ExportCellKind.Time => new Cell(cell.Time),
        _ => new Cell((string?)null),
    };

    /// <summary>Excel's rules for a sheet name: at most 31 characters, none of <c>[ ] : * ? / \</c>, not empty.</summary>
    public static string SheetName(string name)
    {
        var cleaned = new string(name.Select(c => "[]:*?/\\".Contains(c) ? ' ' : c).ToArray()).Trim().Trim('\'');
        return cleaned.Length == 0 ? "Sheet1" : cleaned[..Math.Min(cleaned.Length, 31)];
    }
}
