using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Web.Tests.Infrastructure;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Cli.Tests;

/// <summary>Runs <c>quiz</c> against one test database, configured the way a user would: by command-line overrides.</summary>
public sealed class DatabaseCli(TestDatabase database)
{
    public string[] Configuration =>
    [
        $"--Database:Provider={database.Provider}",
        $"--ConnectionStrings:Quiz={database.ConnectionString}",
        // As the web tests: imports extract without the model, which would cost seconds per seed.
        "--Grading:Meaning=false",
    ];

    public Task<CliRun> RunAsync(string[] args, string stdin = "") => CliRunner.RunAsync([.. args, .. Configuration], stdin);

    public async Task MigrateAsync()
    {
        var run = await RunAsync(["migrate"]);
        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
    }

    /// <summary>What is stored, read through the CLI's own host and the Data project's context.</summary>
    public Task<int> CountAssignmentVersionsAsync() =>
        WithServicesAsync(services => services.GetRequiredService<QuizDbContext>().AssignmentVersions.CountAsync());

    /// <summary>Runs <paramref name="use"/> in a scope of the CLI's own host: the Data project's context, user manager, ….</summary>
    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        using var host = CliHost.Build(new CliContext(TextReader.Null, TextWriter.Null, TextWriter.Null, Configuration));
        await using var scope = host.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }
}
