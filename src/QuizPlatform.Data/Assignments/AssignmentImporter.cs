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
/// </summary>
public sealed class AssignmentImporter(IDbContextFactory<QuizDbContext> contextFactory, TimeProvider clock)
{
    const int MaxAttempts = 3;

    /// <summary>Parses and extracts keywords without touching the database: status <c>Valid</c> or <c>Invalid</c>.</summary>
    public ImportResult Preview(ReadOnlySpan<byte> content, string fileName, ImportOptions? options = null)
    {
        var parsed = new AssignmentParser(options).Parse(content);
        if (parsed.Assignment is not { } assignment)
            return Invalid(fileName, parsed);
        var keywords = ExtractKeywords(assignment);
        var questions = assignment.Questions.Select((q, i) => new ImportedQuestion(q.Number, q.Prompt, q.ModelAnswer,
            keywords[i].Select(k => ToImported(k, KeywordOrigin.Extracted)).ToList())).ToList();
        return new ImportResult(fileName, ImportStatus.Valid, assignment.Title, null, null, null,
            parsed.ContentHash, questions, parsed.Diagnostics);
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
        var document = parsed.Assignment!;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey(document.Title)})", cancellationToken);

        var assignment = await db.Assignments.SingleOrDefaultAsync(a => a.Title == document.Title, cancellationToken);
        if (assignment is not null)
        {
            var same = await db.AssignmentVersions.SingleOrDefaultAsync(
                v => v.AssignmentId == assignment.Id && v.ContentHash == parsed.ContentHash, cancellationToken);
            if (same is not null)
                return await ReadBackAsync(db, same, ImportStatus.Unchanged, fileName, parsed, cancellationToken);
        }

        var status = assignment is null ? ImportStatus.Created : ImportStatus.Updated;
        assignment ??= db.Assignments.Add(new Assignment { Title = document.Title }).Entity;
        var previous = status == ImportStatus.Created ? null : await db.AssignmentVersions
            .Where(v => v.AssignmentId == assignment.Id)
            .OrderByDescending(v => v.Version)
            .Include(v => v.Questions).ThenInclude(q => q.Keywords)
            .FirstAsync(cancellationToken);

        var version = new AssignmentVersion
        {
            Assignment = assignment,
            Version = (previous?.Version ?? 0) + 1,
            SourceFileName = Path.GetFileName(fileName),
            ContentHash = parsed.ContentHash,
            Markdown = markdown,
            ImportedAt = clock.GetUtcNow().UtcDateTime,
            ImportedById = importedById,
            Questions = BuildQuestions(document, previous),
        };
        db.AssignmentVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result(version, status, fileName, parsed);
    }

    /// <summary>
    /// Extracted keywords for every question, except that a question whose text did not change since the previous
    /// version keeps the keywords an instructor edited there.
    /// </summary>
    static List<Question> BuildQuestions(ParsedAssignment document, AssignmentVersion? previous)
    {
        var extracted = ExtractKeywords(document);
        return document.Questions.Select((q, i) =>
        {
            var before = previous?.Questions.SingleOrDefault(p => p.Number == q.Number);
            var edited = before is not null && before.Prompt == q.Prompt && before.ModelAnswer == q.ModelAnswer
                && before.Keywords.Count > 0 && before.Keywords.All(k => k.Origin == KeywordOrigin.Edited)
                ? before.Keywords.OrderBy(k => k.Position).ToList()
                : null;
            var keywords = edited is not null
                ? edited.Select(k => new QuestionKeyword { Phrase = k.Phrase, Alternatives = [.. k.Alternatives],
                    Weight = k.Weight, Required = k.Required, Origin = KeywordOrigin.Edited })
                : extracted[i].Select(k => new QuestionKeyword { Phrase = k.Phrase, Alternatives = [.. k.Alternatives],
                    Weight = k.Weight, Required = k.Required, Origin = KeywordOrigin.Extracted });
            return new Question
            {
                Number = q.Number,
                Prompt = q.Prompt,
                ModelAnswer = q.ModelAnswer,
                DefaultPoints = before?.DefaultPoints ?? 1,
                Keywords = keywords.Select((k, position) => { k.Position = position; return k; }).ToList(),
            };
        }).ToList();
    }

    static IReadOnlyList<IReadOnlyList<Keyword>> ExtractKeywords(ParsedAssignment document) =>
        new KeywordExtractor().Extract(document.Questions.Select(q => new QuestionText(q.Prompt, q.ModelAnswer)).ToList());

    static async Task<ImportResult> ReadBackAsync(QuizDbContext db, AssignmentVersion version, ImportStatus status,
        string fileName, ParseResult parsed, CancellationToken cancellationToken)
    {
        await db.Entry(version).Reference(v => v.Assignment).LoadAsync(cancellationToken);
        await db.Entry(version).Collection(v => v.Questions).Query().Include(q => q.Keywords).LoadAsync(cancellationToken);
        return Result(version, status, fileName, parsed);
    }

    static ImportResult Result(AssignmentVersion version, ImportStatus status, string fileName, ParseResult parsed) =>
        new(fileName, status, version.Assignment.Title, version.Version, version.AssignmentId, version.Id,
            version.ContentHash,
            version.Questions.OrderBy(q => q.Number).Select(q => new ImportedQuestion(q.Number, q.Prompt, q.ModelAnswer,
                q.Keywords.OrderBy(k => k.Position).Select(k =>
                    new ImportedKeyword(k.Phrase, k.Alternatives, k.Weight, k.Required, k.Origin)).ToList())).ToList(),
            parsed.Diagnostics);

    static ImportResult Invalid(string fileName, ParseResult parsed) =>
        new(fileName, ImportStatus.Invalid, null, null, null, null, parsed.ContentHash, [], parsed.Diagnostics);

    static ImportedKeyword ToImported(Keyword k, KeywordOrigin origin) =>
        new(k.Phrase, k.Alternatives, k.Weight, k.Required, origin);

    /// <summary>A stable 64-bit key per title for <c>pg_advisory_xact_lock</c> (string.GetHashCode varies per process).</summary>
    static long LockKey(string title) =>
        BinaryPrimitives.ReadInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes("quiz-assignment:" + title)));
}
