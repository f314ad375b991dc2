using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Components.Shared;
using QuizPlatform.Web.Features.Audit;

namespace QuizPlatform.Web.Features.Quizzes;

/// <summary>
/// Closing a quiz now and reopening it, for its owner and admins (a quiz the actor may not see is missing, as in
/// <see cref="QuizAuthoring"/>). Closing is the one change that moves a started quiz's close time earlier, which the
/// editor refuses (<see cref="QuizEditRules"/>): an attempt's deadline is fixed when it starts, so students answering
/// now keep their time; closing stops new attempts and shows what waits for the close. Reopening only moves the close
/// time later, which the edit rules always allow.
/// </summary>
public sealed class QuizClosing(IDbContextFactory<QuizDbContext> dbFactory, TimeProvider clock, AuditLog audit)
{
    /// <summary>Sets the close time to now; refused for a quiz that has closed or not yet opened.</summary>
    public Task<ClosingResult> CloseNowAsync(string actorId, int quizId, CancellationToken cancellationToken = default) =>
        ChangeAsync(actorId, quizId, cancellationToken, (_, quiz, now) => Task.FromResult(
            quiz.ClosesAt <= now ? "This quiz has already closed."
            : quiz.OpensAt > now ? "This quiz has not opened yet: change its open time instead."
            : Set(quiz, now)));

    /// <summary>
    /// Opens a closed quiz again until <paramref name="closesAt"/> (UTC, in the future), or for good when null; refused
    /// while a class of the quiz is archived (<see cref="ArchivedClassesOpenTo"/>).
    /// </summary>
    public Task<ClosingResult> ReopenAsync(string actorId, int quizId, DateTime? closesAt, CancellationToken cancellationToken = default) =>
        ChangeAsync(actorId, quizId, cancellationToken, async (db, quiz, now) =>
            !(quiz.ClosesAt <= now) ? "This quiz is open."
            : closesAt <= now ? "The new close time must be in the future."
            : await ArchivedClassesOpenTo(db, await db.QuizClasses.Where(c => c.QuizId == quizId).Select(c => c.ClassId).ToListAsync(cancellationToken),
                cancellationToken) ?? Set(quiz, closesAt));

    /// <summary>
    /// Why a quiz cannot be open to these classes, or null: an archived class's students would find a quiz again after
    /// its term, which archiving refuses too (<see cref="Classes.ClassService.ArchiveAsync"/>).
    /// </summary>
    internal static async Task<string?> ArchivedClassesOpenTo(QuizDbContext db, IReadOnlyCollection<int> classIds, CancellationToken cancellationToken) =>
        await db.Classes.Where(c => classIds.Contains(c.Id) && c.ArchivedAt != null).Select(c => c.Name).OrderBy(n => n).FirstOrDefaultAsync(cancellationToken)
            is { } archived
            ? $"{archived} is archived, and its students would find the quiz open after their term: bring the class back first, or copy the quiz for your current classes."
            : null;

    private static string? Set(Quiz quiz, DateTime? closesAt)
    {
        quiz.ClosesAt = closesAt;
        return null;
    }

    /// <param name="change">Changes the quiz and returns null, or returns why it may not.</param>
    private async Task<ClosingResult> ChangeAsync(string actorId, int quizId, CancellationToken cancellationToken,
        Func<QuizDbContext, Quiz, DateTime, Task<string?>> change)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actor = (await Actor.LoadAsync(db, actorId, cancellationToken)).EnsureTeaches();
        var quiz = await actor.Quizzes(db).SingleOrDefaultAsync(q => q.Id == quizId, cancellationToken);
        if (quiz is null)
            return new ClosingResult(false, null, "This quiz no longer exists.");
        var now = clock.GetUtcNow().UtcDateTime;
        if (await change(db, quiz, now) is { } refusal)
            return new ClosingResult(false, quiz.ClosesAt, refusal);
        var closed = quiz.ClosesAt <= now;
        await audit.AddAsync(db, actor.Id, closed ? AuditActions.QuizClosed : AuditActions.QuizReopened, AuditSubject.Quiz(quizId),
            closed ? $"Closed the quiz {quiz.Title} now." : $"Reopened the quiz {quiz.Title} "
                + (quiz.ClosesAt is { } until ? $"until {Formats.DateTime(until)} UTC." : "with no close time."), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new ClosingResult(true, quiz.ClosesAt, null);
    }
}

/// <summary>Whether the close time changed, the quiz's close time (UTC) afterwards, and why not when it did not.</summary>
public sealed record ClosingResult(bool Done, DateTime? ClosesAt, string? Refusal);
