using System.Text.Json;
using System.Text.Json.Nodes;

namespace QuizPlatform.Cli.Tests;

public class GradeCommandTests
{
    private const string Question = "How do CNNs approach the task of object detection, and what are some popular architectures used for this task?";
    private const string ModelAnswer =
        "CNNs detect objects by proposing regions and classifying them. Popular architectures include Faster R-CNN, " +
        "which uses Region Proposal Networks (RPNs), YOLO, which predicts bounding boxes in a single pass, and SSD.";

    private static string Line(object value) => JsonSerializer.Serialize(value);

    private static string GoodLine(string id, string response, double? points = null, object[]? keywords = null) =>
        Line(new Dictionary<string, object?>
        {
            ["id"] = id, ["question"] = Question, ["modelAnswer"] = ModelAnswer, ["response"] = response,
            ["points"] = points, ["keywords"] = keywords,
        }.Where(p => p.Value is not null).ToDictionary());

    private static Task<CliRun> GradeAsync(params string[] lines) => GradeAsync([], lines);

    private static async Task<CliRun> GradeAsync(string[] options, string[] lines)
    {
        var input = Path.GetTempFileName();
        await File.WriteAllLinesAsync(input, lines);
        try
        {
            return await CliRunner.RunAsync(["grade", "--input", input, .. options]);
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Fact]
    public async Task MalformedLinesGetErrorObjectsInPlaceAndTheRunGoesOn()
    {
        var run = await GradeAsync(
            GoodLine("good-1", "Faster R-CNN uses region proposal networks; YOLO predicts bounding boxes in one pass."),
            "{\"id\": \"broken\", \"response\": ",
            Line(new { id = "no-response", question = Question, modelAnswer = ModelAnswer }),
            GoodLine("too-long", string.Join(' ', Enumerable.Repeat("convolution", 2_000))),
            GoodLine("good-2", "I do not know."));

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        var output = run.StdoutLines.Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(5, output.Count);
        Assert.Equal(["good-1", null, "no-response", "too-long", "good-2"], output.Select(o => (string?)o["id"]));
        Assert.NotNull(output[0]["score"]);
        Assert.Equal(2, (int)output[1]["line"]!);
        Assert.Contains("JSON", (string)output[1]["error"]!);
        Assert.Contains("response", (string)output[2]["error"]!);
        Assert.Contains("limit", (string)output[3]["error"]!);
        Assert.NotNull(output[4]["score"]);
        Assert.Contains("could not be graded", run.Stderr);
    }

    [Fact]
    public async Task GoodLinesExitZeroWithScoresWithinTheirPoints()
    {
        var run = await GradeAsync(
            GoodLine("covers", "Faster R-CNN with region proposal networks, YOLO with bounding boxes in a single pass, and SSD.", points: 3),
            GoodLine("unrelated", "Pooling layers reduce the size of feature maps.", points: 3),
            GoodLine("default-points", ModelAnswer),
            GoodLine("given-keywords", "It uses an RPN to propose regions.",
                keywords: [new { phrase = "region proposal network", alternatives = new[] { "RPN" }, weight = 2.0, required = true }]));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var output = run.StdoutLines.Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(4, output.Count);
        var points = new[] { 3.0, 3.0, 1.0, 1.0 };
        for (var i = 0; i < output.Count; i++)
        {
            var score = (double)output[i]["score"]!;
            Assert.InRange(score, 0, points[i]);
            Assert.InRange((double)output[i]["coverage"]!, 0, 1);
            Assert.NotNull(output[i]["matched"]!.AsArray());
            Assert.NotNull(output[i]["missing"]!.AsArray());
            Assert.NotNull(output[i]["flags"]!.AsArray());
            Assert.Equal(output[i]["matched"]!.AsArray().Count, output[i]["explanation"]!["spans"]!.AsArray().Count);
        }
        Assert.True((double)output[0]["score"]! > (double)output[1]["score"]!);
        Assert.Equal(1.0, (double)output[2]["score"]!);
        Assert.Equal(["region proposal network"], output[3]["matched"]!.AsArray().Select(m => (string?)m));
    }

    [Theory]
    [InlineData("{\"id\": 7, \"response\": 5, \"modelAnswer\": \"m\"}", "\"response\" must be a string")]
    [InlineData("{\"id\": 7, \"response\": \"r\", \"modelAnswer\": \"m\", \"points\": \"many\"}", "\"points\" must be a number")]
    [InlineData("{\"id\": 7, \"response\": \"r\", \"keywords\": \"YOLO\"}", "\"keywords\" must be an array")]
    [InlineData("{\"id\": 7, \"response\": \"r\", \"keywords\": [{\"weight\": 1}]}", "needs a \"phrase\"")]
    [InlineData("{\"id\": 7, \"response\": \"r\", \"modelAnswer\": \"m\"} {}", "JSON")]
    [InlineData("[7]", "not an object")]
    [InlineData("{\"id\": 7, \"response\": \"\\ud800\", \"modelAnswer\": \"m\"}", "surrogate")]
    [InlineData("{\"id\": 7, \"response\": \"r\", \"modelAnswer\": \"\\ud800\"}", "surrogate")]
    public async Task LineOfTheWrongShapeGetsAnErrorThatSaysWhy(string line, string error)
    {
        var run = await GradeAsync(line, GoodLine("after", "YOLO."));

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        var output = run.StdoutLines.Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Contains(error, (string?)output[0]["error"]);
        Assert.Equal(1, (int)output[0]["line"]!);
        Assert.NotNull(output[1]["score"]);
    }

    [Fact]
    public async Task LinesRepeatingAQuestionAreEachGradedAgainstTheirOwnKeywords()
    {
        object[] Only(string phrase) => [new { phrase, alternatives = Array.Empty<string>(), weight = 1.0, required = false }];
        const string response = "YOLO and SSD predict bounding boxes in a single pass.";
        // The same question and model answer on every line, with keywords that change, repeat, or are spelled with
        // an escape; then a line whose keywords are invalid.
        var escaped = GoodLine("escaped", response, keywords: Only("YOLO")).Replace("\"phrase\":\"YOLO\"", "\"phrase\":\"\\u0059OLO\"");
        Assert.Contains("\\u0059OLO", escaped);
        var run = await GradeAsync(
            GoodLine("yolo", response, keywords: Only("YOLO")),
            GoodLine("ssd", response, keywords: Only("SSD")),
            GoodLine("extracted", response),
            GoodLine("yolo-again", response, keywords: Only("YOLO")),
            escaped,
            GoodLine("invalid", response, keywords: Only(" ")));

        var output = run.StdoutLines.Select(l => JsonNode.Parse(l)!).ToList();
        string[] Matched(int i) => output[i]["matched"]!.AsArray().Select(m => (string)m!).ToArray();
        Assert.Equal(["YOLO"], Matched(0));
        Assert.Equal(["SSD"], Matched(1));
        Assert.True(Matched(2).Length + output[2]["missing"]!.AsArray().Count > 1);
        Assert.Equal(["YOLO"], Matched(3));
        Assert.Equal(["YOLO"], Matched(4));
        Assert.Contains("phrase", (string?)output[5]["error"]);
    }

    [Fact]
    public async Task ExplanationGivesEachMatchedKeywordItsSpansInTheResponseAndHowItMatched()
    {
        const string response = "Faster R-CNN uses an RPN; YOLO predicts bounding boxes. It does not use sliding windows.";
        var run = await GradeAsync(GoodLine("spans", response, keywords:
        [
            new { phrase = "region proposal network", alternatives = new[] { "RPN" }, weight = 2.0, required = false },
            new { phrase = "YOLO", alternatives = Array.Empty<string>(), weight = 1.0, required = false },
            new { phrase = "sliding windows", alternatives = Array.Empty<string>(), weight = 1.0, required = false },
            new { phrase = "SSD", alternatives = Array.Empty<string>(), weight = 1.0, required = false },
        ]));

        var line = JsonNode.Parse(Assert.Single(run.StdoutLines))!;
        Assert.Equal(["region proposal network", "YOLO"], line["matched"]!.AsArray().Select(m => (string?)m));
        Assert.Equal(["sliding windows", "SSD"], line["missing"]!.AsArray().Select(m => (string?)m));
        var spans = line["explanation"]!["spans"]!.AsArray();
        var texts = spans.Select(keyword => keyword!.AsArray().Select(span =>
            $"{response.Substring((int)span![0]!, (int)span[1]!)}:{(string?)span[2]}").ToList()).ToList();
        Assert.Equal([["RPN:synonym"], ["YOLO:exact"]], texts);
        var negated = Assert.Single(line["explanation"]!["negated"]!.AsArray())!;
        Assert.Equal("sliding windows", (string?)negated["phrase"]);
        var negatedSpan = Assert.Single(negated["spans"]!.AsArray())!;
        Assert.Equal("sliding windows", response.Substring((int)negatedSpan[0]!, (int)negatedSpan[1]!));
        Assert.Contains("negated", line["flags"]!.AsArray().Select(f => (string?)f));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task LargeInputKeepsInputOrderWithErrorsInPlace(int workers)
    {
        // Enough lines for many batches on every worker, with broken lines scattered through them.
        const int count = 5_000;
        var responses = new[] { "Faster R-CNN uses region proposal networks.", "YOLO predicts bounding boxes in one pass.", "I do not know." };
        var lines = Enumerable.Range(0, count).Select(i => (i % 97, i % 89) switch
        {
            (13, _) => "{\"id\": \"broken-" + i + "\", ",
            (_, 7) => Line(new { id = $"r{i}", question = Question, modelAnswer = ModelAnswer }),
            _ => GoodLine($"r{i}", $"{responses[i % responses.Length]} Answer {i}."),
        }).ToArray();

        var run = await GradeAsync(["--workers", $"{workers}", "--meaning", "off"], lines);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        var output = run.StdoutLines.Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(count, output.Count);
        for (var i = 0; i < count; i++)
        {
            var (broken, noResponse) = (i % 97 == 13, i % 89 == 7 && i % 97 != 13);
            Assert.Equal(broken ? null : $"r{i}", (string?)output[i]["id"]);
            Assert.Equal(broken || noResponse, output[i]["error"] is not null);
            if (broken || noResponse)
                Assert.Equal(i + 1, (int)output[i]["line"]!);
            else
                Assert.NotNull(output[i]["score"]);
        }
    }

    [Fact]
    public async Task ReadsStandardInputAndWritesTheOutputFile()
    {
        var outputFile = Path.GetTempFileName();
        try
        {
            var run = await CliRunner.RunAsync(["grade", "--output", outputFile], GoodLine("stdin", "YOLO and SSD.") + "\n");

            Assert.Equal(ExitCodes.Success, run.ExitCode);
            Assert.Equal("", run.Stdout);
            var line = Assert.Single(await File.ReadAllLinesAsync(outputFile));
            Assert.Equal("stdin", (string?)JsonNode.Parse(line)!["id"]);
        }
        finally
        {
            File.Delete(outputFile);
        }
    }
}
