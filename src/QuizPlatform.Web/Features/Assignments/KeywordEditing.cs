using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Grading;
using QuizPlatform.Web.Features.Audit;
using QuizPlatform.Web.Features.Regrading;

namespace QuizPlatform.Web.Features.Assignments;

/// <summary>
/// A question as the keyword editor shows it: its current keywords (version <see cref="KeywordVersion"/>), the quizzes
/// an edit concerns and the keyword sets it had before; whether the actor may change them, and else who may.
/// </summary>
public sealed record KeywordQuestion(int AssignmentId, string AssignmentTitle, int Version, int QuestionId, int Number,
    string Prompt, string ModelAnswer, bool Edited, IReadOnlyList<KeywordDraft> Keywords, int KeywordVersion,
    IReadOnlyList<KeywordQuizUse> UsedBy, IReadOnlyList<KeywordVersionRow> Versions, bool MayEdit, IReadOnlyList<string> Editors)
{
    /// <summary>The change that made the current keywords, or null when they are the imported ones.</summary>
    public KeywordVersionRow? LastChange => Versions.Count > 0 ? Versions[0] : null;
}

/// <summary>
/// A quiz that uses the question and is open or has graded answers to it; <see cref="Mine"/>: the actor may preview and
/// regrade it (their own quiz, or any for an admin).
/// </summary>
public sealed record KeywordQuizUse(int QuizId, string Title, string Owner, bool Open, int GradedAnswers, bool Mine);

/// <summary>A change to the keywords of a quiz's question: which question, by whom and when.</summary>
public sealed record KeywordChangeNote(int AssignmentId, int QuestionId, int Number, string? By, DateTime At);

/// <summary>
/// A replaced keyword set: its version, its phrases, when and by whom it was replaced, and what the change that replaced
/// it changed ("weight of 'kernels' 1 → 3").
/// </summary>
public sealed record KeywordVersionRow(int Version, IReadOnlyList<string> Phrases, DateTime ReplacedAt, string? ReplacedBy, string Change);

/// <summary>
/// Instructors and admins edit the keywords of a question, under <see cref="MayEdit"/>: another instructor's open
/// quiz grades against them, so not just any instructor may change them. Saved keywords are <see cref="KeywordOrigin.Edited"/>,
/// which the grader and later imports of an unchanged question honour; a reset stores the extracted ones again.
/// Each save or reset that changes the keywords is a new version (<see cref="KeywordVersions"/>).
/// </summary>
public sealed class KeywordEditing(IDbContextFactory<QuizDbContext> dbFactory, TimeProvider clock, AuditLog audit, KeywordExtractor extractor)
{
    /// <summary>Null when the question does not exist in that assignment.</summary>
    public async Task<KeywordQuestion?> LoadAsync(string actorId, int assignmentId, int questionId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var actor = (await Actor.LoadAsync(db, actorId)).EnsureTeaches();
        var question = await db.Questions.AsNoTracking()
            .Include(q => q.AssignmentVersion).ThenInclude(v => v.Assignment)
            .Include(q => q.Keywords)
            .SingleOrDefaultAsync(q => q.Id == questionId && q.AssignmentVersion.AssignmentId == assignmentId);
        if (question is null)
            return null;
        var editors = await EditorsAsync(db, assignmentId);
        var keywords = question.Keywords.OrderBy(k => k.Position).Select(k => new KeywordDraft
        {
            Phrase = k.Phrase, Alternatives = string.Join(", ", k.Alternatives), Weight = k.Weight, Required = k.Required,
        }).ToList();
        return new KeywordQuestion(assignmentId, question.AssignmentVersion.Assignment.Title, question.AssignmentVersion.Version,
            question.Id, question.Number, question.Prompt, question.ModelAnswer,
            question.Keywords.Any(k => k.Origin == KeywordOrigin.Edited), keywords, question.KeywordVersion,
            await UsedByAsync(db, actor, questionId), await VersionsAsync(db, questionId, KeywordVersions.ForGrader(keywords)),
            MayEdit(actor, editors), [.. editors.Select(e => e.Name).Order()]);
    }

