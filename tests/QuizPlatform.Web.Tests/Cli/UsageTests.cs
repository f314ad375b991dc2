using QuizPlatform.Cli;

namespace QuizPlatform.Web.Tests.Cli;

public class UsageTests
{
    [Theory]
    [InlineData(new string[0])]
    [InlineData(new[] { "frobnicate" })]
    [InlineData(new[] { "import" })]
    [InlineData(new[] { "import", "--no-such-option", "seeds/assignment-8.md" })]
    [InlineData(new[] { "import", "/no/such/file.md" })]
    [InlineData(new[] { "grade", "--input", "/no/such/file.jsonl" })]
    [InlineData(new[] { "grade", "--question", "3" })]
    [InlineData(new[] { "grade", "--question", "three", "--assignment", "Assignment-8" })]
    [InlineData(new[] { "evaluate" })]
    [InlineData(new[] { "evaluate", "--input", "/no/such/file.jsonl", "--top", "-1" })]
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
        foreach (var command in new[] { "import", "grade", "evaluate", "migrate", "seed" })
            Assert.Contains(command, run.Stdout);
    }

    [Theory]
    [InlineData(new[] { "import", "--Database:Provider=Postgres", "a.md" }, new[] { "import", "a.md" }, new[] { "--Database:Provider=Postgres" })]
    [InlineData(new[] { "--ConnectionStrings:Quiz", "Data Source=x.db", "seed" }, new[] { "seed" }, new[] { "--ConnectionStrings:Quiz=Data Source=x.db" })]
    [InlineData(new[] { "grade", "--input", "-" }, new[] { "grade", "--input", "-" }, new string[0])]
    public void ConfigurationOverridesAreSeparatedFromCommandArguments(string[] args, string[] command, string[] configuration)
    {
        var (commandArgs, configurationArgs) = ConfigurationArguments.Split(args);

        Assert.Equal(command, commandArgs);
        Assert.Equal(configuration, configurationArgs);
    }
}
