namespace QuizPlatform.Web.Tests.Infrastructure;

/// <summary>An empty directory in <see cref="Scratch.Root"/>, deleted with everything in it on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateDirectory(System.IO.Path.Combine(Scratch.Root, $"quiz-test-{Guid.NewGuid():N}")).FullName;
    }

    public string Path { get; }

    /// <summary>Writes a file (e.g. a seed document) into the directory and returns its full path.</summary>
    public string WriteFile(string name, string contents)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, contents);
        return file;
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
            Directory.Delete(Path, recursive: true);
    }
}
