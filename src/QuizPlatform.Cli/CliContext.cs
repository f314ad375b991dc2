namespace QuizPlatform.Cli;

/// <summary>
/// What every command works with: the three streams (so tests can run the CLI in-process) and the
/// configuration overrides given on the command line (<c>--Database:Provider=Postgres</c>).
/// </summary>
public sealed record CliContext(TextReader Stdin, TextWriter Stdout, TextWriter Stderr, IReadOnlyList<string> ConfigurationArgs);

/// <summary>Exit codes shared by every command.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The input had errors (an invalid document, a failed JSON line) or the database could not be used.</summary>
    public const int Failed = 1;

    /// <summary>Wrong usage: unknown command or option, a missing argument, an input file that does not exist.</summary>
    public const int Usage = 2;
}
