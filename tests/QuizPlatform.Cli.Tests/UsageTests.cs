
namespace QuizPlatform.Cli.Tests;

public class UsageTests
{
    public static TheoryData<string[]> WrongUsage => new()
    {
        Array.Empty<string>(),
        new[] { "frobnicate" },
        new[] { "import" },
        new[] { "import", "--no-such-option", CliRunner.SeedFile },
        new[] { "import", "/no/such/file.md" },
        new[] { "grade", "--input", "/no/such/file.jsonl" },
        new[] { "grade", "--question", "3" },
        new[] { "grade", "--question", "three", "--assignment", "Assignment-8" },
        new[] { "evaluate" },
        new[] { "evaluate", "--input", CliRunner.SeedFile, "--top", "-1" },
        new[] { "grade", "--meaning", "maybe" },
        new[] { "grade", "--learn-from-marks", "--meaning", "off" },
        new[] { "grade", "--among-assignment", "--learn-from-marks" },
        new[] { "evaluate", "--input", CliRunner.SeedFile, "--marks", "0" },
        new[] { "evaluate", "--input", CliRunner.SeedFile, "--seed", "3" },
        new[] { "evaluate", "--input", CliRunner.SeedFile, "--marks", "5", "--meaning", "off" },
        new[] { "roster", "import" },
        new[] { "roster", "import", "/no/such/roster.csv" },
    };

    [Theory]
    [MemberData(nameof(WrongUsage))]
    public async Task WrongUsageExitsWithTwoAndSaysWhy(string[] args)
    {
        var run = await CliRunner.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("quiz:", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task HelpListsEveryCommand()
    {
        var run = await CliRunner.RunAsync(["--help"]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        foreach (var command in new[] { "import", "grade", "evaluate", "migrate", "seed", "roster" })
            Assert.Contains(command, run.Stdout);
    }

    public static TheoryData<string[], string[], string[]> Overrides => new()
    {
        { new[] { "import", "--Database:Provider=Postgres", "a.md" }, new[] { "import", "a.md" }, new[] { "--Database:Provider=Postgres" } },
        { new[] { "--ConnectionStrings:Quiz", "Data Source=x.db", "seed" }, new[] { "seed" }, new[] { "--ConnectionStrings:Quiz=Data Source=x.db" } },
        { new[] { "grade", "--input", "-" }, new[] { "grade", "--input", "-" }, Array.Empty<string>() },
    };

    [Theory]
    [MemberData(nameof(Overrides))]
    public void ConfigurationOverridesAreSeparatedFromCommandArguments(string[] args, string[] command, string[] configuration)
    {
        var (commandArgs, configurationArgs) = ConfigurationArguments.Split(args);

        Assert.Equal(command, commandArgs);
        Assert.Equal(configuration, configurationArgs);
    }
}
