using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Components.Shared;
using QuizPlatform.Web.Features.Audit;
using QuizPlatform.Web.Features.QuizResults;

namespace QuizPlatform.Web.Features.Marking;

/// <summary>
/// Instructors' marks on grades: one answer, or a group at once, each change with its history row, under the rule
/// that only the quiz's owner and admins mark. A mark names the grade's revision it was given over; if someone else
/// changed the grade in between, nothing is stored and the current grade comes back (optimistic concurrency).
/// Every change tells the quiz's live pages (<see cref="QuizActivity"/>), so totals update everywhere.
/// </summary>
public sealed class GradeMarks(IDbContextFactory<QuizDbContext> dbFactory, TimeProvider clock, QuizActivity activity, AuditLog audit)
{
    /// <summary>Marks one grade; <paramref name="source"/> names where the mark came from when not the mark itself (a request).</summary>
    public async Task<MarkOutcome> MarkAsync(string actorId, int gradeId, int seenRevision, Mark mark,
        GradeChangeSource? source = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actor = await Actor.LoadAsync(db, actorId, cancellationToken);
        var grade = await Markable(db, actor).Include(g => g.Response).ThenInclude(r => r.Attempt)
            .SingleOrDefaultAsync(g => g.Id == gradeId, cancellationToken);
        if (grade is null)
            return new MarkOutcome.NotFound();
        if (grade.Revision != seenRevision)
            return new MarkOutcome.Conflict(await StateAsync(db, gradeId, cancellationToken));
        if (mark.Problem(grade.MaxPoints) is { } problem)
            return new MarkOutcome.Invalid(problem);

        var change = mark.ApplyTo(grade, actor.Id, clock.GetUtcNow().UtcDateTime, source);
        if (mark.Action != MarkAction.Accept)
            await audit.AddAsync(db, actor.Id, AuditActions.GradeOverridden, AuditSubject.Grade(gradeId),
                $"{Verb(mark)} a grade on attempt {grade.Response.AttemptId}: {Formats.Figure(change.OldScore)} → "
                + $"{Formats.Figure(change.NewScore)} points{Because(mark)}", cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            return new MarkOutcome.Conflict(await StateAsync(fresh, gradeId, cancellationToken));
        }
        activity.Publish(grade.Response.Attempt.QuizId);
        return new MarkOutcome.Marked(await StateAsync(db, gradeId, cancellationToken));
    }

    /// <summary>
    /// Gives <paramref name="mark"/> to every grade of <paramref name="gradeIds"/> in the quiz, in one transaction, one
    /// history row each (source: group). Overridden grades are skipped unless <paramref name="includeOverridden"/>.
    /// </summary>
    public async Task<GroupMarkOutcome?> MarkGroupAsync(string actorId, int quizId, IReadOnlyCollection<int> gradeIds, Mark mark,
        bool includeOverridden, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actor = await Actor.LoadAsync(db, actorId, cancellationToken);
        if (!await actor.Quizzes(db).AnyAsync(q => q.Id == quizId, cancellationToken))
            return null;
        var grades = await db.Grades
            .Where(g => gradeIds.Contains(g.Id) && g.Response.Attempt.QuizId == quizId)
            .ToListAsync(cancellationToken);
        if (grades.Select(g => mark.Problem(g.MaxPoints)).FirstOrDefault(p => p is not null) is { } problem)
            return new GroupMarkOutcome(0, 0, problem);
        var now = clock.GetUtcNow().UtcDateTime;
        var (skipped, alreadyAccepted) = (0, 0);
        foreach (var grade in grades)
        {
            if (grade.OverrideScore is not null && !includeOverridden)
                skipped++;
            // Accepted again, it would count as a new mark on the page and a row in its history, and change nothing.
            else if (mark.Action == MarkAction.Accept && grade.OverrideScore is null && grade.ReviewedAt is not null)
                alreadyAccepted++;
            else
                mark.ApplyTo(grade, actor.Id, now, GradeChangeSource.Group);
        }
        if (mark.Action != MarkAction.Accept && grades.Count > skipped)
            await audit.AddAsync(db, actor.Id, AuditActions.GradeOverridden, AuditSubject.Quiz(quizId),
                $"{Verb(mark)} {grades.Count - skipped} grades at once" + (mark.Score is { } score ? $" to {Formats.Figure(score)} points" : "")
                + Because(mark), cancellationToken);
        // One SaveChanges is one transaction: every answer of the group changes, or none does.
        await db.SaveChangesAsync(cancellationToken);
        activity.Publish(quizId);
        return new GroupMarkOutcome(grades.Count - skipped - alreadyAccepted, skipped, AlreadyAccepted: alreadyAccepted);
    }

    static string Verb(Mark mark) => mark.Action == MarkAction.Override ? "Overrode" : "Reverted";

    static string Because(Mark mark) => string.IsNullOrWhiteSpace(mark.Reason) ? "." : $". Reason: {mark.Reason.Trim()}";

    /// <summary>The grade's history, newest first; null when the actor may not see it.</summary>
    public async Task<IReadOnlyList<GradeChangeRow>?> HistoryAsync(string actorId, int gradeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actor = await Actor.LoadAsync(db, actorId, cancellationToken);
        if (!await Markable(db, actor).AnyAsync(g => g.Id == gradeId, cancellationToken))
            return null;
        return [.. (await HistoriesAsync(db.GradeChanges.Where(c => c.GradeId == gradeId), cancellationToken))[gradeId]];
    }

    /// <summary>The histories of the grades <paramref name="changes"/> selects, by grade, newest first; access is the caller's.</summary>
    internal static async Task<ILookup<int, GradeChangeRow>> HistoriesAsync(IQueryable<GradeChange> changes,
        CancellationToken cancellationToken) =>
        (await changes.AsNoTracking().OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id)
            .Select(c => new
            {
                c.GradeId,
                Row = new GradeChangeRow(c.ChangedAt, c.ChangedBy == null ? null : c.ChangedBy.DisplayName, c.Source,
                    c.OldScore, c.NewScore, c.Reason),
            })
            .ToListAsync(cancellationToken)).ToLookup(c => c.GradeId, c => c.Row);

    /// <summary>The grades the actor may mark: those of the quizzes they may act on (<see cref="Actor.Quizzes"/>).</summary>
    static IQueryable<Grade> Markable(QuizDbContext db, Actor actor) =>
        db.Grades.Where(g => actor.Quizzes(db).Any(q => q.Id == g.Response.Attempt.QuizId));

    static Task<GradeState> StateAsync(QuizDbContext db, int gradeId, CancellationToken cancellationToken) =>
        GradeState.Of(db.Grades.Where(g => g.Id == gradeId)).SingleAsync(cancellationToken);
}
