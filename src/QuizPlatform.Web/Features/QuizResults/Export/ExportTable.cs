using System.Runtime.CompilerServices;

namespace QuizPlatform.Web.Features.QuizResults.Export;

public enum ExportCellKind { Empty, Text, Number, Time }

/// <summary>
/// One cell of an export: text, a number, a time (always UTC) or nothing. Built by implicit conversion
/// (<c>ExportCell c = "text";</c>, <c>= 2.5</c>, <c>= DateTime.UtcNow</c>, <c>= (string?)null</c>), so a row reads
/// as its values. A number that is not finite becomes empty: a NaN never reaches a file.
/// </summary>
public readonly record struct ExportCell
{
    private ExportCell(ExportCellKind kind, string? text = null, double number = 0, DateTime time = default) =>
        (Kind, Text, Number, Time) = (kind, text, number, time);

    public ExportCellKind Kind { get; }
    public string? Text { get; }
    public double Number { get; }

    /// <summary>The time in UTC (<see cref="DateTimeKind.Utc"/>).</summary>
    public DateTime Time { get; }

    public static readonly ExportCell Empty = default;

    public static implicit operator ExportCell(string? text) => text is null ? Empty : new(ExportCellKind.Text, text);

    public static implicit operator ExportCell(double? number) =>
        number is { } n && double.IsFinite(n) ? new(ExportCellKind.Number, number: n) : Empty;

    /// <summary>A time without a kind is taken as UTC, which is how the platform stores times.</summary>
    public static implicit operator ExportCell(DateTime? time) => time is not { } t ? Empty
        : new(ExportCellKind.Time, time: t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : DateTime.SpecifyKind(t, DateTimeKind.Utc));

    public static implicit operator ExportCell(DateTimeOffset? time) => time is { } t ? (ExportCell)t.UtcDateTime : Empty;
}

/// <summary>
/// A table to download: named columns and rows produced one at a time (typically straight from a database query),
/// so a writer never holds more than a row. <see cref="Name"/> names the sheet in XLSX.
/// </summary>
public sealed record ExportTable(string Name, IReadOnlyList<string> Columns, IAsyncEnumerable<IReadOnlyList<ExportCell>> Rows)
{
    /// <summary>The rows, each checked to have one cell per column, so a short row fails loudly instead of shifting columns.</summary>
    public async IAsyncEnumerable<IReadOnlyList<ExportCell>> CheckedRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var number = 0;
        await foreach (var row in Rows.WithCancellation(cancellationToken))
        {
            number++;
            if (row.Count != Columns.Count)
                throw new InvalidOperationException($"Row {number} of '{Name}' has {row.Count} cells for {Columns.Count} columns.");
            yield return row;
        }
    }
}
