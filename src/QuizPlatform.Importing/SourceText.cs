using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;

namespace QuizPlatform.Importing;

/// <summary>Turns bytes or a string into the normalised text the parser reads and the content hash is taken of.</summary>
internal static class SourceText
{
    private const char ByteOrderMark = '\uFEFF';

    /// <summary>Strict UTF-8 decoding; on failure <paramref name="invalidLine"/> is the line of the first bad byte.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out string text, out int invalidLine)
    {
        if (bytes.StartsWith("\uFEFF"u8))
            bytes = bytes[3..];
        var buffer = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, buffer, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            text = "";
            invalidLine = LineOf(bytes[..bytesRead]);
            return false;
        }
        text = new string(buffer, 0, charsWritten);
        invalidLine = 0;
        return true;
    }

    /// <summary>BOM removed, CRLF and CR turned into LF, trailing blanks of lines and trailing blank lines removed.</summary>
    public static string Normalize(string text)
    {
        if (text.Length > 0 && text[0] == ByteOrderMark)
            text = text[1..];
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var count = lines.Length;
        for (var i = 0; i < count; i++)
            lines[i] = lines[i].TrimEnd(' ', '\t');
        while (count > 0 && lines[count - 1].Length == 0)
            count--;
        return string.Join('\n', lines, 0, count);
    }

    public static string Hash(string normalized) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));

    /// <summary>1-based line of the position just after <paramref name="before"/> (LF, CRLF and CR all end a line).</summary>
    private static int LineOf(ReadOnlySpan<byte> before)
    {
        var line = 1;
        for (var i = 0; i < before.Length; i++)
        {
            if (before[i] == '\n' || (before[i] == '\r' && (i + 1 == before.Length || before[i + 1] != '\n')))
                line++;
        }
        return line;
    }
}
