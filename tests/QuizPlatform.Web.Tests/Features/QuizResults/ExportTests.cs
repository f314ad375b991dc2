using System.Globalization;
using CsvHelper;
using QuizPlatform.Web.Features.QuizResults.Export;
using static QuizPlatform.Web.Tests.Features.QuizResults.ExportFixtures;

namespace QuizPlatform.Web.Tests.Features.QuizResults;

public class ExportTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1 bonus", "'+1 bonus")]
    [InlineData("-3 for copying", "'-3 for copying")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tindented", "'\tindented")]
    [InlineData("\rcarriage", "'\rcarriage")]
    [InlineData(" =1+1", "' =1+1")] // spreadsheets that trim a cell on import would run it
    [InlineData("\n@SUM(A1)", "'\n@SUM(A1)")]
    [InlineData("\uFF1D1+1", "'\uFF1D1+1")] // fullwidth signs, which an East Asian spreadsheet may read as ASCII
    [InlineData("\uFF0B1", "'\uFF0B1")]
    [InlineData("\uFF0D3", "'\uFF0D3")]
    [InlineData("\uFF20SUM(A1)", "'\uFF20SUM(A1)")]
    [InlineData(" indented prose", " indented prose")]
    [InlineData("Overfitting = memorising", "Overfitting = memorising")]
    [InlineData("", "")]
    public void TextThatASpreadsheetWouldRunGetsALeadingQuote(string text, string written)
    {
        Assert.Equal(written, FormulaInjection.Neutralise(text));
    }

    [Fact]
    public async Task CsvRoundTripsWithABomUtcTimesAndInvariantNumbers()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE"); // a decimal comma must not leak into the file
        byte[] bytes;
        try { bytes = await WriteAsync(CsvExport.WriteAsync, Responses()); }
        finally { CultureInfo.CurrentCulture = culture; }

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        using var csv = CsvReader.Create(bytes, new CsvReaderOptions { HasHeader = false });
        var rows = new List<string[]>();
        while (csv.Read())
            rows.Add(Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray());
        Assert.Equal(Columns, rows[0]);
        Assert.Equal(["Ada", "'" + Hyperlink, "2.5", "2026-12-04T10:15:30Z", ""], rows[1]);
        Assert.Equal(["Bob", MultiLine, "-1", "2026-12-04T10:00:00Z", "'-3 for copying"], rows[2]);
        Assert.Equal(["'@carl", "'\tindented", "0.1", "", "'+1 bonus"], rows[3]);
        Assert.Equal(4, rows.Count);
    }

    [Fact]
    public async Task XlsxRoundTripsWithTypedCellsAndTheSameNeutralisedText()
    {
        var (sheet, rows) = ReadXlsx(await WriteAsync(XlsxExport.WriteAsync, Responses()));

        Assert.Equal("Responses  Q1 Q2", sheet);
        Assert.Equal(Columns, rows[0]);
        Assert.Equal(["Ada", "'" + Hyperlink, "2.5"], rows[1].Take(3));
        Assert.Equal(HandedIn, DateTime.FromOADate(double.Parse(rows[1][3], CultureInfo.InvariantCulture)));
        // XML readers turn a written CR LF into LF (as Excel shows it: one line break)
        Assert.Equal(["Bob", MultiLine.Replace("\r\n", "\n"), "-1"], rows[2].Take(3));
        Assert.Equal(new DateTime(2026, 12, 4, 10, 0, 0), DateTime.FromOADate(double.Parse(rows[2][3], CultureInfo.InvariantCulture)));
        Assert.Equal("'-3 for copying", rows[2][4]);
        Assert.Equal(["'@carl", "'\tindented", "0.1", "", "'+1 bonus"], rows[3]);
        Assert.Equal(4, rows.Count);
    }

    [Fact]
    public async Task AnEmptyTableStillHasItsHeader()
    {
        var table = new ExportTable("Grades", ["Student", "Total"], Rows());

        var csv = await WriteAsync(CsvExport.WriteAsync, table);
        var (_, rows) = ReadXlsx(await WriteAsync(XlsxExport.WriteAsync, table));

        Assert.Equal("\uFEFFStudent,Total\r\n", System.Text.Encoding.UTF8.GetString(csv));
        Assert.Equal([["Student", "Total"]], rows);
    }

    [Fact]
    public async Task ARowWithTheWrongNumberOfCellsFailsInsteadOfShiftingColumns()
    {
        ExportTable Table() => new("Grades", ["Student", "Total"], Rows(["Ada", 3], ["Bob"]));

        var csv = await Assert.ThrowsAsync<InvalidOperationException>(() => WriteAsync(CsvExport.WriteAsync, Table()));
        await Assert.ThrowsAsync<InvalidOperationException>(() => WriteAsync(XlsxExport.WriteAsync, Table()));
        Assert.Equal("Row 2 of 'Grades' has 1 cells for 2 columns.", csv.Message);
    }

    [Fact]
    public void NumbersThatAreNotFiniteAreLeftEmpty()
    {
        Assert.Equal(ExportCellKind.Empty, ((ExportCell)double.NaN).Kind);
        Assert.Equal(ExportCellKind.Empty, ((ExportCell)double.PositiveInfinity).Kind);
    }

    [Theory]
    [InlineData("Grades", "Grades")]
    [InlineData("Item statistics: Networks [2026] a very long title", "Item statistics  Networks  2026")]
    [InlineData("???", "Sheet1")]
    public void SheetNamesFollowExcelsRules(string name, string sheet)
    {
        Assert.Equal(sheet, XlsxExport.SheetName(name));
    }
}
