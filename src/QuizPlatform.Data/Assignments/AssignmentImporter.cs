using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data.Entities;
using QuizPlatform.Grading;
using QuizPlatform.Importing;

namespace QuizPlatform.Data.Assignments;

/// <summary>
/// Parses an assignment document and stores it as a new assignment or a new version of one, in one transaction.
/// Concurrent imports of one title are serialised (a PostgreSQL advisory lock; SQLite's write lock, taken when the
/// transaction begins), and a unique-index violation from a twin that got there first is resolved by re-reading.
/// Keywords come from the registered <see cref="KeywordExtractor"/>: ranked by the sentence model where the host has it.
/// </summary>
public sealed class AssignmentImporter(IDbContextFactory<QuizDbContext> contextFactory, TimeProvider clock, KeywordExtractor extractor)
{
    const int MaxAttempts = 3;

    /// <summary>The source name of a document pasted into the import page rather than uploaded: it had no file.</summary>
    public const string PastedText = "pasted text";

    /// <summary>Parses and extracts keywords without touching the database: status <c>Valid</c> or <c>Invalid</c>.</summary>
    public ImportResult Preview(ReadOnlySpan<byte> content, string fileName, ImportOptions? options = null)
    {
        var parsed = new AssignmentParser(options).Parse(content);
        return parsed.Assignment is { } document
            ? new ImportResult(fileName, ImportStatus.Valid, document.Title, null, null, null, parsed.ContentHash,
                ImportPlan.QuestionsOf(document, null, extractor), parsed.Diagnostics)
            : Invalid(fileName, parsed);
    }

    /// <summary>What <see cref="ImportAsync"/> would do with this document now; stores nothing.</summary>
    public async Task<ImportPlan> PlanAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var parsed = new AssignmentParser().Parse(content.Span);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await ImportPlan.DecideAsync(db, parsed, extractor, cancellationToken);
    }

    public async Task<ImportResult> ImportAsync(ReadOnlyMemory<byte> content, string fileName,
        string? importedById = null, CancellationToken cancellationToken = default)
    {
        var parsed = new AssignmentParser().Parse(content.Span);
        if (parsed.Assignment is null)
            return Invalid(fileName, parsed);

        var markdown = Encoding.UTF8.GetString(content.Span).TrimStart('\uFEFF');
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StoreAsync(parsed, markdown, fileName, importedById, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // A concurrent import of the same title committed first; the next attempt sees its rows.
            }
        }
    }

    async Task<ImportResult> StoreAsync(ParseResult parsed, string markdown, string fileName,
        string? importedById, CancellationToken cancellationToken)
    {
        var title = parsed.Assignment!.Title;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey(title)})", cancellationToken);

        var plan = await ImportPlan.DecideAsync(db, parsed, extractor, cancellationToken);
        if (plan.Status == ImportStatus.Unchanged)
            return Result(plan, fileName, plan.StoredVersionId!.Value);

        var version = new AssignmentVersion
        {
            Version = plan.Version!.Value,
            SourceFileName = Path.GetFileName(fileName),
            ContentHash = parsed.ContentHash,
            Markdown = markdown,
            ImportedAt = clock.GetUtcNow().UtcDateTime,
            ImportedById = importedById,
            Questions = plan.Questions.Select(q => new Question
            {
                Number = q.Number,
                Prompt = q.Prompt,
                ModelAnswer = q.ModelAnswer,
                DefaultPoints = q.DefaultPoints,
                Keywords = q.Keywords.Select((k, position) => new QuestionKeyword { Position = position, Phrase = k.Phrase,
                    Alternatives = [.. k.Alternatives], Weight = k.Weight, Required = k.Required, Origin = k.Origin }).ToList(),
            }).ToList(),
        };
        if (plan.AssignmentId is { } assignmentId)
            version.AssignmentId = assignmentId;
        else
            version.Assignment = new Assignment { Title = title };
        db.AssignmentVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result(plan with { AssignmentId = version.AssignmentId }, fileName, version.Id);
    }

    static ImportResult Result(ImportPlan plan, string fileName, int versionId) =>
        new(fileName, plan.Status, plan.Title, plan.Version, plan.AssignmentId, versionId, plan.Parsed.ContentHash,
            plan.Questions, plan.Parsed.Diagnostics);

    static ImportResult Invalid(string fileName, ParseResult parsed) =>
        new(fileName, ImportStatus.Invalid, null, null, null, null, parsed.ContentHash, [], parsed.Diagnostics);

    /// <summary>A stable 64-bit key per title for <c>pg_advisory_xact_lock</c> (string.GetHashCode varies per process).</summary>
    static long LockKey(string title) =>
        BinaryPrimitives.ReadInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes("quiz-assignment:" + title)));
}
