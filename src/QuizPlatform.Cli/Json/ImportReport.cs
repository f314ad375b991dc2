using QuizPlatform.Data.Assignments;

namespace QuizPlatform.Cli.Json;

/// <summary>What <c>quiz import --json</c> prints: one object per run (the status by its kebab-case wire name).</summary>
public sealed record ImportReport(
    string? Title,
    ImportStatus Status,
    int? Version,
    IReadOnlyList<ReportQuestion> Questions,
    IReadOnlyList<ReportDiagnostic> Diagnostics);

public sealed record ReportQuestion(int Number, string Prompt, string ModelAnswer, IReadOnlyList<KeywordLine> Keywords);

public sealed record ReportDiagnostic(int Line, string Severity, string Message);

/// <summary>A keyword as the CLI reads and writes it.</summary>
public sealed record KeywordLine(string Phrase, IReadOnlyList<string>? Alternatives, double Weight = 1, bool Required = false);
