using System.CommandLine;
using System.Globalization;
using QuizPlatform.Cli.Grading;
using QuizPlatform.Grading;

namespace QuizPlatform.Cli.Commands;

/// <summary>
/// <c>quiz evaluate --input FILE</c>: grades human-marked responses and reports how well the grader agrees:
/// Pearson and Spearman correlation, ROC AUC when the marks are binary, a confusion table at the grading curve
/// (a grade of at least --pass of the points counts as correct) and the largest disagreements with explanations.
/// With <c>--marks K</c>, K marked answers per question are drawn at random and taught to the grader, and the
/// figures are measured on the rest, over a few draws.
/// </summary>
public static class EvaluateCommand
{
    /// <summary>How many random draws of marks <c>--marks</c> averages over.</summary>
    public const int Draws = 5;

    public static Command Create(CliContext cli)
    {
        var input = new Option<string>("--input") { Description = "JSON Lines with a human mark per line (humanScore, humanLabel or label_2way).", Required = true };
        var top = new Option<int>("--top") { Description = "How many of the largest disagreements to show.", DefaultValueFactory = _ => 10 };
        var pass = new Option<double>("--pass") { Description = "Share of the points from which a grade counts as correct.", DefaultValueFactory = _ => 0.5 };
        var meaning = MeaningModel.CreateOption();
        var marks = new Option<int?>("--marks")
        {
            Description = $"Draw this many marked answers per question, learn from them and measure on the rest (mean over {Draws} draws).",
        };
        var seed = new Option<int>("--seed") { Description = "Seed of the random draws of --marks.", DefaultValueFactory = _ => 1 };
        input.Validators.Add(result => GradeCommand.RequireExistingFile(result, result.GetValueOrDefault<string>()));
        top.Validators.Add(result => { if (result.GetValueOrDefault<int>() < 0) result.AddError("--top must not be negative."); });
        marks.Validators.Add(result => { if (result.GetValueOrDefault<int?>() < 1) result.AddError("--marks must be at least 1."); });
        pass.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<double>();
            if (!(value > 0 && value <= 1)) result.AddError("--pass must be in (0, 1].");
        });

        var command = new Command("evaluate", "Compare the grader with human marks.") { input, top, pass, meaning, marks, seed };
        command.Validators.Add(result =>
        {
            if (result.GetResult(seed) is not null && result.GetValue(marks) is null)
                result.AddError("--seed goes with --marks.");
            GradeCommand.RequireMeaningToLearn(result, meaning, result.GetValue(marks) is not null, "--marks");
        });
        command.SetAction((parse, ct) => RunAsync(cli, parse.GetValue(input)!,
            new Settings(parse.GetValue(top), parse.GetValue(pass), parse.GetValue(marks), parse.GetValue(seed)),
            new GradingSession(new Grader(), MeaningModel.For(parse, meaning)), ct));
        return command;
    }

    private sealed record Settings(int Top, double Pass, int? Marks, int Seed);

    private static async Task<int> RunAsync(CliContext cli, string input, Settings settings, GradingSession session, CancellationToken ct)
    {
        var lines = new List<InputLine>();
        using (var reader = input == "-" ? null : new StreamReader(input))
        {
            var source = reader ?? cli.Stdin;
            var lineNumber = 0;
            while (source.ReadLine() is { } text)
            {
                lineNumber++;
                ct.ThrowIfCancellationRequested();
                if (string.IsNullOrWhiteSpace(text))
                    continue;
                var line = InputLine.Read(session, text, lineNumber, markRequired: true);
                lines.Add(line);
                if (line.Error is not null)
                    await cli.Stderr.WriteLineAsync($"{input}:{lineNumber}: error: {line.Error.Error}");
            }
        }
        var failed = lines.Count(l => l.Error is not null);
        var questions = lines.Where(l => l.Error is null).GroupBy(l => l.Key!)
            .Select(g => (Lines: g.ToList(), Graded: new MarkedQuestion(session, g.Key, [.. g.Select(l => l.Request!.Response!)])))
            .ToList();
        if (questions.Count == 0)
        {
            await cli.Stderr.WriteLineAsync("quiz evaluate: no line could be graded.");
            return ExitCodes.Failed;
        }

        if (settings.Marks is not { } k)
        {
            await EvaluationReport.WriteAsync(cli.Stdout, Evaluate(questions, k: 0, random: null), failed, settings.Top, settings.Pass);
        }
        else
        {
            var draws = Enumerable.Range(0, Draws).Select(d => Evaluate(questions, k, new Random(settings.Seed + d))).ToList();
            await EvaluationReport.WriteMarksAsync(cli.Stdout, k, settings.Seed, draws, failed, settings.Top, settings.Pass);
        }
        return failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }

    /// <summary>
    /// Every question's responses but the <paramref name="k"/> drawn as marks (at most all but one), graded with what
    /// those marks teach; with k = 0, every response graded without marks.
    /// </summary>
    private static List<EvaluatedResponse> Evaluate(List<(List<InputLine> Lines, MarkedQuestion Graded)> questions, int k, Random? random)
    {
        var samples = new List<EvaluatedResponse>();
        foreach (var (lines, graded) in questions)
        {
            var order = Enumerable.Range(0, lines.Count).ToArray();
            random?.Shuffle(order);
            var drawn = Math.Min(k, lines.Count - 1);
            var learnt = drawn > 0 ? graded.Learn([.. order.Take(drawn).Select(i => (i, lines[i].Mark!.Value))]) : null;
            foreach (var i in order.Skip(drawn).Order())
            {
                var request = lines[i].Request!;
                var result = graded.Grade(i, request.Points ?? 1, learnt);
                samples.Add(new EvaluatedResponse(request.Id ?? lines[i].Number.ToString(CultureInfo.InvariantCulture), request.Response!,
                    lines[i].Mark!.Value, result.Score / result.Points, result));
            }
        }
        return samples;
    }
}

/// <summary>A graded response beside its human mark, both as shares of the points.</summary>
public sealed record EvaluatedResponse(string Id, string Response, double Human, double Grader, GradeResult Result);
