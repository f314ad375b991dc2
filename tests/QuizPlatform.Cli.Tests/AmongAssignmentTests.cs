using System.Text.Json;
using System.Text.Json.Nodes;
using QuizPlatform.Importing;

namespace QuizPlatform.Cli.Tests;

/// <summary><c>quiz grade --among-assignment</c>: lines of one assignment are graded among its questions.</summary>
public class AmongAssignmentTests
{
    private static readonly IReadOnlyList<ParsedQuestion> Seed =
        new AssignmentParser().Parse(File.ReadAllText(CliRunner.SeedFile)).Assignment!.Questions;

    private static string Line(string id, int question, string response, string? assignment = "Assignment-8") =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = id, ["question"] = Seed[question - 1].Prompt, ["modelAnswer"] = Seed[question - 1].ModelAnswer,
            ["response"] = response, ["points"] = 10, ["assignment"] = assignment,
        }.Where(p => p.Value is not null).ToDictionary());

    private static async Task<Dictionary<string, JsonNode>> GradeAsync(params string[] lines)
    {
        var input = Path.GetTempFileName();
        await File.WriteAllLinesAsync(input, lines);
        try
        {
            var run = await CliRunner.RunAsync(["grade", "--among-assignment", "--meaning", "off", "--input", input]);
            Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
            return run.StdoutLines.Select(l => JsonNode.Parse(l)!).ToDictionary(o => (string)o["id"]!);
        }
        finally
        {
            File.Delete(input);
        }
    }

    private static string[] Flags(JsonNode line) => [.. line["flags"]!.AsArray().Select(f => (string)f!)];

    [Fact]
    public async Task AnAnswerToAnotherQuestionOfTheAssignmentIsFlaggedAndNamesIt()
    {
        var seventh = Seed[6].ModelAnswer;

        var graded = await GradeAsync(
            Line("q7", 7, seventh), Line("pasted", 8, seventh), Line("alone", 8, seventh, assignment: null));

        Assert.DoesNotContain("other-question", Flags(graded["q7"]));
        Assert.Contains("other-question", Flags(graded["pasted"]));
        Assert.Equal(Seed[6].Prompt, (string?)graded["pasted"]["otherQuestion"]);
        Assert.True((double)graded["pasted"]["score"]! <= 2.5);
        // Without an assignment, a line is graded alone, as without the option.
        Assert.DoesNotContain("other-question", Flags(graded["alone"]));
        Assert.Null(graded["alone"]["otherQuestion"]);
    }
}
