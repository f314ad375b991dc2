using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data.Assignments;

namespace QuizPlatform.Cli.Commands;

/// <summary>
/// <c>quiz seed</c>: the web app's start-up seeding, once: imports every <c>*.md</c> in <c>Seeding:Directory</c>
/// (unchanged documents are left alone). A document with errors is reported and skipped, the others are still
/// imported, and the exit code is 1 so scripts notice.
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
        var seeder = host.Services.GetRequiredService<AssignmentSeeder>();
        var directory = seeder.SeedsDirectory();
        if (directory is null || !Directory.Exists(directory))
        {
            await cli.Stderr.WriteLineAsync($"quiz seed: the seeds directory '{directory}' does not exist (set Seeding:Directory).");
            return ExitCodes.Failed;
        }

        await CliHost.PrepareDatabaseAsync(host, cli, ct);
        var results = await seeder.SeedAsync(ct);
        foreach (var result in results)
            await ImportCommand.WriteSummaryAsync(cli, result);
        await cli.Stdout.WriteLineAsync($"Seeded from {directory}: {results.Count} document(s).");
        return results.All(r => r.Succeeded) ? ExitCodes.Success : ExitCodes.Failed;
    }
}
