using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Grading;
using QuizPlatform.Web.Features.Audit;
using QuizPlatform.Web.Features.Regrading;

namespace QuizPlatform.Web.Features.Assignments;

/// <summary>
/// The one way a question's keywords are replaced: the set it had is kept as a <see cref="KeywordSetVersion"/> and
/// <see cref="Question.KeywordVersion"/> counts up, so every grade can say which set graded it. The keyword editor's
/// save and reset and a regrade's apply all go through here, inside their own transaction.
/// </summary>
public static class KeywordVersions
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Edited keywords from the editor's rows, trimmed, in their order.</summary>
    public static List<QuestionKeyword> Edited(IEnumerable<KeywordDraft> drafts) =>
        [.. drafts.Select(d => new QuestionKeyword
        {
            Phrase = d.Phrase.Trim(), Alternatives = [.. d.AlternativeList], Weight = d.Weight, Required = d.Required,
            Origin = KeywordOrigin.Edited,
        })];

    /// <summary>The grader's keywords for the editor's rows (what a save would store).</summary>
    public static IReadOnlyList<Keyword> ForGrader(IEnumerable<KeywordDraft> drafts) =>
        [.. Edited(drafts).Select(ToKeyword)];

    /// <summary>
    /// Replaces the keywords of the tracked <paramref name="question"/> with <paramref name="replacement"/> (saved by the
    /// caller's SaveChanges, with the audit line saying which phrases changed). The same keywords again are no new
    /// version: only their origin may change. Returns the question's keyword version afterwards.
    /// </summary>
    public static async Task<int> ReplaceAsync(QuizDbContext db, AuditLog audit, Question question, List<QuestionKeyword> replacement,
        string actorId, DateTime now, CancellationToken cancellationToken = default)
    {
        var current = await db.QuestionKeywords.AsNoTracking().Where(k => k.QuestionId == question.Id).OrderBy(k => k.Position)
            .ToListAsync(cancellationToken);
        var same = KeywordIdentity.Of(current.Select(ToKeyword)) == KeywordIdentity.Of(replacement.Select(ToKeyword));
        if (same && current.Select(k => k.Origin).SequenceEqual(replacement.Select(k => k.Origin)))
            return question.KeywordVersion;
        if (!same)
        {
            // Unique per question and version: of two edits at once, the second fails instead of sharing a number.
            db.KeywordSetVersions.Add(new KeywordSetVersion
            {
                QuestionId = question.Id, Version = question.KeywordVersion, ReplacedAt = now, ReplacedById = actorId,
                Keywords = JsonSerializer.Serialize(current.Select(k => new StoredKeyword(k.Phrase, k.Alternatives, k.Weight, k.Required)), Json),
            });
            question.KeywordVersion++;
            await audit.AddAsync(db, actorId, AuditActions.KeywordsEdited, AuditSubject.Question(question.Id),
                $"Keywords of question {question.Number}, key version {question.KeywordVersion}: "
                + $"{KeyChanges.Describe([.. current.Select(ToKeyword)], [.. replacement.Select(ToKeyword)])}.", cancellationToken);
        }
        // Deleted first, in their own statement: the new rows reuse the positions, which are unique per question.
        await db.QuestionKeywords.Where(k => k.QuestionId == question.Id).ExecuteDeleteAsync(cancellationToken);
        for (var position = 0; position < replacement.Count; position++)
        {
            replacement[position].Position = position;
            replacement[position].QuestionId = question.Id;
        }
        db.QuestionKeywords.AddRange(replacement);
        return question.KeywordVersion;
    }

    /// <summary>
    /// Refuses an edit made over key version <paramref name="basedOn"/> when the question has another one now (a second
    /// tab, another instructor, a reset): stored, it would silently undo that change. Null when unchanged, or unchecked.
    /// </summary>
    public static KeywordDraft.Error? ChangedSince(Question question, int? basedOn) =>
        basedOn is { } version && version != question.KeywordVersion
            ? new KeywordDraft.Error(-1, nameof(Question.KeywordVersion),
                $"The keywords changed after this edit began: they are key version {question.KeywordVersion} now, not {version}.")
            : null;

    /// <summary>A stored keyword set (<see cref="KeywordSetVersion.Keywords"/>).</summary>
    public static IReadOnlyList<Keyword> Read(string json) =>
        [.. (JsonSerializer.Deserialize<List<StoredKeyword>>(json, Json) ?? []).Select(k => new Keyword(k.Phrase, k.Alternatives, k.Weight, k.Required))];

    static Keyword ToKeyword(QuestionKeyword k) => new(k.Phrase, k.Alternatives, k.Weight, k.Required);

    /// <summary>One keyword of a stored set, as JSON: phrase, alternatives, weight, required.</summary>
    public sealed record StoredKeyword(string Phrase, IReadOnlyList<string> Alternatives, double Weight, bool Required);
}
