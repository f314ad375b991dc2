using System.Text;

namespace QuizPlatform.Importing;

/// <summary>
/// The one rule for text that people type, paste or upload: no control characters but tab, line feed and carriage
/// return. PostgreSQL cannot store U+0000 at all (the save fails), and the others (bell, escape, C1 controls, lone
/// UTF-16 surrogates) only ever arrive by accident or to confuse a reader, a log or an export. The bidirectional
/// embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) go too: they turn the text after them around,
/// so a name typed as U+202E "1 tnedutS" read "Student 1" and the email beside it backwards. The direction marks
/// (U+200E, U+200F), which right-to-left writing needs and which move nothing but punctuation, stay. Lives in this
/// pure project so the importer, the data layer and the web pages all apply the same rule.
/// </summary>
public static class ControlCharacters
{
    /// <summary>True for a character no stored text keeps.</summary>
    public static bool IsRefused(char c) =>
        c is (< ' ' and not ('\t' or '\n' or '\r')) or (>= '\u007F' and <= '\u009F')
            or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>
    /// Index of the first refused character, or of a lone surrogate (half of a character, which no encoding can
    /// store); -1 when the text is clean.
    /// </summary>
    public static int IndexOfRefused(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsRefused(c))
                return i;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(c))
                return i;
        }
        return -1;
    }

    /// <summary>"U+0000" for a character, as diagnostics name it.</summary>
    public static string Name(char c) => $"U+{(int)c:X4}";

    /// <summary>
    /// Removes refused characters and turns lone surrogates into U+FFFD; tab, line feed and carriage return stay.
    /// For any stored text (names, titles, reasons): returns the same instance when nothing needs removing.
    /// </summary>
    public static string Strip(string text)
    {
        var first = IndexOfRefused(text);
        if (first < 0)
            return text;
        var clean = new StringBuilder(text.Length).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                clean.Append(c).Append(text[++i]);
            else if (char.IsSurrogate(c))
                clean.Append('\uFFFD');
            else if (!IsRefused(c))
                clean.Append(c);
        }
        return clean.ToString();
    }

    /// <summary>
    /// <see cref="Strip"/> for multi-line text (answers): also turns CRLF and lone CR into LF, so a text is stored
    /// the same whichever system it was typed on.
    /// </summary>
    public static string Clean(string text)
    {
        var stripped = Strip(text);
        return stripped.Contains('\r') ? stripped.Replace("\r\n", "\n").Replace('\r', '\n') : stripped;
    }
}
