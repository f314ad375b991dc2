namespace QuizPlatform.Cli.Tests;

public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Runs the <c>quiz</c> command in-process, through the same entry point as the executable.</summary>
public static class CliRunner
{
    public static async Task<CliRun> RunAsync(string[] args, string stdin = "")
    {
        using var input = new StringReader(stdin);
        await using var output = new StringWriter();
        await using var error = new StringWriter();
        var exitCode = await QuizCli.RunAsync(args, input, output, error);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public static string RepositoryRoot { get; } =
        RepositoryLayout.FindRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("Tests run outside the repository.");

    public static string SeedFile => Path.Combine(RepositoryRoot, "seeds", "assignment-8.md");
}
