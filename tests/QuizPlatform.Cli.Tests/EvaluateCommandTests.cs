using System.Text.RegularExpressions;

namespace QuizPlatform.Cli.Tests;

public class EvaluateCommandTests
{
    private const string Question = "You used several methods to separate and identify the substances in mock rocks. How did you separate the salt from the water?";
    private const string ModelAnswer = "The water was evaporated, leaving the salt.";

    // The evaluation set's own format (snake_case, label_2way), as in ../shared/eval.
    private static string EvalSetLine(string id, string response, string label) =>
        $$"""{"id": "{{id}}", "question": "{{Question}}", "model_answer": "{{ModelAnswer}}", "response": "{{response}}", "label_3way": "{{label}}", "label_2way": "{{label}}"}""";

    private static async Task<CliRun> EvaluateAsync(params string[] lines)
    {
        var input = Path.GetTempFileName();
        await File.WriteAllLinesAsync(input, lines);
        try
        {
            return await CliRunner.RunAsync(["evaluate", "--input", input, "--top", "2"]);
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Fact]
    public async Task ReportsAgreementFiguresConfusionAndDisagreementsForBinaryLabels()
    {
        var run = await EvaluateAsync(
            EvalSetLine("a", "Let the water evaporate and the salt is left behind.", "correct"),
            EvalSetLine("b", "The water evaporated and left salt crystals.", "correct"),
            EvalSetLine("c", "By letting it sit in a dish for a day.", "incorrect"),
            EvalSetLine("d", "I used a magnet.", "incorrect"),
            EvalSetLine("e", "We filtered it with paper.", "incorrect"));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("Graded 5 responses", run.Stdout);
        Assert.Matches(new Regex(@"Pearson\s+-?\d\.\d{3}"), run.Stdout);
        Assert.Matches(new Regex(@"Spearman\s+-?\d\.\d{3}"), run.Stdout);
        Assert.Matches(new Regex(@"ROC AUC\s+\d\.\d{3}"), run.Stdout);
        Assert.Contains("grader correct", run.Stdout);
        Assert.Contains("grader incorrect", run.Stdout);
        Assert.Contains("Largest disagreements", run.Stdout);
        Assert.Equal(2, Regex.Matches(run.Stdout, @"^- \w+: human", RegexOptions.Multiline).Count);
    }

    [Fact]
    public async Task HumanScoresOutOfThePointsGiveCorrelationsWithoutAuc()
    {
        string Scored(string id, string response, double human) =>
            $$"""{"id": "{{id}}", "question": "{{Question}}", "modelAnswer": "{{ModelAnswer}}", "response": "{{response}}", "points": 4, "humanScore": {{human}}}""";

        var run = await EvaluateAsync(
            Scored("full", "The water was evaporated, leaving the salt.", 4),
            Scored("half", "The water evaporated.", 2),
            Scored("none", "I used a magnet.", 0));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Matches(new Regex(@"Spearman\s+\d\.\d{3}"), run.Stdout);
        Assert.Contains("ROC AUC  n/a", run.Stdout);
    }

    [Fact]
    public async Task LinesWithoutAHumanMarkAreReportedAndFailTheRun()
    {
        var run = await EvaluateAsync(
            EvalSetLine("a", "Let the water evaporate and the salt is left behind.", "correct"),
            $$"""{"id": "unmarked", "question": "{{Question}}", "modelAnswer": "{{ModelAnswer}}", "response": "Evaporation."}""");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains(":2: error: No human mark", run.Stderr);
        Assert.Contains("Graded 1 responses (1 line(s) skipped)", run.Stdout);
    }
}
