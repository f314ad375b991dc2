using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Grading;
using QuizPlatform.Web.Components.Shared;
using QuizPlatform.Web.Features.Assignments;
using QuizPlatform.Web.Features.Audit;
using QuizPlatform.Web.Features.Grading;
using QuizPlatform.Web.Features.QuizResults;

namespace QuizPlatform.Web.Features.Regrading;

/// <summary>
/// A keyword edit tried on a real class before it counts: <see cref="PreviewAsync"/> regrades one quiz's answers to a
/// question in memory with draft keywords; <see cref="ApplyAsync"/> stores the draft as the question's next keyword
/// version and the new grades in one transaction. Only the quiz's owner and admins reach a quiz; answers to the
/// question in other quizzes keep their grades (the dashboard shows them as graded with an older key).
/// </summary>
public sealed class RegradePreview(IDbContextFactory<QuizDbContext> dbFactory, TimeProvider clock, QuizActivity activity, AuditLog audit,
    GradingEngine engine)
{
    /// <summary>Null when the actor may not regrade the quiz or the quiz does not ask the question.</summary>
    public async Task<RegradePreviewResult?> PreviewAsync(string actorId, int quizId, int questionId,
        IReadOnlyList<KeywordDraft> drafts, CancellationToken cancellationToken = default) =>
        (await PreviewEachAsync(actorId, quizId, questionId, [drafts], keywordsOnly: false, cancellationToken))?[0];

    /// <summary>
    /// A preview of each draft over one read of the answers; <paramref name="keywordsOnly"/> grades by keywords alone,
    /// before and after (what each keyword suggestion would do, without a pass of the sentence model per draft).
    /// </summary>
    public async Task<IReadOnlyList<RegradePreviewResult>?> PreviewEachAsync(string actorId, int quizId, int questionId,
        IReadOnlyList<IReadOnlyList<KeywordDraft>> drafts, bool keywordsOnly, CancellationToken cancellationToken = default)
    {
        if (drafts.Any(d => KeywordDraft.Validate(d).Count > 0))
            throw new ArgumentException("The keywords have errors; validate them before a preview.", nameof(drafts));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var quiz = await ReachableAsync(db, actorId, quizId, questionId, cancellationToken);
        if (quiz is null)
            return null;
        var (assignment, answers) = await AnswersAsync(db, quizId, questionId, cancellationToken);
        if (keywordsOnly)
        {
            // Measured from the stored key graded the same way, not from the stored scores (which may carry the
            // meaning pass): what the draft's keywords alone change.
            var stored = assignment.Single(q => q.QuestionId == questionId);
            var key = engine.Grader.Compile(stored.Prompt, stored.Keywords);
            var baseline = AnswerRegrade.All(engine, new PreparedQuestion(key, null, engine.Replacing(assignment, questionId, key)), answers, cancellationToken);
            answers = [.. baseline.Select(b => b.Answer with { Score = b.Result.Score, Explanation = b.Explanation.ToJson() })];
        }
        return [.. drafts.Select(d => Summarise(quiz, AnswerRegrade.All(engine, Key(assignment, questionId, d, keywordsOnly), answers, cancellationToken)))];
    }

    /// <summary>What <paramref name="regrades"/> of the quiz's answers would change, for the preview panel.</summary>
    internal static RegradePreviewResult Summarise(Quiz quiz, List<AnswerRegrade> regrades)
    {
        var counted = regrades.Where(r => !r.Overridden).ToList();
        var changes = counted.Where(r => r.CountedChanged).ToList();
        return new RegradePreviewResult(quiz.Id, quiz.Title, regrades.Count,
            changes.Count(r => r.Change > 0), changes.Count(r => r.Change < 0),
            regrades.Count == 0 ? 0 : counted.Sum(r => r.Change) / regrades.Count, // an override's counted score does not move
            [.. changes.OrderBy(r => r.Change).ThenBy(r => r.Answer.Student, FormattingCulture.Names).Select(Row)],
            [.. regrades.Where(r => r.Overridden).OrderBy(r => r.Answer.Student, FormattingCulture.Names).Select(Row)]);
    }

    /// <summary>
    /// Stores <paramref name="drafts"/> as the question's keywords (a new version unless nothing changed) and regrades
    /// the quiz's answers to it, each with a history row; in <see cref="RegradeMode.OnlyIncreases"/> a grade that would
    /// go down keeps its old verdict. Null when the actor may not regrade the quiz. Nothing is stored when the question is
    /// no longer at key version <paramref name="basedOn"/> (the one the editor loaded; null: not checked).
    /// </summary>
    public async Task<RegradeApplied?> ApplyAsync(string actorId, int quizId, int questionId, IReadOnlyList<KeywordDraft> drafts,
        RegradeMode mode, int? basedOn = null, CancellationToken cancellationToken = default)
    {
        var errors = KeywordDraft.Validate(drafts);
        if (errors.Count > 0)
            return new RegradeApplied(0, 0, 0, 0, 0, 0, errors);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ApplyOnceAsync(actorId, quizId, questionId, drafts, mode, basedOn, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                // An instructor marked one of the answers meanwhile: nothing was stored; regrade from their mark.
            }
        }
    }

    async Task<RegradeApplied?> ApplyOnceAsync(string actorId, int quizId, int questionId, IReadOnlyList<KeywordDraft> drafts,
        RegradeMode mode, int? basedOn, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await ReachableAsync(db, actorId, quizId, questionId, cancellationToken) is null)
            return null;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var question = await db.Questions.SingleAsync(q => q.Id == questionId, cancellationToken);
        if (KeywordVersions.ChangedSince(question, basedOn) is { } changed)
            return new RegradeApplied(question.KeywordVersion, 0, 0, 0, 0, 0, [changed]);
        var before = await db.Questions.Where(q => q.Id == questionId).SelectKeys().SingleAsync(cancellationToken);
        var version = await KeywordVersions.ReplaceAsync(db, audit, question, KeywordVersions.Edited(drafts), actorId, now, cancellationToken);
        var reason = $"Key v{version}: {KeyChanges.Describe(before.Keywords, KeywordVersions.ForGrader(drafts))}";

        var regrades = await RegradeAsync(db, quizId, questionId, drafts, cancellationToken);
        var grades = await AnswerRegrade.OfQuestion(db, quizId, questionId).ToDictionaryAsync(g => g.Id, cancellationToken);
        var (up, down, kept) = AnswerRegrade.ApplyAll(regrades, grades, mode, version, actorId, now, reason);
        await audit.AddAsync(db, actorId, AuditActions.RegradeApplied, AuditSubject.Quiz(quizId),
            $"Regraded {Formats.Answers(regrades.Count - kept)} to question {question.Number} with key version {version}: {up} up, {down} down"
            + (kept > 0 ? $", {kept} that would go down kept" : "") + ".", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        activity.Publish(quizId);
        return new RegradeApplied(version, regrades.Count - kept, up, down, kept, regrades.Count(r => r.Overridden), []);
    }

    /// <summary>The quiz's title when the actor teaches, may act on the quiz and it asks the question; else null.</summary>
    internal static async Task<Quiz?> ReachableAsync(QuizDbContext db, string actorId, int quizId, int questionId, CancellationToken cancellationToken) =>
        await (await AnswerRegrade.RegradableAsync(db, actorId, cancellationToken)).AsNoTracking()
            .Where(q => q.Id == quizId && q.Questions.Any(x => x.QuestionId == questionId))
            .Select(q => new Quiz { Id = q.Id, Title = q.Title })
            .SingleOrDefaultAsync(cancellationToken);

    async Task<List<AnswerRegrade>> RegradeAsync(QuizDbContext db, int quizId, int questionId, IReadOnlyList<KeywordDraft> drafts,
        CancellationToken cancellationToken)
    {
        var (assignment, answers) = await AnswersAsync(db, quizId, questionId, cancellationToken);
        return AnswerRegrade.All(engine, Key(assignment, questionId, drafts), answers, cancellationToken);
    }

    /// <summary>The question's assignment (its questions' stored keys) and the quiz's answers to it.</summary>
    static async Task<(List<StoredKey> Assignment, List<StoredAnswer> Answers)> AnswersAsync(QuizDbContext db, int quizId, int questionId,
        CancellationToken cancellationToken) =>
        (await db.Questions.SelectAssignmentKeys([questionId]).ToListAsync(cancellationToken),
         await AnswerRegrade.Stored(AnswerRegrade.OfQuestion(db, quizId, questionId).AsNoTracking()).ToListAsync(cancellationToken));

    /// <summary>
    /// The draft's key as the engine grades, among the assignment's other questions; <paramref name="keywordsOnly"/>
    /// leaves the sentence model out.
    /// </summary>
    PreparedQuestion Key(List<StoredKey> assignment, int questionId, IReadOnlyList<KeywordDraft> drafts, bool keywordsOnly = false)
    {
        var question = assignment.Single(q => q.QuestionId == questionId);
        var keywords = KeywordVersions.ForGrader(drafts);
        var prepared = keywordsOnly ? new PreparedQuestion(engine.Grader.Compile(question.Prompt, keywords), null)
            : engine.KeyFor(question.Prompt, question.ModelAnswer, keywords);
        return prepared with { Among = engine.Replacing(assignment, questionId, prepared.Key) };
    }

    static RegradeRow Row(AnswerRegrade regrade)
    {
        var before = GradeExplanation.Parse(regrade.Answer.Explanation).Keywords.Where(k => k.Matched).ToList();
        var now = regrade.Explanation.Keywords.Where(k => k.Matched).ToList();
        var found = now.Where(k => !before.Any(b => Same(b, k))).ToList();
        var lost = before.Where(k => !now.Any(n => Same(n, k))).ToList();
        return new RegradeRow(regrade.Answer.GradeId, regrade.Answer.Student, regrade.Answer.Attempt, regrade.Answer.Text,
            regrade.Answer.Score, regrade.Result.Score, regrade.Result.Points, regrade.Answer.OverrideScore,
            [.. found.Select(k => k.Phrase)], [.. lost.Select(k => k.Phrase)], found) { Because = regrade.Because };
    }

    static bool Same(ExplainedKeyword a, ExplainedKeyword b) => string.Equals(a.Phrase, b.Phrase, StringComparison.OrdinalIgnoreCase);
}
