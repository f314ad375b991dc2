using System.Text;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Assignments;
using QuizPlatform.Data.Entities;
using QuizPlatform.Importing;
using QuizPlatform.Web.Features.Assignments;
using QuizPlatform.Web.Features.Audit;

namespace QuizPlatform.Web.Features.AdminAssignments;

/// <summary>
/// What the admin assignment pages do: preview a document against what is stored, import it as the acting admin,
/// list assignments with their versions, export a version as Markdown. Every method checks the Admin role itself.
/// </summary>
public sealed class AssignmentAdministration(IDbContextFactory<QuizDbContext> dbFactory, AssignmentImporter importer, AuditLog audit)
{
    /// <summary>The largest document the importer accepts, in bytes.</summary>
    public static int MaxBytes { get; } = new ImportOptions().MaxBytes;

    public async Task<AssignmentPreview> PreviewAsync(string? actorId, byte[] content, string fileName)
    {
        await using (var db = await dbFactory.CreateDbContextAsync())
            (await Actor.LoadAsync(db, actorId)).EnsureAdmin();
        var plan = await importer.PlanAsync(content);
        return new AssignmentPreview(fileName, plan, WithLineText(plan.Parsed.Diagnostics, content));
    }

    /// <summary>Imports through <see cref="AssignmentImporter"/>, recording the acting admin as the importer.</summary>
    public async Task<ImportResult> ImportAsync(string? actorId, byte[] content, string fileName)
    {
        await using (var db = await dbFactory.CreateDbContextAsync())
            (await Actor.LoadAsync(db, actorId)).EnsureAdmin();
        var result = await importer.ImportAsync(content, fileName, actorId);
        if (result.AssignmentId is { } id && result.Status is ImportStatus.Created or ImportStatus.Updated)
            await audit.WriteAsync(actorId, AuditActions.AssignmentImported, AuditSubject.Assignment(id),
                $"Imported {fileName} as {result.Title}, version {result.Version}, with {result.Questions.Count} questions.");
        return result;
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
            .OrderBy(a => a.Title, FormattingCulture.Names).ToList();
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
        await audit.WriteAsync(actorId, AuditActions.AssignmentExported, AuditSubject.Assignment(assignmentId),
            $"Exported {stored.Assignment.Title}, version {stored.Version}, as Markdown.");
        return new ExportedDocument($"{FileNamePart(stored.Assignment.Title)}-v{stored.Version}.md", AssignmentExporter.Export(document));
    }

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
