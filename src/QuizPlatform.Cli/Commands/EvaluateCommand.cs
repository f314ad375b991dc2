using System.CommandLine;
using System.Globalization;
using QuizPlatform.Cli.Grading;
using QuizPlatform.Grading;

namespace QuizPlatform.Cli.Commands;

/// <summary>
/// <c>quiz evaluate --input FILE</c>: grades human-marked responses and reports how well the grader agrees:
/// Pearson and Spearman correlation, ROC AUC when the marks are binary, a confusion table at the grading curve
/// (a grade of at least --pass of the points counts as correct) and the largest disagreements with explanations.
/// </summary>
public static class EvaluateCommand
{
    public static Command Create(CliContext cli)
    {
        var input = new Option<string>("--input") { Description = "JSON Lines with a human mark per line (humanScore, humanLabel or label_2way).", Required = true };
        var top = new Option<int>("--top") { Description = "How many of the largest disagreements to show.", DefaultValueFactory = _ => 10 };
        var pass = new Option<double>("--pass") { Description = "Share of the points from which a grade counts as correct.", DefaultValueFactory = _ => 0.5 };
        input.Validators.Add(result => GradeCommand.RequireExistingFile(result, result.GetValueOrDefault<string>()));
        top.Validators.Add(result => { if (result.GetValueOrDefault<int>() < 0) result.AddError("--top must not be negative."); });
        pass.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<double>();
            if (!(value > 0 && value <= 1)) result.AddError("--pass must be in (0, 1].");
        });

        var command = new Command("evaluate", "Compare the grader with human marks.") { input, top, pass };
        command.SetAction((parse, ct) => RunAsync(cli, parse.GetValue(input)!, parse.GetValue(top), parse.GetValue(pass), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, string input, int top, double pass, CancellationToken ct)
    {
        var session = new GradingSession(new Grader());
        var samples = new List<EvaluatedResponse>();
        var failed = 0;
        using (var reader = input == "-" ? null : new StreamReader(input))
        {
            var source = reader ?? cli.Stdin;
            var lineNumber = 0;
            while (source.ReadLine() is { } line)
            {
                lineNumber++;
                ct.ThrowIfCancellationRequested();
                if (string.IsNullOrWhiteSpace(line))
                    continue;
                var error = Evaluate(session, line, lineNumber, samples);
                if (error is null)
                    continue;
                failed++;
                await cli.Stderr.WriteLineAsync($"{input}:{lineNumber}: error: {error}");
            }
        }

        if (samples.Count == 0)
        {
            await cli.Stderr.WriteLineAsync("quiz evaluate: no line could be graded.");
            return ExitCodes.Failed;
        }
        await EvaluationReport.WriteAsync(cli.Stdout, samples, failed, top, pass);
        return failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }

    private static string? Evaluate(GradingSession session, string line, int lineNumber, List<EvaluatedResponse> samples)
    {
        var (request, error) = GradeRequestReader.Read(line, lineNumber);
        if (error is not null)
            return error.Error;
        var (human, markError) = HumanMark.Of(request!);
        if (markError is not null)
            return markError;
        try
        {
            var result = session.Grade(request!);
            samples.Add(new EvaluatedResponse(request!.Id ?? lineNumber.ToString(CultureInfo.InvariantCulture), request.Response!,
                human!.Value, result.Score / result.Points, result));
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }
}

/// <summary>A graded response beside its human mark, both as shares of the points.</summary>
public sealed record EvaluatedResponse(string Id, string Response, double Human, double Grader, GradeResult Result);
