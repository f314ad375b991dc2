namespace QuizPlatform.Importing;

/// <summary>
/// Reads an assignment document: a "# Title", then blocks of numbered questions, each followed by a "Solution"
/// heading and the numbered model answers of those questions. Pure and thread-safe.
/// </summary>
public sealed class AssignmentParser(ImportOptions? options = null)
{
    private readonly ImportOptions _options = options ?? new ImportOptions();

    /// <summary>Checks size and strict UTF-8 (a BOM is allowed), then parses the text.</summary>
    public ParseResult Parse(ReadOnlySpan<byte> content)
    {
        if (content.Length > _options.MaxBytes)
            return Rejected(TooLarge(content.Length));
        if (FileFormats.NotTextKind(content) is { } kind)
            return Rejected(new Diagnostic(1, Severity.Error,
                $"The file is {kind}, not a Markdown document. Save or export the assignment as Markdown (.md) or plain text, or paste its text, and import that."));
        if (!SourceText.TryDecode(content, out var text, out var invalidLine))
            return Rejected(new Diagnostic(invalidLine, Severity.Error,
                $"The file is not UTF-8 text: line {invalidLine} contains bytes that are not valid UTF-8. Save it as UTF-8 and import it again."));
        return ParseText(text);
    }

    public ParseResult Parse(string text)
    {
        var size = System.Text.Encoding.UTF8.GetByteCount(text);
        return size > _options.MaxBytes ? Rejected(TooLarge(size)) : ParseText(text);
    }

    private ParseResult ParseText(string text)
    {
        var normalized = SourceText.Normalize(text);
        var refused = ControlCharacters.IndexOfRefused(normalized);
        if (refused >= 0)
        {
            var line = normalized.AsSpan(0, refused).Count('\n') + 1;
            var character = normalized[refused] == '\0' ? "U+0000 (a NUL byte, which only binary files have)"
                : ControlCharacters.Name(normalized[refused]);
            return Rejected(new Diagnostic(line, Severity.Error,
                $"The file is not a plain text document: control character {character} at line {line}. Remove it and import again."));
        }

        var lines = normalized.Split('\n');
        if (DocumentOutline.TryRead(normalized, lines) is not { } outline)
            return new ParseResult(null, [new Diagnostic(1, Severity.Error,
                "The document nests Markdown too deeply to be read (thousands of nested quotes or lists); it is not an assignment.")], SourceText.Hash(normalized));

        var diagnostics = new List<Diagnostic>();
        var structure = new StructureReader(outline, lines, diagnostics).Read();
        var assignment = new AssignmentValidator(_options, diagnostics).Validate(structure);
        var ordered = diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Severity).ToList();
        return new ParseResult(assignment, ordered, SourceText.Hash(normalized));
    }

    private Diagnostic TooLarge(int size) => new(1, Severity.Error,
        $"The file is {size:N0} bytes; documents of at most {_options.MaxBytes:N0} bytes can be imported.");

    private static ParseResult Rejected(Diagnostic diagnostic) => new(null, [diagnostic], "");
}
