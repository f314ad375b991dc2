namespace QuizPlatform.Cli;

/// <summary>
/// Finds the QuizPlatform checkout the CLI runs in (the nearest folder upwards from the current directory holding
/// <c>QuizPlatform.sln</c>), so that <c>quiz</c> run anywhere inside a clone uses the web app's database and the
/// repository's <c>seeds/</c>.
/// </summary>
public static class RepositoryLayout
{
    public static string? FindRoot(string startDirectory)
    {
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "QuizPlatform.sln")))
                return dir.FullName;
        }
        return null;
    }

    /// <summary>
    /// The SQLite file used when no connection string is configured: the web app's <c>App_Data/quiz.db</c> when
    /// inside a checkout, otherwise <c>App_Data/quiz.db</c> under the current directory (as the web app does under
    /// its content root).
    /// </summary>
    public static string DefaultSqliteFile(string currentDirectory)
    {
        var root = FindRoot(currentDirectory);
        var baseDirectory = root is null ? currentDirectory : Path.Combine(root, "src", "QuizPlatform.Web");
        return Path.Combine(baseDirectory, "App_Data", "quiz.db");
    }

    /// <summary>The seed documents when <c>Seeding:Directory</c> is not configured: the checkout's <c>seeds/</c>, else <c>./seeds</c>.</summary>
    public static string DefaultSeedsDirectory(string currentDirectory) =>
        Path.Combine(FindRoot(currentDirectory) ?? currentDirectory, "seeds");
}
