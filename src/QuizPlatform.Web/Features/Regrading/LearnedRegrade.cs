using System.Globalization;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Grading.Marks;
using QuizPlatform.Grading.Meaning;
using QuizPlatform.Web.Components.Shared;
using QuizPlatform.Web.Features.Audit;
using QuizPlatform.Web.Features.Grading;
using QuizPlatform.Web.Features.QuizResults;

namespace QuizPlatform.Web.Features.Regrading;

/// <summary>
/// What the instructor's marks on a question teach the grader: <see cref="Marks"/> marks, of which
/// <see cref="References"/> full marks now stand beside the model answer, and the question's curve moved by
/// <see cref="Offset"/> (a share of the points); <see cref="Preview"/> is the quiz regraded with it.
/// </summary>
public sealed record LearnedPreview(int Marks, int References, double Offset, RegradePreviewResult Preview)
{
    /// <summary>"Learned from 12 marks: 3 answers marked correct as references; the question's curve +0.05." (a grade's history reason).</summary>
    internal static string Describe(int marks, int references, double offset) =>
        $"Learned from {Formats.Count(marks, "mark")}: {Formats.Answers(references)} marked correct as references; "
        + string.Create(CultureInfo.InvariantCulture, $"the question's curve {(offset >= 0 ? "+" : "−")}{Math.Abs(offset):0.00}.");
}

/// <summary>An applied learned regrade: the grades regraded, those whose counted score went up or down, decreases kept, overrides kept.</summary>
public sealed record LearnedApplied(string Reason, int Regraded, int Up, int Down, int KeptDecreases, int Overridden);

/// <summary>
/// What the last apply kept for answers handed in later: learned from <see cref="Marks"/> marks at <see cref="LearnedAt"/>;
/// <see cref="Applies"/> is false once the question's keywords have changed since.
/// </summary>
public sealed record KeptLearning(int Marks, int References, DateTime LearnedAt, bool Applies);

