namespace QuizPlatform.Web.Tests.Infrastructure;

/// <summary>The repository the tests were built from (the directory holding QuizPlatform.sln).</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "QuizPlatform.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"No QuizPlatform.sln above {AppContext.BaseDirectory}.");
    }
}
