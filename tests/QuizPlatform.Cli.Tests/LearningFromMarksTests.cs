using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace QuizPlatform.Cli.Tests;

/// <summary><c>--meaning</c> on <c>quiz grade</c>, <c>quiz grade --learn-from-marks</c> and <c>quiz evaluate --marks</c>.</summary>
public class LearningFromMarksTests
{
    private const string Salt = "How did you separate the salt from the water?";
    private const string SaltAnswer = "The water was evaporated, leaving the salt.";
    private const string Magnet = "How can a magnet tell iron from aluminum?";
    private const string MagnetAnswer = "The magnet attracts the iron but not the aluminum.";

    private static string Line(string id, string question, string modelAnswer, string response, string? label = null) =>
        JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            ["id"] = id, ["question"] = question, ["modelAnswer"] = modelAnswer, ["response"] = response, ["humanLabel"] = label,
        }.Where(p => p.Value is not null).ToDictionary());

    private static async Task<CliRun> RunAsync(string[] args, params string[] lines)
    {
        var input = Path.GetTempFileName();
        await File.WriteAllLinesAsync(input, lines);
        try
        {
            return await CliRunner.RunAsync([.. args, "--input", input]);
        }
        finally
        {
            File.Delete(input);
        }
    }

    private static Dictionary<string, JsonNode> ById(CliRun run) =>
        run.StdoutLines.Select(l => JsonNode.Parse(l)!).ToDictionary(o => (string)o["id"]!);

    private static string[] Basis(JsonNode line) => [.. line["basis"]!.AsArray().Select(b => (string)b!)];

    [Fact]
    public async Task MeaningIsOnByDefaultAndOffGradesByKeywordsAlone()
    {
        string[] lines = [Line("paraphrase", Salt, SaltAnswer, "We let the liquid dry up in the sun until only the white crystals stayed.")];

        var on = ById(await RunAsync(["grade"], lines))["paraphrase"];
        var off = ById(await RunAsync(["grade", "--meaning", "off"], lines))["paraphrase"];

        Assert.Equal(["keywords", "meaning"], Basis(on));
        Assert.InRange((double)on["softRecall"]!, 0.3, 1);
        Assert.Equal(["keywords"], Basis(off));
        Assert.Null(off["softRecall"]);
        Assert.True((double)on["score"]! > (double)off["score"]!, $"meaning on {on["score"]}, off {off["score"]}");
    }

    [Fact]
    public async Task EachLineLearnsFromTheMarksOfTheOtherMarkedLinesOfItsQuestion()
    {
        var run = await RunAsync(["grade", "--learn-from-marks"],
            Line("right-1", Salt, SaltAnswer, "I boiled it until the liquid was gone and the salt stayed in the pan.", "correct"),
            Line("right-2", Salt, SaltAnswer, "Let the water dry up in the sun; the salt is left behind.", "correct"),
            Line("wrong", Salt, SaltAnswer, "I used a filter paper.", "incorrect"),
            Line("unmarked", Salt, SaltAnswer, "We boiled off the liquid and the salt stayed in the pan."),
            Line("other-question", Magnet, MagnetAnswer, "Iron sticks to the magnet; aluminum does not."));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var lines = ById(run);
        Assert.Equal(["keywords", "meaning", "references: 2", "calibration: 3 marks"], Basis(lines["unmarked"]));
        // A marked line never learns from its own mark.
        Assert.Equal(["keywords", "meaning", "references: 1", "calibration: 2 marks"], Basis(lines["right-1"]));
        Assert.Equal(["keywords", "meaning", "references: 2", "calibration: 2 marks"], Basis(lines["wrong"]));
        Assert.Equal(["keywords", "meaning"], Basis(lines["other-question"]));
    }

    [Fact]
    public async Task AnAnswerInTheWordsOfOneMarkedCorrectScoresHigherThanWithoutMarks()
    {
        string[] lines =
        [
            Line("marked", Salt, SaltAnswer, "I boiled it until the liquid was gone and the salt stayed in the pan.", "correct"),
            Line("like-it", Salt, SaltAnswer, "We boiled off the liquid and the salt stayed in the pan."),
        ];

        var learnt = ById(await RunAsync(["grade", "--learn-from-marks"], lines))["like-it"];
        var plain = ById(await RunAsync(["grade"], lines))["like-it"];

        Assert.True((double)learnt["softRecall"]! > (double)plain["softRecall"]!);
        Assert.True((double)learnt["score"]! > (double)plain["score"]!, $"learnt {learnt["score"]}, plain {plain["score"]}");
    }

    [Fact]
    public async Task AMarkThatCannotBeReadIsAnErrorInPlace()
    {
        var run = await RunAsync(["grade", "--learn-from-marks"],
            Line("right", Salt, SaltAnswer, "The water evaporated and left the salt.", "correct"),
            Line("odd", Salt, SaltAnswer, "The salt stayed.", "sort of"));

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        var output = run.StdoutLines.Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(["keywords", "meaning"], Basis(output[0]));
        Assert.Contains("Unknown \"humanLabel\"", (string?)output[1]["error"]);
    }

    [Fact]
    public async Task EvaluateWithMarksMeasuresOnTheAnswersNotDrawnOverSeveralDraws()
    {
        string[] salt = ["The water evaporated and the salt was left.", "I boiled the water away and salt remained.", "Let it dry in the sun, the salt stays.",
            "I used a magnet.", "Filter it with paper.", "Shake it.", "I do not know."];
        string[] magnet = ["Iron sticks to the magnet, aluminum does not.", "The magnet pulls the iron only.", "The magnet attracts iron.",
            "Both stick.", "Aluminum is attracted.", "Weigh them.", "Look at the colour."];
        var lines = salt.Select((r, i) => Line($"s{i}", Salt, SaltAnswer, r, i < 3 ? "correct" : "incorrect"))
            .Concat(magnet.Select((r, i) => Line($"m{i}", Magnet, MagnetAnswer, r, i < 3 ? "correct" : "incorrect"))).ToArray();

        var first = await RunAsync(["evaluate", "--marks", "2", "--seed", "7", "--top", "1"], lines);
        var again = await RunAsync(["evaluate", "--marks", "2", "--seed", "7", "--top", "1"], lines);

        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.Contains("2 marked answer(s) per question", first.Stdout);
        Assert.Contains("5 draws from seed 7", first.Stdout);
        Assert.Contains("(mean 10 per draw)", first.Stdout);
        Assert.Matches(new Regex(@"ROC AUC  mean \d\.\d{3} \(draws \d\.\d{3} to \d\.\d{3}\)"), first.Stdout);
        Assert.Contains("Graded 10 responses", first.Stdout);
        Assert.Equal(first.Stdout, again.Stdout);
    }
}
