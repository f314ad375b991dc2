using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;

namespace QuizPlatform.Web.Features.Classes;

/// <summary>Students enrolling themselves with a class's join code (the student home calls this).</summary>
public sealed class EnrollmentService(IDbContextFactory<QuizDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>
    /// Enrols the student in the class whose join code was typed. Idempotent: joining twice, or two tabs at
    /// once, leaves one enrolment and reports <see cref="JoinOutcome.AlreadyEnrolled"/>.
    /// </summary>
    public async Task<JoinResult> JoinAsync(string actorId, string code, CancellationToken cancellationToken = default)
    {
        var normalized = JoinCodes.Normalize(code);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!(await Actor.LoadAsync(db, actorId, cancellationToken)).IsStudent)
            return new JoinResult(JoinOutcome.NotAStudent, null, null, "Only student accounts can join a class with a code.");

        var found = normalized.Length == 0 ? null
            : await db.Classes.Where(c => c.JoinCode == normalized).Select(c => new { c.Id, c.Name, c.ArchivedAt }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
            return new JoinResult(JoinOutcome.UnknownCode, null, null, normalized.Length == 0
                ? "Type the join code your instructor gave you."
                : $"No class has the join code \"{code.Trim()}\". Check the code with your instructor.");

        if (await db.Enrollments.AnyAsync(e => e.ClassId == found.Id && e.StudentId == actorId, cancellationToken))
            return Already(found.Id, found.Name);
        if (found.ArchivedAt is not null)
            return new JoinResult(JoinOutcome.Ended, null, null, $"{found.Name} has ended: its code no longer works. Ask your instructor which class to join.");
        db.Enrollments.Add(new Enrollment { ClassId = found.Id, StudentId = actorId, EnrolledAt = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique (class, student) index caught a concurrent join of the same student.
            await using var check = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (await check.Enrollments.AnyAsync(e => e.ClassId == found.Id && e.StudentId == actorId, cancellationToken))
                return Already(found.Id, found.Name);
            throw;
        }
        return new JoinResult(JoinOutcome.Joined, found.Id, found.Name, $"You joined {found.Name}.");
    }

    private static JoinResult Already(int classId, string name) =>
        new(JoinOutcome.AlreadyEnrolled, classId, name, $"You are already in {name}.");
}
