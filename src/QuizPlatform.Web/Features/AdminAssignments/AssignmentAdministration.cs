using System.Text;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Assignments;
using QuizPlatform.Data.Entities;
using QuizPlatform.Importing;
using QuizPlatform.Web.Features.Assignments;

namespace QuizPlatform.Web.Features.AdminAssignments;

/// <summary>
/// What the admin assignment pages do: preview a document against what is stored, import it as the acting admin,
/// list assignments with their versions, export a version as Markdown. Every method checks the Admin role itself.
/// </summary>
public sealed class AssignmentAdministration(IDbContextFactory<QuizDbContext> dbFactory, AssignmentImporter importer)
{
    /// <summary>The largest document the importer accepts, in bytes.</summary>
    public static int MaxBytes { get; } = new ImportOptions().MaxBytes;

    public async Task<AssignmentPreview> PreviewAsync(string? actorId, byte[] content, string fileName)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        (await Actor.LoadAsync(db, actorId)).EnsureAdmin();

        var parsed = importer.Preview(content, fileName);
        var diagnostics = WithLineText(parsed.Diagnostics, content);
        if (parsed.Status == ImportStatus.Invalid || parsed.Title is null)
            return new AssignmentPreview(fileName, PreviewStatus.Invalid, null, null, [], null, diagnostics);

        var assignmentId = await db.Assignments.Where(a => a.Title == parsed.Title).Select(a => (int?)a.Id).SingleOrDefaultAsync();
        if (assignmentId is null)
            return new AssignmentPreview(fileName, PreviewStatus.New, parsed.Title, 1, Questions(parsed.Questions, null), null, diagnostics);

        var same = await db.AssignmentVersions
            .Where(v => v.AssignmentId == assignmentId && v.ContentHash == parsed.ContentHash)
            .Select(v => (int?)v.Version).SingleOrDefaultAsync();
        var latest = await db.AssignmentVersions.AsNoTracking()
            .Where(v => v.AssignmentId == assignmentId).OrderByDescending(v => v.Version)
            .Include(v => v.Questions).ThenInclude(q => q.Keywords)
            .AsSplitQuery().FirstAsync();
        var changes = VersionChanges.Between(
            latest.Questions.Select(q => new VersionChanges.QuestionText(q.Number, q.Prompt, q.ModelAnswer)),
            parsed.Questions.Select(q => new VersionChanges.QuestionText(q.Number, q.Prompt, q.ModelAnswer)));
        return same is { } version
            ? new AssignmentPreview(fileName, PreviewStatus.Unchanged, parsed.Title, version, Questions(parsed.Questions, null), changes, diagnostics)
            : new AssignmentPreview(fileName, PreviewStatus.NewVersion, parsed.Title, latest.Version + 1,
                Questions(parsed.Questions, latest), changes, diagnostics);
    }

    /// <summary>Imports through <see cref="AssignmentImporter"/>, recording the acting admin as the importer.</summary>
    public async Task<ImportResult> ImportAsync(string? actorId, byte[] content, string fileName)
    {
        await using (var db = await dbFactory.CreateDbContextAsync())
            (await Actor.LoadAsync(db, actorId)).EnsureAdmin();
        return await importer.ImportAsync(content, fileName, actorId);
    }

    public async Task<IReadOnlyList<AssignmentSummary>> ListAsync(string? actorId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        (await Actor.LoadAsync(db, actorId)).EnsureAdmin();
        var versions = await db.AssignmentVersions
            .Select(v => new { v.AssignmentId, v.Assignment.Title, Row = new VersionSummary(v.Version, v.SourceFileName,
                v.Questions.Count, v.ImportedAt, v.ImportedBy == null ? null : v.ImportedBy.Email) })
            .ToListAsync();
        return versions.GroupBy(v => (v.AssignmentId, v.Title))
            .Select(g => new AssignmentSummary(g.Key.AssignmentId, g.Key.Title,
                g.Select(v => v.Row).OrderByDescending(v => v.Version).ToList()))
            .OrderBy(a => a.Title, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    /// <summary>A stored version (the latest when <paramref name="version"/> is null) written back as Markdown; null when there is none.</summary>
    public async Task<ExportedDocument?> ExportAsync(string? actorId, int assignmentId, int? version)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        (await Actor.LoadAsync(db, actorId)).EnsureAdmin();
        var stored = await db.AssignmentVersions.AsNoTracking()
            .Where(v => v.AssignmentId == assignmentId && (version == null || v.Version == version))
            .OrderByDescending(v => v.Version)
            .Include(v => v.Assignment).Include(v => v.Questions)
            .FirstOrDefaultAsync();
        if (stored is null)
            return null;
        var document = new ParsedAssignment(stored.Assignment.Title, stored.Questions.OrderBy(q => q.Number)
            .Select(q => new ParsedQuestion(q.Number, q.Prompt, q.ModelAnswer)).ToList());
        return new ExportedDocument($"{FileNamePart(stored.Assignment.Title)}-v{stored.Version}.md", AssignmentExporter.Export(document));
    }

    /// <summary>
    /// The document's questions with the keywords an import would store: a question unchanged since the latest
    /// version keeps keywords an instructor edited there (the importer's rule), the rest get extracted ones.
    /// </summary>
    static List<ImportedQuestion> Questions(IReadOnlyList<ImportedQuestion> parsed, AssignmentVersion? latest) =>
        parsed.Select(q =>
        {
            var before = latest?.Questions.SingleOrDefault(p => p.Number == q.Number);
            var keepsEdited = before is not null && before.Prompt == q.Prompt && before.ModelAnswer == q.ModelAnswer
                && before.Keywords.Count > 0 && before.Keywords.All(k => k.Origin == KeywordOrigin.Edited);
            return keepsEdited
                ? q with { Keywords = before!.Keywords.OrderBy(k => k.Position)
                    .Select(k => new ImportedKeyword(k.Phrase, k.Alternatives, k.Weight, k.Required, k.Origin)).ToList() }
                : q;
        }).ToList();

    /// <summary>Each diagnostic with the text of the line it points at (empty when the line is not text).</summary>
    static List<DiagnosticLine> WithLineText(IReadOnlyList<Diagnostic> diagnostics, byte[] content)
    {
        var lines = Encoding.UTF8.GetString(content).TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        return diagnostics.Select(d => new DiagnosticLine(d.Line, d.Severity, d.Message,
            d.Line >= 1 && d.Line <= lines.Length ? Shorten(lines[d.Line - 1]) : "")).ToList();
    }

    static string Shorten(string line) => line.Length <= 300 ? line : line[..300] + "…";

    static string FileNamePart(string title)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var cleaned = new string(title.Select(c => invalid.Contains(c) || char.IsWhiteSpace(c) ? '-' : c).ToArray()).Trim('-', '.');
        return cleaned.Length == 0 ? "assignment" : cleaned;
    }
}
