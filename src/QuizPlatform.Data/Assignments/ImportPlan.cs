using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data.Entities;
using QuizPlatform.Grading;
using QuizPlatform.Importing;

namespace QuizPlatform.Data.Assignments;

/// <summary>
/// What importing a parsed document will do, decided once against what is stored: the admin preview shows it and
/// <see cref="AssignmentImporter"/> stores it. <see cref="Version"/> is the version an import creates
/// (<c>Created</c>, <c>Updated</c>) or the stored one holding this content (<c>Unchanged</c>: the same text, or the
/// latest version's questions and model answers laid out differently; its <see cref="Questions"/> are the stored ones). <see cref="Changes"/> compares the document with the latest stored
/// version and is null for a new title.
/// </summary>
public sealed record ImportPlan(
    ImportStatus Status,
    ParseResult Parsed,
    int? AssignmentId,
    int? StoredVersionId,
    int? Version,
    IReadOnlyList<ImportedQuestion> Questions,
    VersionChanges? Changes)
{
    public string? Title => Parsed.Assignment?.Title;

    public bool CanImport => Status is ImportStatus.Created or ImportStatus.Updated;

    /// <summary>Reads what is stored under the document's title in <paramref name="db"/>; writes nothing.</summary>
    public static async Task<ImportPlan> DecideAsync(QuizDbContext db, ParseResult parsed, KeywordExtractor extractor, CancellationToken cancellationToken)
    {
        if (parsed.Assignment is not { } document)
            return new ImportPlan(ImportStatus.Invalid, parsed, null, null, null, [], null);

        var assignmentId = await db.Assignments.Where(a => a.Title == document.Title)
            .Select(a => (int?)a.Id).SingleOrDefaultAsync(cancellationToken);
        if (assignmentId is null)
            return new ImportPlan(ImportStatus.Created, parsed, null, null, 1, QuestionsOf(document, null, extractor), null);

        var versions = db.AssignmentVersions.AsNoTracking().Where(v => v.AssignmentId == assignmentId)
            .Include(v => v.Questions).ThenInclude(q => q.Keywords).AsSplitQuery();
        var latest = await versions.OrderByDescending(v => v.Version).FirstAsync(cancellationToken);
        var changes = VersionChanges.Between(
            latest.Questions.Select(q => new VersionChanges.QuestionText(q.Number, q.Prompt, q.ModelAnswer)),
            document.Questions.Select(q => new VersionChanges.QuestionText(q.Number, q.Prompt, q.ModelAnswer)));
        // The same questions and answers laid out differently (an exported version, re-imported) are the latest version:
        // a new one would be a copy that only splits the assignment's quizzes and keyword edits between two versions.
        var same = latest.ContentHash == parsed.ContentHash || changes.None ? latest
            : await versions.SingleOrDefaultAsync(v => v.ContentHash == parsed.ContentHash, cancellationToken);
        return same is not null
            ? new ImportPlan(ImportStatus.Unchanged, parsed, assignmentId, same.Id, same.Version, Stored(same), changes)
            : new ImportPlan(ImportStatus.Updated, parsed, assignmentId, null, latest.Version + 1,
                QuestionsOf(document, latest, extractor), changes);
    }

    /// <summary>
    /// The document's questions with the keywords they will get: extracted ones, except that a question whose text
    /// did not change since <paramref name="previous"/> keeps the keywords an instructor edited there (and its points).
    /// </summary>
    internal static List<ImportedQuestion> QuestionsOf(ParsedAssignment document, AssignmentVersion? previous, KeywordExtractor extractor)
    {
        var extracted = extractor.Extract(
            document.Questions.Select(q => new QuestionText(q.Prompt, q.ModelAnswer)).ToList());
        return document.Questions.Select((q, i) =>
        {
            var before = previous?.Questions.SingleOrDefault(p => p.Number == q.Number);
            var keepsEdited = before is not null && before.Prompt == q.Prompt && before.ModelAnswer == q.ModelAnswer
                && before.Keywords.Count > 0 && before.Keywords.All(k => k.Origin == KeywordOrigin.Edited);
            var keywords = keepsEdited
                ? KeywordsOf(before!)
                : extracted[i].Select(k => new ImportedKeyword(k.Phrase, k.Alternatives, k.Weight, k.Required, KeywordOrigin.Extracted)).ToList();
            return new ImportedQuestion(q.Number, q.Prompt, q.ModelAnswer, keywords, before?.DefaultPoints ?? 1);
        }).ToList();
    }

    static List<ImportedQuestion> Stored(AssignmentVersion version) =>
        version.Questions.OrderBy(q => q.Number)
            .Select(q => new ImportedQuestion(q.Number, q.Prompt, q.ModelAnswer, KeywordsOf(q), q.DefaultPoints)).ToList();

    static List<ImportedKeyword> KeywordsOf(Question question) =>
        question.Keywords.OrderBy(k => k.Position)
            .Select(k => new ImportedKeyword(k.Phrase, k.Alternatives, k.Weight, k.Required, k.Origin)).ToList();
}
