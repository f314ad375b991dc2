using System.CommandLine;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Cli.Grading;
using QuizPlatform.Cli.Json;
using QuizPlatform.Data;
using QuizPlatform.Grading;
using QuizPlatform.Grading.Meaning;

namespace QuizPlatform.Cli.Commands;

/// <summary>
/// <c>quiz grade [--input FILE|-] [--output FILE|-] [--workers N] [--meaning on|off] [--learn-from-marks | --among-assignment]</c>: JSON Lines in,
/// one JSON line out per input line, in order; a line that cannot be graded gets an error object and the run goes on
/// (exit 1 at the end).
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
        var workers = new Option<int>("--workers")
        {
            Description = "Lines graded in parallel by this many workers (output order is kept). Default: one per processor.",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        workers.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
                result.AddError("--workers must be at least 1.");
        });
        var assignment = new Option<string?>("--assignment") { Description = "The stored assignment's title (latest version), with --question." };
        var meaning = MeaningModel.CreateOption();
        var learn = new Option<bool>("--learn-from-marks")
        {
            Description = "Lines with humanScore or humanLabel are the instructor's marks for their question; every line is graded with the marks of the other marked lines of its question.",
        };
        var amongAssignment = new Option<bool>("--among-assignment")
        {
            Description = "Lines with the same \"assignment\" are one quiz: each is graded among its questions, and an answer to another of them is flagged.",
        };
        input.Validators.Add(result => RequireExistingFile(result, result.GetValueOrDefault<string>()));

        var command = new Command("grade", "Grade free-text responses by keyword coverage and meaning.")
        {
            input, output, workers, question, assignment, meaning, learn, amongAssignment,
        };
        command.Validators.Add(result =>
        {
            var hasQuestion = result.GetResult(question) is not null;
            var hasAssignment = result.GetResult(assignment) is not null;
            if (hasQuestion != hasAssignment)
                result.AddError("--question and --assignment go together.");
            if (hasQuestion && result.GetResult(input) is not null)
                result.AddError("--question reads one response from standard input; --input does not apply.");
            if (hasQuestion && result.GetValue(learn))
                result.AddError("--learn-from-marks grades JSON Lines; it does not apply to --question.");
            if (result.GetValue(amongAssignment) && (hasQuestion || result.GetValue(learn)))
                result.AddError("--among-assignment grades JSON Lines on their own; it does not go with --question or --learn-from-marks.");
            RequireMeaningToLearn(result, meaning, result.GetValue(learn), "--learn-from-marks");
        });
        command.SetAction((parse, ct) => parse.GetValue(question) is { } number
            ? GradeStoredQuestionAsync(cli, parse.GetRequiredValue(assignment)!, number, parse.GetValue(output)!, MeaningModel.For(parse, meaning), ct)
            : GradeLinesAsync(cli, parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(workers), MeaningModel.For(parse, meaning),
                parse.GetValue(learn), parse.GetValue(amongAssignment), ct));
        return command;
    }

    internal static void RequireExistingFile(System.CommandLine.Parsing.OptionResult result, string? path)
    {
        if (path is not null and not "-" && !File.Exists(path))
            result.AddError($"File does not exist: '{path}'.");
    }

    /// <summary>Learning from marks works through the meaning pass: references are compared by meaning, and the offset is applied with it.</summary>
    internal static void RequireMeaningToLearn(System.CommandLine.Parsing.CommandResult result, Option<string> meaning, bool learning, string option)
    {
        if (learning && result.GetValue(meaning) == "off")
            result.AddError($"{option} needs the meaning pass: it cannot be used with --meaning off.");
    }

    private static async Task<int> GradeLinesAsync(CliContext cli, string input, string output, int workers, ITokenEncoder? encoder,
        bool learnFromMarks, bool amongAssignment, CancellationToken ct)
    {
        // Bytes in, bytes out: a file or the console's UTF-8 stream is read without decoding it to strings first.
        await using var inputFile = input == "-" ? null : new FileStream(input, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        var inputStream = inputFile ?? (cli.Stdin is StreamReader { CurrentEncoding: UTF8Encoding } stdin ? stdin.BaseStream : null);
        await using var outputFile = output == "-" ? null : new StreamWriter(output, false, Utf8, 1 << 16);

        using var lines = new JsonLineWriter(outputFile ?? cli.Stdout);
        int failed;
        if (learnFromMarks || amongAssignment)
        {
            using var reader = inputFile is null ? null : new StreamReader(inputFile, Utf8);
            var session = new GradingSession(new Grader(), encoder);
            failed = learnFromMarks ? MarkedGrading.Run(session, reader ?? cli.Stdin, lines, workers, ct)
                : AssignmentGrading.Run(session, reader ?? cli.Stdin, lines, workers, ct);
        }
        else
        {
            failed = await new GradePipeline(new Grader(), workers, encoder).RunAsync(inputStream, cli.Stdin, lines, ct);
        }
        lines.Flush();
        if (failed > 0)
            await cli.Stderr.WriteLineAsync($"quiz grade: {failed} of the lines could not be graded (see their \"error\").");
        return failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }

    private static async Task<int> GradeStoredQuestionAsync(CliContext cli, string title, int number, string output, ITokenEncoder? encoder,
        CancellationToken ct)
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
            .SelectKeys()
            .FirstOrDefaultAsync(ct);
        if (question is null)
        {
            await cli.Stderr.WriteLineAsync($"quiz grade: no question {number} in an assignment titled \"{title}\".");
            return ExitCodes.Failed;
        }

        var grader = new Grader();
        IReadOnlyList<Keyword> keywords = question.Keywords.Count > 0
            ? question.Keywords
            : new KeywordExtractor().Extract([new QuestionText(question.Prompt, question.ModelAnswer)])[0];
        // The assignment's other questions, as the web app grades: an answer to one of them is flagged.
        var others = (await db.Questions.AsNoTracking().SelectAssignmentKeys([question.QuestionId]).ToListAsync(ct))
            .Where(q => q.QuestionId != question.QuestionId).ToList();
        GradeResult result;
        try
        {
            var key = grader.Compile(question.Prompt, keywords);
            var among = new QuestionSet([key, .. others.Select(q => grader.Compile(q.Prompt, q.Keywords))],
                [Label(number), .. others.Select(q => Label(q.Number))]);
            result = encoder is null
                ? grader.Grade(key, response, question.DefaultPoints, among)
                : grader.Grade(key, response, question.DefaultPoints, KeyMeaning.Build(encoder, key, question.ModelAnswer),
                    MeaningText.Encode(encoder, [response])[0], among);
        }
        catch (ArgumentException e)
        {
            await cli.Stderr.WriteLineAsync($"quiz grade: {e.Message}");
            return ExitCodes.Failed;
        }

        await using var outputFile = output == "-" ? null : new StreamWriter(output, false, Utf8);
        var writer = outputFile ?? cli.Stdout;
        using (var lines = new JsonLineWriter(writer))
            lines.Write((json, id) => new GradeLineWriter().Write(json, id, result, withSummary: true), $"{title}#{number}");
        await writer.FlushAsync(ct);
        return ExitCodes.Success;
    }

    private static string Label(int number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
