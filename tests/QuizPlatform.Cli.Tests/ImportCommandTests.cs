using System.Text.Json.Nodes;
using QuizPlatform.Web.Tests.Infrastructure;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Cli.Tests;

public class ImportCommandTests
{
    // Question 2 has no model answer: an error on the line of its prompt.
    private const string BrokenDocument = """
        # Assignment-8

        1. What is a convolution?
        2. What is pooling?

        ## Solutions

        1. A sliding weighted sum over the input.
        """;

    private static JsonNode Json(CliRun run) => JsonNode.Parse(run.Stdout) ?? throw new InvalidOperationException(run.Stderr);

    [Theory, AllDatabaseProviders]
    public async Task SeedIsCreatedWithFiftyQuestionsAndKeywordsThenUnchanged(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateEmptyAsync(provider);
        var quiz = new DatabaseCli(database);
        await quiz.MigrateAsync();

        var first = await quiz.RunAsync(["import", CliRunner.SeedFile, "--json"]);
        var second = await quiz.RunAsync(["import", CliRunner.SeedFile, "--json"]);

        Assert.True(first.ExitCode == ExitCodes.Success, first.Stderr);
        var created = Json(first);
        Assert.Equal("Assignment-8", (string?)created["title"]);
        Assert.Equal("created", (string?)created["status"]);
        Assert.Equal(1, (int?)created["version"]);
        var questions = created["questions"]!.AsArray();
        Assert.Equal(Enumerable.Range(1, 50), questions.Select(q => (int)q!["number"]!));
        Assert.All(questions, q =>
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)q!["prompt"]));
            Assert.False(string.IsNullOrWhiteSpace((string?)q["modelAnswer"]));
            var keyword = Assert.IsType<JsonObject>(q["keywords"]!.AsArray().First(), exactMatch: false);
            Assert.False(string.IsNullOrWhiteSpace((string?)keyword["phrase"]));
            Assert.NotNull(keyword["alternatives"]!.AsArray());
            Assert.True((double)keyword["weight"]! > 0);
            Assert.NotNull((bool?)keyword["required"]);
        });
        Assert.DoesNotContain(created["diagnostics"]!.AsArray(), d => (string?)d!["severity"] == "error");

        Assert.Equal(ExitCodes.Success, second.ExitCode);
        Assert.Equal("unchanged", (string?)Json(second)["status"]);
        Assert.Equal(1, (int?)Json(second)["version"]);
        Assert.Equal(1, await quiz.CountAssignmentVersionsAsync());
    }

    [Theory, AllDatabaseProviders]
    public async Task BrokenDocumentIsInvalidWithLineNumbersAndStoresNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var files = new TempDirectory();
        var quiz = new DatabaseCli(database);
        await quiz.MigrateAsync();

        var run = await quiz.RunAsync(["import", files.WriteFile("broken.md", BrokenDocument), "--json"]);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        var report = Json(run);
        Assert.Equal("invalid", (string?)report["status"]);
        Assert.Empty(report["questions"]!.AsArray());
        var error = report["diagnostics"]!.AsArray().First(d => (string?)d!["severity"] == "error")!;
        Assert.Equal(4, (int)error["line"]!);
        Assert.Contains("2", (string?)error["message"]);
        Assert.Equal(0, await quiz.CountAssignmentVersionsAsync());
    }

    [Theory, AllDatabaseProviders]
    public async Task DryRunIsValidWithExtractedKeywordsAndStoresNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var quiz = new DatabaseCli(database);
        await quiz.MigrateAsync();

        var run = await quiz.RunAsync(["import", CliRunner.SeedFile, "--dry-run", "--json"]);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
        var report = Json(run);
        Assert.Equal("valid", (string?)report["status"]);
        Assert.Null(report["version"]);
        Assert.Equal(50, report["questions"]!.AsArray().Count);
        Assert.All(report["questions"]!.AsArray(), q => Assert.NotEmpty(q!["keywords"]!.AsArray()));
        Assert.Equal(0, await quiz.CountAssignmentVersionsAsync());
    }

    [Fact]
    public async Task ImportWorksOnAFreshSqliteFileWithNoSetUp()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite);

        var run = await new DatabaseCli(database).RunAsync(["import", CliRunner.SeedFile]);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
        Assert.Matches(@"created: ""Assignment-8"" version 1, 50 questions", run.Stdout);
    }

    [Fact]
    public async Task HumanOutputListsDiagnosticsAsFileLineSeverityMessage()
    {
        using var files = new TempDirectory();
        var file = files.WriteFile("broken.md", BrokenDocument);

        // Refused before any database is opened: a PostgreSQL server that does not exist is never noticed.
        var run = await CliRunner.RunAsync(["import", file, "--Database:Provider=Postgres",
            "--ConnectionStrings:Quiz=Host=127.0.0.1;Port=1;Database=none;Timeout=1"]);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Matches(@"broken\.md:4: error: .+", run.Stderr);
        Assert.Contains("invalid", run.Stdout);
        Assert.Contains("nothing was stored", run.Stdout);
    }
}