/// <summary>
/// "Learn from my marks": one quiz's answers to a question graded again with what the instructor's marks on them
/// teach the grader (<see cref="MarkLearning"/>: answers given full marks become references, the marks calibrate the
/// question's curve). A preview first; an apply stores the new grader proposals as a regrade, each with a history row
/// where the score moved; an override keeps counting and an accepted answer is not regraded. An apply also keeps what
/// was learned (<see cref="LearnedKey"/>), and the meaning pass grades answers handed in later with it, until the
/// question's keywords change or the instructor stops it. Needs the sentence model (<c>Grading:Meaning</c>). Only the
/// quiz's owner and admins reach it.
/// </summary>
public sealed class LearnedRegrade(IDbContextFactory<QuizDbContext> dbFactory, TimeProvider clock, QuizActivity activity, AuditLog audit,
    GradingEngine engine)
{
    public bool Available => engine.UsesMeaning;

    /// <summary>Null when the actor may not regrade the quiz, it does not ask the question, or the meaning pass is off.</summary>
    public async Task<LearnedPreview?> PreviewAsync(string actorId, int quizId, int questionId, CancellationToken cancellationToken = default)
    {
        if (!Available)
            return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var quiz = await RegradePreview.ReachableAsync(db, actorId, quizId, questionId, cancellationToken);
        if (quiz is null)
            return null;
        var learning = await LearnAsync(db, quizId, questionId, cancellationToken);
        return new LearnedPreview(learning.Marks, learning.References, learning.Offset, RegradePreview.Summarise(quiz, learning.Regrades));
    }

    /// <summary>Learns from the marks as they stand now and stores the regrade; null as for <see cref="PreviewAsync"/>.</summary>
    public async Task<LearnedApplied?> ApplyAsync(string actorId, int quizId, int questionId, RegradeMode mode,
        CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ApplyOnceAsync(actorId, quizId, questionId, mode, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // An instructor marked one of the answers meanwhile (a concurrency failure), or a second apply of the same
                // question kept its learning first (the unique index): nothing was stored; learn again as things stand.
            }
        }
    }

    async Task<LearnedApplied?> ApplyOnceAsync(string actorId, int quizId, int questionId, RegradeMode mode, CancellationToken cancellationToken)
    {
        if (!Available)
            return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await RegradePreview.ReachableAsync(db, actorId, quizId, questionId, cancellationToken) is null)
            return null;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var learning = await LearnAsync(db, quizId, questionId, cancellationToken);
        var reason = LearnedPreview.Describe(learning.Marks, learning.References, learning.Offset);
        if (learning.Marks == 0)
            return new LearnedApplied(reason, 0, 0, 0, 0, 0);
        var question = await db.Questions.Where(q => q.Id == questionId).Select(q => new { q.Number, q.KeywordVersion }).SingleAsync(cancellationToken);
        var grades = await AnswerRegrade.OfQuestion(db, quizId, questionId).ToDictionaryAsync(g => g.Id, cancellationToken);
        var (up, down, kept) = AnswerRegrade.ApplyAll(learning.Regrades, grades, mode, question.KeywordVersion, actorId, now, reason);
        var regraded = learning.Regrades.Count - kept;
        await KeepAsync(db, quizId, questionId, question.KeywordVersion, learning, now, cancellationToken);
        await audit.AddAsync(db, actorId, AuditActions.RegradeApplied, AuditSubject.Quiz(quizId),
            $"Regraded {Formats.Answers(regraded)} to question {question.Number}. {reason} {up} up, {down} down"
            + (kept > 0 ? $", {kept} that would go down kept" : "") + ".", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        activity.Publish(quizId);
        return new LearnedApplied(reason, regraded, up, down, kept, learning.Regrades.Count(r => r.Overridden));
    }

    /// <summary>What the last apply kept for later answers; null when nothing is kept or the actor may not regrade the quiz.</summary>
    public async Task<KeptLearning?> KeptAsync(string actorId, int quizId, int questionId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await RegradePreview.ReachableAsync(db, actorId, quizId, questionId, cancellationToken) is null)
            return null;
        return await db.LearnedKeys.Where(k => k.QuizId == quizId && k.QuestionId == questionId)
            .Select(k => new KeptLearning(k.Marks, k.References.Count, k.LearnedAt, k.KeywordVersion == k.Question.KeywordVersion))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Answers handed in from now on are graded by the key alone again; false when nothing was kept or the actor may not.</summary>
    public async Task<bool> StopAsync(string actorId, int quizId, int questionId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await RegradePreview.ReachableAsync(db, actorId, quizId, questionId, cancellationToken) is null)
            return false;
        var kept = await db.LearnedKeys.Where(k => k.QuizId == quizId && k.QuestionId == questionId)
            .Select(k => new { Key = k, k.Question.Number }).SingleOrDefaultAsync(cancellationToken);
        if (kept is null)
            return false;
        db.LearnedKeys.Remove(kept.Key);
        await audit.AddAsync(db, actorId, AuditActions.LearningStopped, AuditSubject.Quiz(quizId),
            $"Answers to question {kept.Number} handed in from now on are graded by the key alone, no longer with what "
            + $"{Formats.Count(kept.Key.Marks, "mark")} taught.", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    static async Task KeepAsync(QuizDbContext db, int quizId, int questionId, int keywordVersion, Learning learning, DateTime now,
        CancellationToken cancellationToken)
    {
        var kept = await db.LearnedKeys.SingleOrDefaultAsync(k => k.QuizId == quizId && k.QuestionId == questionId, cancellationToken);
        if (kept is null)
            db.LearnedKeys.Add(kept = new LearnedKey { QuizId = quizId, QuestionId = questionId });
        kept.KeywordVersion = keywordVersion;
        kept.Marks = learning.Marks;
        kept.References = [.. learning.Learned!.References.Select(r => r.Text)];
        (kept.CalibrationLogit, kept.CalibrationMarks) = learning.Learned.Calibration is { } c ? (c.Logit, c.Marks) : ((double?)null, 0);
        kept.LearnedAt = now;
    }

    sealed record Learning(int Marks, int References, double Offset, List<AnswerRegrade> Regrades, KeyMeaning? Learned = null);

    /// <summary>
    /// Every answer of the quiz to the question graded with what its marks teach: the answers are encoded once, the
    /// marked ones reused for learning. An answer whose best recall is of a reference rather than of the model answer
    /// says it is close to an answer the instructor marked correct.
    /// </summary>
    async Task<Learning> LearnAsync(QuizDbContext db, int quizId, int questionId, CancellationToken cancellationToken)
    {
        var assignment = await db.Questions.SelectAssignmentKeys([questionId]).ToListAsync(cancellationToken);
        var answers = await AnswerRegrade.Stored(AnswerRegrade.OfQuestion(db, quizId, questionId).AsNoTracking()).ToListAsync(cancellationToken);
        var marks = await AnswerRegrade.MarksAsync(db, quizId, questionId, cancellationToken);
        if (marks.Count == 0)
            return new Learning(0, 0, 0, []);

        var question = engine.KeysAmong(assignment, [questionId], withMeaning: true)[questionId];
        var encoded = engine.Encode(answers.Select(a => a.Text), cancellationToken);
        var learned = MarkLearning.Learn(engine.Grader, question.Key, question.Meaning!,
            [.. marks.Select(m => m.Mark)], [.. marks.Select(m => encoded[m.Mark.Response])], among: question.Among);
        // An accepted answer is one of the marks learned from: its score is the one the instructor accepted, left as it is.
        var marked = marks.Select(m => m.GradeId).ToHashSet();
        var regrades = answers.Where(a => a.OverrideScore is not null || !marked.Contains(a.GradeId)).Select(answer =>
        {
            var meaning = marked.Contains(answer.GradeId) ? MarkLearning.ForMarkedAnswer(learned, encoded[answer.Text]) : learned;
            var result = engine.Grader.Grade(question.Key, answer.Text, answer.Points, meaning, encoded[answer.Text], question.Among);
            return new AnswerRegrade(answer, result, GradeExplanation.Of(result))
            {
                Because = result.ClosestReference is not null ? "Close to an answer you marked correct"
                    : learned.Calibration is { Shift: not 0.0 } ? "On the question's curve as your marks set it" : null,
            };
        }).ToList();
        return new Learning(marks.Count, learned.References.Count, learned.Calibration?.Shift ?? 0, regrades, learned);
    }
}
