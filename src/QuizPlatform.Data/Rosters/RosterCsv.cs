using CsvHelper;
using QuizPlatform.Importing;

namespace QuizPlatform.Data.Rosters;

/// <summary>
/// One data line of a roster file, trimmed; <see cref="Line"/> is the 1-based line in the file. <see cref="Password"/>
/// is null when the file has no <c>password</c> column or the line leaves it empty.
/// </summary>
public sealed record RosterLine(int Line, string Email, string Name, string ClassName, string? Password = null)
{
    // A line may be logged or shown in a debugger: never with its password.
    bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Line = {Line}, Email = {Email}, Name = {Name}, ClassName = {ClassName}");
        return true;
    }
}

/// <summary>
/// Reads a roster: a header naming the columns <c>email</c>, <c>name</c> and <c>class</c> (any order, any case), then
/// one student per line. A <c>password</c> column is optional; with a default class the
/// <c>class</c> column is too, and a line that names no class is in the default one.
/// </summary>
public static class RosterCsv
{
    public static readonly string[] Columns = ["email", "name", "class"];
    public const string PasswordColumn = "password";

    /// <summary>The lines, or a reason the file as a whole cannot be read.</summary>
    public static (IReadOnlyList<RosterLine> Lines, string? Error) Parse(string text, string? defaultClass = null)
    {
        if (string.IsNullOrWhiteSpace(text))
            return ([], "The file is empty: expected the header email,name,class and one line per student.");
        if (ControlCharacters.IndexOfRefused(text) is var refused and >= 0)
            return ([], $"The file is not plain text: control character {ControlCharacters.Name(text[refused])} at line " +
                $"{text.AsSpan(0, refused).Count('\n') + 1}. Nothing was imported: save it again as CSV text.");
        try
        {
            using var csv = CsvReader.FromText(text, new CsvReaderOptions { TrackLineNumbers = true, TrimWhitespace = true });
            var required = defaultClass is null ? Columns : Columns[..2];
            var missing = required.Where(c => !csv.TryGetFieldIndex(c, out _)).ToList();
            if (missing.Count > 0)
                return ([], $"The header must name the columns {string.Join(",", required)} (missing: {string.Join(", ", missing)}).");
            var hasClass = csv.TryGetFieldIndex("class", out _);
            var hasPasswords = csv.TryGetFieldIndex(PasswordColumn, out _);
            var lines = new List<RosterLine>();
            while (csv.Read())
            {
                var className = hasClass ? csv.GetString("class").Trim() : "";
                var password = hasPasswords ? csv.GetString(PasswordColumn) : "";
                lines.Add(new RosterLine((int)csv.LineNumber, csv.GetString("email").Trim(), csv.GetString("name").Trim(),
                    className.Length == 0 && defaultClass is not null ? defaultClass.Trim() : className, password.Length == 0 ? null : password));
            }
            return lines.Count == 0 ? ([], "The file has a header but no students.") : (lines, null);
        }
        catch (CsvFormatException e)
        {
            return ([], $"The file is not valid CSV: {e.Message}");
        }
    }
}
