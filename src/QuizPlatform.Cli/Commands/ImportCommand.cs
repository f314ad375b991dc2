using System.CommandLine;
using QuizPlatform.Cli.Json;
using QuizPlatform.Grading;
using QuizPlatform.Importing;

namespace QuizPlatform.Cli.Commands;

/// <summary>
/// <c>quiz import FILE [--dry-run] [--json]</c>: parse and validate an assignment document, then store it as a new
/// assignment or version (unchanged documents are recognised by their content hash). The document is validated
/// before the database is touched, so an invalid file never needs a reachable database.
/// </summary>
public static class ImportCommand
{
    public static Command Create(CliContext cli)
    {
        var file = new Argument<FileInfo>("file") { Description = "The assignment document (Markdown)." };
        file.AcceptExistingOnly();
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate and extract keywords without storing anything." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a summary." };

        var command = new Command("import", "Import an assignment document into the database.") { file, dryRun, json };
        command.SetAction((parse, ct) => RunAsync(cli, parse.GetRequiredValue(file), parse.GetValue(dryRun), parse.GetValue(json), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, FileInfo file, bool dryRun, bool json, CancellationToken ct)
    {
        var content = await File.ReadAllBytesAsync(file.FullName, ct);
        var parsed = new AssignmentParser().Parse(content);

        ImportReport report;
        if (parsed.Assignment is not { } assignment)
            report = Report(parsed, "invalid", version: null, []);
        else if (dryRun)
            report = Report(parsed, "valid", version: null, ExtractKeywords(assignment));
        else
            report = await StoreAsync(cli, file, content, ct);

        if (json)
            await CliJson.WriteAsync(cli.Stdout, report, CliJsonContext.Default.ImportReport);
        else
            await WriteSummaryAsync(cli, file, report);
        return report.Status == "invalid" ? ExitCodes.Failed : ExitCodes.Success;
    }

    private static ImportReport Report(ParseResult parsed, string status, int? version, IReadOnlyList<ImportedQuestion> questions) =>
        new(parsed.Assignment?.Title, status, version, questions, Diagnostics(parsed.Diagnostics));

    private static List<ImportedQuestion> ExtractKeywords(ParsedAssignment assignment)
    {
        var texts = assignment.Questions.Select(q => new QuestionText(q.Prompt, q.ModelAnswer)).ToList();
        var keywords = new KeywordExtractor().Extract(texts);
        return assignment.Questions
            .Select((q, i) => new ImportedQuestion(q.Number, q.Prompt, q.ModelAnswer, keywords[i].Select(KeywordLines.From).ToList()))
            .ToList();
    }

    internal static List<DiagnosticLine> Diagnostics(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => new DiagnosticLine(d.Line, d.Severity == Severity.Error ? "error" : "warning", d.Message)).ToList();

    private static async Task WriteSummaryAsync(CliContext cli, FileInfo file, ImportReport report)
    {
        var name = Path.GetRelativePath(Directory.GetCurrentDirectory(), file.FullName);
        foreach (var d in report.Diagnostics)
            await cli.Stderr.WriteLineAsync($"{name}:{d.Line}: {d.Severity}: {d.Message}");
        var errors = report.Diagnostics.Count(d => d.Severity == "error");
        var warnings = report.Diagnostics.Count - errors;
        var summary = report.Status switch
        {
            "invalid" => $"{name}: not imported: {errors} error(s), {warnings} warning(s); nothing was stored.",
            "valid" => $"{name}: valid: \"{report.Title}\", {report.Questions.Count} questions, {warnings} warning(s) (dry run, nothing stored).",
            "unchanged" => $"{name}: unchanged: \"{report.Title}\" version {report.Version} already holds this document.",
            _ => $"{name}: {report.Status}: \"{report.Title}\" version {report.Version}, {report.Questions.Count} questions, {warnings} warning(s).",
        };
        await cli.Stdout.WriteLineAsync(summary);
    }
}
