namespace QuizPlatform.Importing;

/// <summary>
/// Names the kinds of file people upload by mistake instead of a Markdown document, from their first bytes: a PDF or
/// a Word file otherwise read as "not UTF-8 text, save it as UTF-8", which sends the admin to the wrong fix.
/// </summary>
public static class FileFormats
{
    static readonly (byte[] Signature, string Kind)[] Known =
    [
        ("%PDF-"u8.ToArray(), "a PDF document"),
        ([0x50, 0x4B, 0x03, 0x04], "a zipped document (a Word .docx, an OpenDocument .odt or a .zip archive)"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "an older Word or Office document (.doc)"),
        ("{\\rtf"u8.ToArray(), "a Rich Text (.rtf) document"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ("GIF8"u8.ToArray(), "a GIF image"),
    ];

    /// <summary>"a PDF document", or null when the bytes do not start like a known file format that is not text.</summary>
    public static string? NotTextKind(ReadOnlySpan<byte> content)
    {
        foreach (var (signature, kind) in Known)
            if (content.StartsWith(signature))
                return kind;
        return null;
    }
}
