using System.Text.RegularExpressions;

namespace QuizPlatform.Importing;

/// <summary>Cuts the Markdown of one numbered item out of the source lines.</summary>
internal static partial class ItemText
{
    /// <summary>
    /// Lines [<paramref name="from"/>, <paramref name="to"/>) without the "N." marker and without surrounding blank
    /// lines. With <paramref name="dedent"/>, continuation lines lose the indentation that put them inside the item.
    /// </summary>
    public static string Slice(IReadOnlyList<string> lines, int from, int to, bool dedent)
    {
        var marker = Marker().Match(lines[from]);
        var width = Columns(marker.Value);
        var text = new List<string> { lines[from][marker.Length..] };
        for (var i = from + 1; i < to; i++)
            text.Add(dedent ? Dedent(lines[i], width) : lines[i]);
        while (text.Count > 0 && string.IsNullOrWhiteSpace(text[^1]))
            text.RemoveAt(text.Count - 1);
        // An item whose text starts on the line after its marker keeps no leading blank lines or indentation.
        return string.Join('\n', text).TrimStart();
    }

    private static string Dedent(string line, int width)
    {
        int column = 0, index = 0;
        while (index < line.Length && column < width && line[index] is ' ' or '\t')
        {
            column = line[index] == '\t' ? (column / 4 + 1) * 4 : column + 1;
            index++;
        }
        return line[index..];
    }

    private static int Columns(string prefix)
    {
        var column = 0;
        foreach (var c in prefix)
            column = c == '\t' ? (column / 4 + 1) * 4 : column + 1;
        return column;
    }

    [GeneratedRegex(@"^[ ]{0,3}[0-9]{1,9}\.[ \t]*")]
    private static partial Regex Marker();
}
