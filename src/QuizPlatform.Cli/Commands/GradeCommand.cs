using System.CommandLine;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Cli.Grading;
using QuizPlatform.Cli.Json;
using QuizPlatform.Data;
using QuizPlatform.Grading;

namespace QuizPlatform.Cli.Commands;

/// <summary>
/// <c>quiz grade [--input FILE|-] [--output FILE|-]</c>: JSON Lines in, one JSON line out per input line, in order;
/// a line that cannot be graded gets an error object and the run goes on (exit 1 at the end).
/// <c>quiz grade --question N --assignment TITLE</c>: grades the response on standard input against a stored question.
/// </summary>
public static class GradeCommand
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static Command Create(CliContext cli)
    {
        var input = new Option<string>("--input") { Description = "JSON Lines to grade, or - for standard input.", DefaultValueFactory = _ => "-" };
        var output = new Option<string>("--output") { Description = "Where to write the results, or - for standard output.", DefaultValueFactory = _ => "-" };
        var question = new Option<int?>("--question") { Description = "Grade standard input against this stored question number." };
        var assignment = new Option<string?>("--assignment") { Description = "The stored assignment's title (latest version), with --question." };
        input.Validators.Add(result => RequireExistingFile(result, result.GetValueOrDefault<string>()));

        var command = new Command("grade", "Grade free-text responses by keyword coverage.") { input, output, question, assignment };
        command.Validators.Add(result =>
        {
            var hasQuestion = result.GetResult(question) is not null;
            var hasAssignment = result.GetResult(assignment) is not null;
            if (hasQuestion != hasAssignment)
                result.AddError("--question and --assignment go together.");
            if (hasQuestion && result.GetResult(input) is not null)
                result.AddError("--question reads one response from standard input; --input does not apply.");
        });
        command.SetAction((parse, ct) => parse.GetValue(question) is { } number
            ? GradeStoredQuestionAsync(cli, parse.GetRequiredValue(assignment)!, number, parse.GetValue(output)!, ct)
            : GradeLinesAsync(cli, parse.GetValue(input)!, parse.GetValue(output)!, ct));
        return command;
    }

    internal static void RequireExistingFile(System.CommandLine.Parsing.OptionResult result, string? path)
    {
        if (path is not null and not "-" && !File.Exists(path))
            result.AddError($"File does not exist: '{path}'.");
    }

    private static async Task<int> GradeLinesAsync(CliContext cli, string input, string output, CancellationToken ct)
    {
        using var inputFile = input == "-" ? null : new StreamReader(input, Utf8, true, 1 << 16);
        await using var outputFile = output == "-" ? null : new StreamWriter(output, false, Utf8, 1 << 16);
        var reader = inputFile ?? cli.Stdin;
        var writer = outputFile ?? cli.Stdout;

        var session = new GradingSession(new Grader());
        var gradeLines = new GradeLineWriter();
        using var lines = new JsonLineWriter(writer);
        var lineNumber = 0;
        var failed = 0;
        // Synchronous reads: one await per line would cost more than parsing it.
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            ct.ThrowIfCancellationRequested();
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var (request, error) = GradeRequestReader.Read(line, lineNumber);
            if (error is null)
            {
                try
                {
                    var result = session.Grade(request!);
                    lines.Write((json, r) => gradeLines.Write(json, r!.Id, result, r.Response!), request);
                    continue;
                }
                catch (ArgumentException e)
                {
                    error = new GradeError(request!.Id, lineNumber, e.Message);
                }
            }
            failed++;
            lines.Write(GradeLineWriter.WriteError, error);
        }
        lines.Flush();
        if (failed > 0)
            await cli.Stderr.WriteLineAsync($"quiz grade: {failed} of the lines could not be graded (see their \"error\").");
        return failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }

    private static async Task<int> GradeStoredQuestionAsync(CliContext cli, string title, int number, string output, CancellationToken ct)
    {
        // The newline that ends piped input is not part of the answer.
        var response = (await cli.Stdin.ReadToEndAsync(ct)).TrimEnd();
        using var host = CliHost.Build(cli);
        await CliHost.PrepareDatabaseAsync(host, cli, ct);
        var factory = host.Services.GetRequiredService<IDbContextFactory<QuizDbContext>>();
        await using var db = await factory.CreateDbContextAsync(ct);

        var question = await db.Questions.AsNoTracking()
            .Where(q => q.AssignmentVersion.Assignment.Title == title && q.Number == number)
            .OrderByDescending(q => q.AssignmentVersion.Version)
            .Select(q => new { q.Prompt, q.ModelAnswer, q.DefaultPoints, Keywords = q.Keywords.OrderBy(k => k.Position).ToList() })
            .FirstOrDefaultAsync(ct);
        if (question is null)
        {
            await cli.Stderr.WriteLineAsync($"quiz grade: no question {number} in an assignment titled \"{title}\".");
            return ExitCodes.Failed;
        }

        var grader = new Grader();
        IReadOnlyList<Keyword> keywords = question.Keywords.Count > 0
            ? question.Keywords.Select(k => new Keyword(k.Phrase, k.Alternatives, k.Weight, k.Required)).ToList()
            : new KeywordExtractor().Extract([new QuestionText(question.Prompt, question.ModelAnswer)])[0];
        GradeResult result;
        try
        {
            result = grader.Grade(grader.Compile(question.Prompt, keywords), response, question.DefaultPoints);
        }
        catch (ArgumentException e)
        {
            await cli.Stderr.WriteLineAsync($"quiz grade: {e.Message}");
            return ExitCodes.Failed;
        }

        await using var outputFile = output == "-" ? null : new StreamWriter(output, false, Utf8);
        var writer = outputFile ?? cli.Stdout;
        using (var lines = new JsonLineWriter(writer))
            lines.Write((json, id) => new GradeLineWriter().Write(json, id, result, response, withSummary: true), $"{title}#{number}");
        await writer.FlushAsync(ct);
        return ExitCodes.Success;
    }
}
