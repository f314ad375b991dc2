using System.Text.Json.Nodes;
using QuizPlatform.Web.Tests.Infrastructure;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Cli.Tests;

public class StoredQuestionGradingTests
{
    [Theory, AllDatabaseProviders]
    public async Task SeededQuestionGradesAResponseFromStandardInput(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var seeds = new TempDirectory();
        File.Copy(CliRunner.SeedFile, Path.Combine(seeds.Path, "assignment-8.md"));
        var quiz = new DatabaseCli(database);
        await quiz.MigrateAsync();
        var seeded = await quiz.RunAsync(["seed", $"--Seeding:Directory={seeds.Path}"]);
        Assert.True(seeded.ExitCode == ExitCodes.Success, seeded.Stderr);
        Assert.Contains("created", seeded.Stdout);

        var good = await quiz.RunAsync(["grade", "--question", "5", "--assignment", "Assignment-8"],
            "Faster R-CNN uses a region proposal network to propose regions; YOLO and SSD predict bounding boxes in a single pass.\n");
        var poor = await quiz.RunAsync(["grade", "--question", "5", "--assignment", "Assignment-8"], "I am not sure.\n");

        Assert.True(good.ExitCode == ExitCodes.Success, good.Stderr);
        var result = JsonNode.Parse(good.Stdout)!;
        Assert.Equal("Assignment-8#5", (string?)result["id"]);
        Assert.InRange((double)result["score"]!, 0, 1);
        Assert.NotEmpty(result["matched"]!.AsArray());
        Assert.True((double)result["score"]! > (double)JsonNode.Parse(poor.Stdout)!["score"]!);
    }

    [Fact]
    public async Task AnAnswerToAnotherQuestionOfTheAssignmentIsFlaggedAndNamesIt()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var seeds = new TempDirectory();
        File.Copy(CliRunner.SeedFile, Path.Combine(seeds.Path, "assignment-8.md"));
        var quiz = new DatabaseCli(database);
        var seeded = await quiz.RunAsync(["seed", $"--Seeding:Directory={seeds.Path}", "--Grading:Meaning=false"]);
        Assert.True(seeded.ExitCode == ExitCodes.Success, seeded.Stderr);
        var question7 = new Importing.AssignmentParser().Parse(File.ReadAllText(CliRunner.SeedFile)).Assignment!.Questions[6].ModelAnswer;

        var run = await quiz.RunAsync(["grade", "--question", "8", "--assignment", "Assignment-8", "--meaning", "off"], question7 + "\n");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
        var result = JsonNode.Parse(run.Stdout)!;
        Assert.Contains("other-question", result["flags"]!.AsArray().Select(f => (string?)f));
        Assert.Contains("reads as an answer to question 7", (string?)result["explanation"]!["summary"]);
        Assert.True((double)result["score"]! <= 0.25);
    }

    [Fact]
    public async Task UnknownQuestionFailsWithAMessage()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var run = await new DatabaseCli(database).RunAsync(["grade", "--question", "99", "--assignment", "Assignment-8"], "answer");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("no question 99", run.Stderr);
    }
}
