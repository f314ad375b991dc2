using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data.Assignments;
using QuizPlatform.Data.Demo;

namespace QuizPlatform.Cli.Commands;

/// <summary>
/// <c>quiz seed</c>: the web app's start-up seeding, once: imports every <c>*.md</c> in <c>Seeding:Directory</c>
/// (unchanged documents are left alone). A document with errors is reported and skipped, the others are still
/// imported, and the exit code is 1 so scripts notice. With <c>--demo</c> it then adds the demo accounts, class and
/// quiz (<see cref="DemoDataSeeder"/>), whatever <c>Seeding:Demo</c> says.
/// </summary>
public static class SeedCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("seed", "Import the seed documents (Seeding:Directory, by default the repository's seeds/).");
        var demo = new Option<bool>("--demo")
        {
            Description = $"Also add the demo accounts ({DemoDataSeeder.InstructorEmail}, student1..5@demo.local, {DemoDataSeeder.AdminEmail}; password {DemoDataSeeder.Password}), class and quiz.",
        };
        command.Options.Add(demo);
        command.SetAction((parse, ct) => RunAsync(cli, parse.GetValue(demo), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, bool demo, CancellationToken ct)
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
        var demoComplete = true;
        if (demo)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var summary = await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(ct);
            await cli.Stdout.WriteLineAsync(
                $"Demo data: {summary.AccountsCreated} account(s) created, class {DemoDataSeeder.ClassName} " +
                $"{(summary.ClassCreated ? "created" : "present")}, {summary.StudentsEnrolled} student(s) enrolled, " +
                $"quiz {(summary.QuizCreated ? "created" : "present")}. Password: {DemoDataSeeder.Password}");
            if (summary.Missing is not null)
                await cli.Stderr.WriteLineAsync($"quiz seed: {summary.Missing}");
            demoComplete = summary.Missing is null;
        }
        return results.All(r => r.Succeeded) && demoComplete ? ExitCodes.Success : ExitCodes.Failed;
    }
}
