using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Cli.Json;
using QuizPlatform.Data.Assignments;
using QuizPlatform.Importing;

namespace QuizPlatform.Cli.Commands;

/// <summary>
/// <c>quiz import FILE [--dry-run] [--json]</c>: parse and validate an assignment document, then store it as a new
/// assignment or version through the Data project's <see cref="AssignmentImporter"/> (unchanged documents are
/// recognised by their content hash). An invalid document or a dry run never touches the database.
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
        var name = Path.GetRelativePath(Directory.GetCurrentDirectory(), file.FullName);
        using var host = CliHost.Build(cli);
        var importer = host.Services.GetRequiredService<AssignmentImporter>();

        ImportResult result;
        if (dryRun || !new AssignmentParser().Parse(content).Succeeded)
        {
            result = importer.Preview(content, name);
        }
        else
        {
            await CliHost.PrepareDatabaseAsync(host, cli, ct);
            result = await importer.ImportAsync(content, name, importedById: null, ct);
        }

        if (json)
        {
            using var lines = new JsonLineWriter(cli.Stdout);
            lines.Write(ToReport(result), CliJsonContext.Default.ImportReport);
        }
        else
        {
            await WriteSummaryAsync(cli, result);
        }
        return result.Succeeded ? ExitCodes.Success : ExitCodes.Failed;
    }

    internal static ImportReport ToReport(ImportResult result) => new(
        result.Title,
        result.Status,
        result.Version,
        result.Questions.Select(q => new ReportQuestion(q.Number, q.Prompt, q.ModelAnswer,
            q.Keywords.Select(k => new KeywordLine(k.Phrase, k.Alternatives, k.Weight, k.Required)).ToList())).ToList(),
        result.Diagnostics.Select(d => new ReportDiagnostic(d.Line, SeverityName(d.Severity), d.Message)).ToList());

    private static string SeverityName(Severity severity) => severity == Severity.Error ? "error" : "warning";

    /// <summary>Diagnostics as <c>file:line: severity: message</c> on standard error, then a one-line summary.</summary>
    internal static async Task WriteSummaryAsync(CliContext cli, ImportResult result)
    {
        foreach (var d in result.Diagnostics)
            await cli.Stderr.WriteLineAsync($"{result.FileName}:{d.Line}: {SeverityName(d.Severity)}: {d.Message}");
        var errors = result.Diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = result.Diagnostics.Count - errors;
        var summary = result.Status switch
        {
            ImportStatus.Invalid => $"{result.FileName}: invalid: {errors} error(s), {warnings} warning(s); nothing was stored.",
            ImportStatus.Valid => $"{result.FileName}: valid: \"{result.Title}\", {result.Questions.Count} questions, {warnings} warning(s); dry run, nothing stored.",
            ImportStatus.Unchanged => $"{result.FileName}: unchanged: \"{result.Title}\" version {result.Version} already holds this document.",
            _ => $"{result.FileName}: {ImportStatusJsonConverter.NameOf(result.Status)}: \"{result.Title}\" version {result.Version}, {result.Questions.Count} questions, {warnings} warning(s).",
        };
        await cli.Stdout.WriteLineAsync(summary);
    }
}
