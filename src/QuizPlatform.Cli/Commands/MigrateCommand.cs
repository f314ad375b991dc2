using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data.Startup;

namespace QuizPlatform.Cli.Commands;

/// <summary><c>quiz migrate</c>: apply pending migrations of the configured provider (the explicit step PostgreSQL needs).</summary>
public static class MigrateCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("migrate", "Apply pending database migrations (SQLite or PostgreSQL, as configured).");
        command.SetAction((_, ct) => RunAsync(cli, ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, CancellationToken ct)
    {
        using var host = CliHost.Build(cli);
        var applied = await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
        await cli.Stdout.WriteLineAsync(applied.Count == 0
            ? "The database is up to date."
            : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}");
        return ExitCodes.Success;
    }
}
