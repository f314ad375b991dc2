using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data.Assignments;

namespace QuizPlatform.Cli.Commands;

/// <summary>
/// <c>quiz seed</c>: the web app's start-up seeding, once: imports every <c>*.md</c> in <c>Seeding:Directory</c>
/// (unchanged documents are left alone; documents with errors are reported and skipped).
/// </summary>
public static class SeedCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("seed", "Import the seed documents (Seeding:Directory, by default the repository's seeds/).");
        command.SetAction((_, ct) => RunAsync(cli, ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, CancellationToken ct)
    {
        using var host = CliHost.Build(cli);
        await CliHost.PrepareDatabaseAsync(host, cli, ct);
        var outcome = await host.Services.GetRequiredService<AssignmentSeeder>().SeedAsync(ct);
        await cli.Stdout.WriteLineAsync(outcome.ToString());
        return ExitCodes.Success;
    }
}
