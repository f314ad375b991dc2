namespace QuizPlatform.E2E.Tests.Infrastructure;

/// <summary>
/// A test that refreshes the README's screenshots in docs/screenshots/: it runs only with <c>UPDATE_SCREENSHOTS=1</c>,
/// so ordinary test runs leave the repository as it is.
/// </summary>
public sealed class ScreenshotFactAttribute : FactAttribute
{
    public ScreenshotFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") != "1")
            Skip = "Refreshes docs/screenshots: set UPDATE_SCREENSHOTS=1 to run.";
    }

    /// <summary>docs/screenshots/<paramref name="fileName"/> in the repository this test was built from.</summary>
    public static string PathOf(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "QuizPlatform.sln")))
                return Path.Combine(dir.FullName, "docs", "screenshots", fileName);
        }
        throw new DirectoryNotFoundException($"No QuizPlatform.sln above {AppContext.BaseDirectory}");
    }
}
