using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace QuizPlatform.Data.Assignments;

/// <summary>
/// Imports every <c>*.md</c> document of <c>Seeding:Directory</c> in file-name order. Idempotent: unchanged documents
/// are recognised by their content hash. A document with errors is logged and skipped; it never stops the caller.
/// Run at start-up by the host, and by <c>quiz seed</c>.
/// </summary>
public sealed class AssignmentSeeder(
    AssignmentImporter importer,
    IOptions<SeedingOptions> options,
    IHostEnvironment environment,
    ILogger<AssignmentSeeder> logger)
{
    public async Task<IReadOnlyList<ImportResult>> SeedAsync(CancellationToken cancellationToken = default)
    {
        var directory = SeedsDirectory();
        if (directory is null || !Directory.Exists(directory))
        {
            logger.LogWarning("Seeding: no seeds directory found (Seeding:Directory is {Configured}, content root {Root})",
                options.Value.Directory ?? "unset", environment.ContentRootPath);
            return [];
        }

        var files = SeedFilesIn(directory);
        logger.LogInformation("Seeding {Count} document(s) from {Directory}", files.Count, directory);
        var results = new List<ImportResult>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var content = await File.ReadAllBytesAsync(file, cancellationToken);
            var result = await importer.ImportAsync(content, name, importedById: null, cancellationToken);
            Log(result);
            results.Add(result);
        }
        return results;
    }

    /// <summary>The documents a start-up imports, in its order; none when there is no seeds directory.</summary>
    public IReadOnlyList<string> SeedFiles() => SeedsDirectory() is { } directory && Directory.Exists(directory) ? SeedFilesIn(directory) : [];

    static List<string> SeedFilesIn(string directory) => [.. Directory.GetFiles(directory, "*.md").Order(StringComparer.Ordinal)];

    /// <summary>The configured directory (relative to the content root), else the nearest <c>seeds/</c> above it.</summary>
    public string? SeedsDirectory()
    {
        var root = environment.ContentRootPath;
        if (!string.IsNullOrWhiteSpace(options.Value.Directory))
            return Path.GetFullPath(options.Value.Directory, root);
        for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "seeds");
            if (Directory.Exists(candidate))
                return candidate;
        }
        return null;
    }

    void Log(ImportResult result)
    {
        if (result.Status == ImportStatus.Invalid)
        {
            logger.LogError("Seed {File} has errors; nothing imported:{NewLine}{Diagnostics}",
                result.FileName, Environment.NewLine, string.Join(Environment.NewLine, result.DiagnosticLines));
            return;
        }
        logger.LogInformation("Seed {File}: {Status} \"{Title}\" version {Version} ({Questions} questions)",
            result.FileName, ImportStatusJsonConverter.NameOf(result.Status), result.Title, result.Version,
            result.Questions.Count);
        foreach (var warning in result.DiagnosticLines)
            logger.LogWarning("{Diagnostic}", warning);
    }
}
