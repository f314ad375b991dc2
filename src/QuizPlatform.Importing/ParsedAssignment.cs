namespace QuizPlatform.Importing;

/// <summary>An assignment document as the importer understands it: a title and its numbered questions.</summary>
/// <remarks>Equal when the title and the questions (compared in order, by content) are equal.</remarks>
public sealed record ParsedAssignment(string Title, IReadOnlyList<ParsedQuestion> Questions)
{
    public bool Equals(ParsedAssignment? other) =>
        other is not null && Title == other.Title && Questions.SequenceEqual(other.Questions);

    public override int GetHashCode() => HashCode.Combine(Title, Questions.Count);
}

/// <summary>One question with its model answer, both kept as Markdown. Lines are 1-based positions in the source.</summary>
/// <remarks>
/// Equality compares number, prompt and model answer only: the lines say where a question was found, not what it
/// is, and exporting and re-importing an assignment moves them.
/// </remarks>
public sealed record ParsedQuestion(int Number, string Prompt, string ModelAnswer, int PromptLine = 0, int AnswerLine = 0)
{
    public bool Equals(ParsedQuestion? other) =>
        other is not null && Number == other.Number && Prompt == other.Prompt && ModelAnswer == other.ModelAnswer;

    public override int GetHashCode() => HashCode.Combine(Number, Prompt, ModelAnswer);
}

public enum Severity { Error, Warning }

public sealed record Diagnostic(int Line, Severity Severity, string Message);

/// <summary>
/// The outcome of parsing one document. <see cref="Assignment"/> is null whenever any diagnostic is an error,
/// so nothing can be stored from a document with errors. <see cref="ContentHash"/> identifies the normalised text
/// (BOM, line endings and trailing blanks do not change it) and is empty when the bytes are not readable text.
/// </summary>
public sealed record ParseResult(ParsedAssignment? Assignment, IReadOnlyList<Diagnostic> Diagnostics, string ContentHash)
{
    public bool Succeeded => Assignment is not null;
}