    /// <summary>
    /// Who may change an assignment's keywords: admins, and the instructors who own a quiz on it or imported one of
    /// its versions; while no quiz is built on it (nobody's grades depend on it yet), any instructor.
    /// </summary>
    static bool MayEdit(Actor actor, List<(string Id, string Name)> editors) =>
        actor.IsAdmin || (actor.Teaches && (editors.Count == 0 || editors.Any(e => e.Id == actor.Id)));

    /// <summary>The assignment's instructors (<see cref="MayEdit"/>); none while no quiz is built on it.</summary>
    static async Task<List<(string Id, string Name)>> EditorsAsync(QuizDbContext db, int assignmentId)
    {
        var owners = db.Quizzes.Where(q => q.AssignmentVersion.AssignmentId == assignmentId).Select(q => q.CreatedById);
        if (!await owners.AnyAsync())
            return [];
        var importers = db.AssignmentVersions.Where(v => v.AssignmentId == assignmentId && v.ImportedById != null).Select(v => v.ImportedById!);
        var users = await db.Users.Where(u => owners.Contains(u.Id) || importers.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync();
        return [.. users.Select(u => (u.Id, ApplicationUser.NameOf(u.DisplayName, u.Email)))];
    }

    /// <summary>
    /// The keyword changes someone other than the quiz's owner made to its questions after it opened (or, never
    /// opened on a schedule, after it was created): what its owner must know, since their quiz now grades by them.
    /// Empty when the actor may not see the quiz.
    /// </summary>
    public async Task<IReadOnlyList<KeywordChangeNote>> ChangedByOthersAsync(string actorId, int quizId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var actor = (await Actor.LoadAsync(db, actorId)).EnsureTeaches();
        var quiz = await actor.Quizzes(db).Where(q => q.Id == quizId)
            .Select(q => new { q.CreatedById, Since = q.OpensAt ?? q.CreatedAt, q.AssignmentVersion.AssignmentId })
            .SingleOrDefaultAsync();
        if (quiz is null)
            return [];
        return await (
            from version in db.KeywordSetVersions.AsNoTracking()
            where db.QuizQuestions.Any(x => x.QuizId == quizId && x.QuestionId == version.QuestionId)
                && version.ReplacedAt > quiz.Since && version.ReplacedById != quiz.CreatedById
            join user in db.Users on version.ReplacedById equals user.Id into replacers
            from user in replacers.DefaultIfEmpty()
            orderby version.ReplacedAt descending
            select new KeywordChangeNote(quiz.AssignmentId, version.QuestionId, version.Question.Number,
                user == null ? null : user.DisplayName, version.ReplacedAt))
            .ToListAsync();
    }

    /// <summary>The quizzes over the question that are open now or have graded answers to it, open ones first.</summary>
    async Task<IReadOnlyList<KeywordQuizUse>> UsedByAsync(QuizDbContext db, Actor actor, int questionId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var quizzes = await db.Quizzes.AsNoTracking()
            .Where(q => q.Questions.Any(x => x.QuestionId == questionId))
            .Select(q => new
            {
                q.Id, q.Title, Owner = q.CreatedBy.DisplayName, q.CreatedById,
                Open = (q.OpensAt == null || q.OpensAt <= now) && (q.ClosesAt == null || q.ClosesAt > now),
                Graded = db.Grades.Count(g => g.Response.QuestionId == questionId && g.Response.Attempt.QuizId == q.Id),
            })
            .Where(q => q.Open || q.Graded > 0)
            .ToListAsync();
        return [.. quizzes.OrderByDescending(q => q.Open).ThenBy(q => q.Title, FormattingCulture.Names).ThenBy(q => q.Id)
            .Select(q => new KeywordQuizUse(q.Id, q.Title, q.Owner, q.Open, q.Graded, actor.IsAdmin || q.CreatedById == actor.Id))];
    }

    /// <param name="current">The question's keywords now, which replaced the newest earlier set.</param>
    static async Task<IReadOnlyList<KeywordVersionRow>> VersionsAsync(QuizDbContext db, int questionId, IReadOnlyList<Keyword> current)
    {
        var rows = await (
            from version in db.KeywordSetVersions.AsNoTracking()
            where version.QuestionId == questionId
            join user in db.Users on version.ReplacedById equals user.Id into replacers
            from user in replacers.DefaultIfEmpty()
            orderby version.Version descending
            select new { version.Version, version.Keywords, version.ReplacedAt, By = user == null ? null : user.DisplayName })
            .ToListAsync();
        // Newest first: each set was replaced by the one before it in the list, the newest by the current keywords.
        var sets = rows.Select(r => KeywordVersions.Read(r.Keywords)).ToList();
        return [.. rows.Select((r, i) => new KeywordVersionRow(r.Version, [.. sets[i].Select(k => k.Phrase)], r.ReplacedAt, r.By,
            KeyChanges.Describe(sets[i], i == 0 ? current : sets[i - 1])))];
    }

    /// <summary>
    /// Replaces the question's keywords with <paramref name="drafts"/>, unless they have errors or the question is no
    /// longer at key version <paramref name="basedOn"/> (the one the editor loaded; null: not checked): then the errors
    /// are returned and nothing is stored.
    /// </summary>
    public async Task<IReadOnlyList<KeywordDraft.Error>> SaveAsync(string actorId, int assignmentId, int questionId,
        IReadOnlyList<KeywordDraft> drafts, int? basedOn = null)
    {
        var errors = KeywordDraft.Validate(drafts);
        if (errors.Count > 0)
            return errors;
        return await ReplaceAsync(actorId, assignmentId, questionId, basedOn, _ => KeywordVersions.Edited(drafts)) is { } changed ? [changed] : [];
    }

    /// <summary>Stores the keywords extraction gives (over the whole version, as at import), replacing edited ones.</summary>
    public Task ResetToExtractedAsync(string actorId, int assignmentId, int questionId) =>
        ReplaceAsync(actorId, assignmentId, questionId, basedOn: null, question =>
        {
            var questions = question.AssignmentVersion.Questions.OrderBy(q => q.Number).ToList();
            var extracted = extractor.Extract(questions.Select(q => new QuestionText(q.Prompt, q.ModelAnswer)).ToList());
            return extracted[questions.IndexOf(question)].Select(k => new QuestionKeyword
            {
                Phrase = k.Phrase, Alternatives = [.. k.Alternatives], Weight = k.Weight, Required = k.Required,
                Origin = KeywordOrigin.Extracted,
            }).ToList();
        });

    async Task<KeywordDraft.Error?> ReplaceAsync(string actorId, int assignmentId, int questionId, int? basedOn,
        Func<Question, List<QuestionKeyword>> keywords)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var actor = (await Actor.LoadAsync(db, actorId)).EnsureTeaches();
        if (!MayEdit(actor, await EditorsAsync(db, assignmentId)))
            throw new UnauthorizedAccessException(
                "Another instructor's quiz grades against these keywords: only its owner and admins may change them.");
        await using var transaction = await db.Database.BeginTransactionAsync();
        var question = await db.Questions
            .Include(q => q.AssignmentVersion).ThenInclude(v => v.Questions)
            .SingleOrDefaultAsync(q => q.Id == questionId && q.AssignmentVersion.AssignmentId == assignmentId)
            ?? throw new KeyNotFoundException($"Question {questionId} of assignment {assignmentId} does not exist.");
        if (KeywordVersions.ChangedSince(question, basedOn) is { } changed)
            return changed;
        await KeywordVersions.ReplaceAsync(db, audit, question, keywords(question), actorId, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return null;
    }
}
