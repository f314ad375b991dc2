namespace QuizPlatform.Cli;

/// <summary>
/// Separates configuration overrides from the command's own arguments. An override is an option whose name has a
/// colon, as the web app accepts them: <c>--Database:Provider=Postgres</c> or <c>--ConnectionStrings:Quiz "Host=..."</c>.
/// </summary>
public static class ConfigurationArguments
{
    public static (string[] CommandArgs, string[] ConfigurationArgs) Split(IReadOnlyList<string> args)
    {
        var command = new List<string>(args.Count);
        var configuration = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!IsOverride(arg))
            {
                command.Add(arg);
                continue;
            }
            if (arg.Contains('='))
            {
                configuration.Add(arg);
            }
            else if (i + 1 < args.Count)
            {
                configuration.Add($"{arg}={args[++i]}");
            }
            else
            {
                command.Add(arg); // a dangling override is reported as an unknown option
            }
        }
        return ([.. command], [.. configuration]);
    }

    private static bool IsOverride(string arg)
    {
        if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length < 4)
            return false;
        var nameEnd = arg.IndexOf('=');
        var name = nameEnd < 0 ? arg.AsSpan(2) : arg.AsSpan(2, nameEnd - 2);
        var colon = name.IndexOf(':');
        return colon > 0 && colon < name.Length - 1;
    }
}
