using CsvHelper;
using QuizPlatform.Importing;

namespace QuizPlatform.Web.Features.Rosters;

/// <summary>One data line of a roster file, trimmed; <see cref="Line"/> is the 1-based line in the file.</summary>
public sealed record RosterLine(int Line, string Email, string Name, string ClassName);

/// <summary>Reads a roster: a header naming the columns <c>email</c>, <c>name</c> and <c>class</c> (any order, any case), then one student per line.</summary>
public static class RosterCsv
{
    public static readonly string[] Columns = ["email", "name", "class"];

    /// <summary>The lines, or a reason the file as a whole cannot be read.</summary>
    public static (IReadOnlyList<RosterLine> Lines, string? Error) Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return ([], "The file is empty: expected the header email,name,class and one line per student.");
        if (ControlCharacters.IndexOfRefused(text) is var refused and >= 0)
            return ([], $"The file is not plain text: control character {ControlCharacters.Name(text[refused])} at line " +
                $"{text.AsSpan(0, refused).Count('\n') + 1}. Nothing was imported: save it again as CSV text.");
        try
        {
            using var csv = CsvReader.FromText(text, new CsvReaderOptions { TrackLineNumbers = true, TrimWhitespace = true });
            var missing = Columns.Where(c => !csv.TryGetFieldIndex(c, out _)).ToList();
            if (missing.Count > 0)
                return ([], $"The header must name the columns email,name,class (missing: {string.Join(", ", missing)}).");
            var lines = new List<RosterLine>();
            while (csv.Read())
                lines.Add(new RosterLine((int)csv.LineNumber, csv.GetString("email").Trim(), csv.GetString("name").Trim(), csv.GetString("class").Trim()));
            return lines.Count == 0 ? ([], "The file has a header but no students.") : (lines, null);
        }
        catch (CsvFormatException e)
        {
            return ([], $"The file is not valid CSV: {e.Message}");
        }
    }
}
