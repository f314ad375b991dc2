using QuizPlatform.Web.Tests.Infrastructure;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Cli.Tests;

public sealed class SeedCommandTests
{
    [Theory, AllDatabaseProviders]
    public async Task WithDemoAddsTheDemoDataOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var quiz = new DatabaseCli(database);
        await quiz.MigrateAsync();
        string[] seed = ["seed", "--demo", $"--Seeding:Directory={Path.GetDirectoryName(CliRunner.SeedFile)}"];

        var first = await quiz.RunAsync(seed);
        var second = await quiz.RunAsync(seed);

        Assert.True(first.ExitCode == ExitCodes.Success, first.Stderr);
        Assert.Contains("Demo data: 7 account(s) created, class CNN 101 created, 5 student(s) enrolled, quiz created.", first.Stdout);
        Assert.True(second.ExitCode == ExitCodes.Success, second.Stderr);
        Assert.Contains("Demo data: 0 account(s) created, class CNN 101 present, 0 student(s) enrolled, quiz present.", second.Stdout);
    }
}
