using System.CommandLine;
using QuizPlatform.Cli.Commands;

namespace QuizPlatform.Cli;

/// <summary>The <c>quiz</c> command line, runnable in-process with any streams.</summary>
public static class QuizCli
{
    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr,
        CancellationToken cancellationToken = default)
    {
        var (commandArgs, configurationArgs) = ConfigurationArguments.Split(args);
        var cli = new CliContext(stdin, stdout, stderr, configurationArgs);
        var root = new RootCommand("quiz: import assignments and rosters, grade free-text responses, manage the QuizPlatform database.")
        {
            ImportCommand.Create(cli),
            GradeCommand.Create(cli),
            EvaluateCommand.Create(cli),
            MigrateCommand.Create(cli),
            SeedCommand.Create(cli),
            RosterCommand.Create(cli),
        };

        var parseResult = root.Parse(commandArgs);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
                await stderr.WriteLineAsync($"quiz: {error.Message}");
            await stderr.WriteLineAsync("Run 'quiz --help' for usage.");
            return ExitCodes.Usage;
        }

        var invocation = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            return await parseResult.InvokeAsync(invocation, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A database that cannot be reached, an unreadable file: one clear line, not a stack trace.
            await stderr.WriteLineAsync($"quiz: {e.GetBaseException().Message}");
            return ExitCodes.Failed;
        }
        finally
        {
            await stdout.FlushAsync(cancellationToken);
        }
    }
}
