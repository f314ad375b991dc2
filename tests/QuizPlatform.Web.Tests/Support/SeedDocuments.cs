namespace QuizPlatform.Web.Tests.Support;

/// <summary>The repository's seed document, and ways to put documents in a seeds folder for the app to find.</summary>
public static class SeedDocuments
{
    public const string SeedFileName = "assignment-8.md";
    public const string SeedTitle = "Assignment-8";

    /// <summary>The text of answer 1's first sentence, which <see cref="ChangedSeed"/> rewrites.</summary>
    public const string FirstAnswerStart = "Feature extraction in convolutional neural networks (CNNs) refers to";

    public static string Seed { get; } = File.ReadAllText(FindSeed());

    /// <summary>The seed with one answer reworded: a changed document, so a new version.</summary>
    public static string ChangedSeed { get; } =
        Seed.Replace(FirstAnswerStart, "Feature extraction in a convolutional neural network means", StringComparison.Ordinal);

    /// <summary>Settings that turn seeding on and point it at <paramref name="folder"/>.</summary>
    public static Dictionary<string, string?> SeedingFrom(string folder) => new()
    {
        ["Seeding:Enabled"] = "true",
        ["Seeding:Directory"] = folder,
    };

    private static string FindSeed()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "seeds", SeedFileName);
            if (File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException($"seeds/{SeedFileName} not found above {AppContext.BaseDirectory}");
    }
}
