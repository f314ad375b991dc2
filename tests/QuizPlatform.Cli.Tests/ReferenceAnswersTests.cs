using System.Text.Json;
using System.Text.Json.Nodes;

namespace QuizPlatform.Cli.Tests;

/// <summary>
/// A line's <c>referenceAnswers</c> (the evaluation set's <c>reference_answers</c>): other correct answers a response
/// may be close to instead of the model answer, read by the meaning pass.
/// </summary>
public class ReferenceAnswersTests
{
    private const string Question = "How did you separate the salt from the water?";
    private const string ModelAnswer = "The water was evaporated, leaving the salt.";
    private const string ReferenceAnswer = "Boil the solution until the liquid is gone; the crystals stay in the pan.";
    private const string Response = "We boiled it until the liquid was gone and crystals stayed in the pan.";

    private static string Line(string id, string property, object? references) =>
        new JsonObject
        {
            ["id"] = id, ["question"] = Question, ["model_answer"] = ModelAnswer, ["response"] = Response,
            [property] = JsonSerializer.SerializeToNode(references),
        }.ToJsonString();

    private static async Task<CliRun> GradeAsync(params string[] lines)
    {
        var input = Path.GetTempFileName();
        await File.WriteAllLinesAsync(input, lines);
        try
        {
            return await CliRunner.RunAsync(["grade", "--input", input]);
        }
        finally
        {
            File.Delete(input);
        }
    }

    private static JsonNode Output(CliRun run, string id) => run.StdoutLines.Select(l => JsonNode.Parse(l)!).Single(o => (string)o["id"]! == id);

    [Fact]
    public async Task AResponseInTheWordsOfAReferenceAnswerScoresHigherThanAgainstTheModelAnswerAlone()
    {
        var run = await GradeAsync(
            Line("alone", "reference_answers", new[] { ModelAnswer }),
            Line("with-reference", "reference_answers", new[] { ModelAnswer, ReferenceAnswer }),
            Line("camel-case", "referenceAnswers", new[] { ReferenceAnswer }));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var alone = Output(run, "alone");
        var withReference = Output(run, "with-reference");
        // The evaluation set lists the model answer among its reference answers: it is not counted twice.
        Assert.Equal(["keywords", "meaning"], alone["basis"]!.AsArray().Select(b => (string)b!));
        Assert.Equal(["keywords", "meaning", "reference answers: 1"], withReference["basis"]!.AsArray().Select(b => (string)b!));
        Assert.True((double)withReference["softRecall"]! > (double)alone["softRecall"]! + 0.1,
            $"soft recall {alone["softRecall"]} alone, {withReference["softRecall"]} with the reference answer");
        Assert.True((double)withReference["score"]! > (double)alone["score"]!);
        Assert.Equal((double)withReference["score"]!, (double)Output(run, "camel-case")["score"]!);
    }

    [Fact]
    public async Task ReferenceAnswersThatAreNotStringsMakeTheLineAnErrorAndTheOthersAreGraded()
    {
        var run = await GradeAsync(
            Line("text", "referenceAnswers", ReferenceAnswer),
            Line("numbers", "referenceAnswers", new[] { 1, 2 }),
            Line("fine", "referenceAnswers", new[] { ReferenceAnswer }));

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal("\"referenceAnswers\" must be an array.", (string)Output(run, "text")["error"]!);
        Assert.NotNull(Output(run, "numbers")["error"]);
        Assert.NotNull(Output(run, "fine")["score"]);
    }
}
