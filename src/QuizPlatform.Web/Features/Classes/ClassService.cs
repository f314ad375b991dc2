using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Configurations;
using QuizPlatform.Data.Entities;

namespace QuizPlatform.Web.Features.Classes;

/// <summary>
/// An instructor's classes. Every method takes the acting user's id: instructors see and create only their own
/// classes, admins see all. A class the actor may not see is reported as missing, never as forbidden, so guessing
/// ids reveals nothing.
/// </summary>
public sealed class ClassService(IDbContextFactory<QuizDbContext> dbFactory, TimeProvider clock)
{
    private const int CodeAttempts = 5;

    public async Task<IReadOnlyList<ClassSummary>> ListAsync(string actorId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actor = (await Actor.LoadAsync(db, actorId, cancellationToken)).EnsureTeaches();
        return await actor.Classes(db)
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Select(c => new ClassSummary(c.Id, c.Name, c.JoinCode, ApplicationUser.NameOf(c.Instructor.DisplayName, c.Instructor.Email),
                c.Enrollments.Count, c.CreatedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<ClassDetails?> GetAsync(string actorId, int classId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actor = (await Actor.LoadAsync(db, actorId, cancellationToken)).EnsureTeaches();
        var found = await actor.Classes(db).Where(c => c.Id == classId)
            .Select(c => new
            {
                c.Id, c.Name, c.JoinCode, c.CreatedAt,
                Instructor = ApplicationUser.NameOf(c.Instructor.DisplayName, c.Instructor.Email),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
            return null;
        var students = await db.Enrollments.Where(e => e.ClassId == classId)
            .Select(e => new ClassStudent(e.StudentId, e.Student.DisplayName, e.Student.Email ?? "", e.EnrolledAt))
            .ToListAsync(cancellationToken);
        return new ClassDetails(found.Id, found.Name, found.JoinCode, found.Instructor, found.CreatedAt,
            students.OrderBy(s => ApplicationUser.NameOf(s.DisplayName, s.Email), StringComparer.CurrentCultureIgnoreCase).ToList());
    }

    /// <summary>Creates a class taught by the actor with a fresh join code; returns it as listed.</summary>
    public async Task<ClassSummary> CreateAsync(string actorId, string name, CancellationToken cancellationToken = default)
    {
        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > Limits.Title)
            throw new ArgumentException($"A class name has 1 to {Limits.Title} characters.", nameof(name));
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var actor = (await Actor.LoadAsync(db, actorId, cancellationToken)).EnsureTeaches();
            var code = await UnusedCodeAsync(db, cancellationToken);
            var created = new Class { Name = trimmed, JoinCode = code, InstructorId = actor.Id, CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.Classes.Add(created);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                var instructor = await db.Users.Where(u => u.Id == actor.Id)
                    .Select(u => ApplicationUser.NameOf(u.DisplayName, u.Email)).SingleAsync(cancellationToken);
                return new ClassSummary(created.Id, created.Name, created.JoinCode, instructor, 0, created.CreatedAt);
            }
            catch (DbUpdateException) when (attempt < CodeAttempts)
            {
                // Another class took the same code between the check and the insert: draw again.
            }
        }
    }

    /// <summary>A join code no class has yet (a race with another insert still fails on the unique index).</summary>
    internal static async Task<string> UnusedCodeAsync(QuizDbContext db, CancellationToken cancellationToken)
    {
        while (true)
        {
            var code = JoinCodes.Generate();
            if (!await db.Classes.AnyAsync(c => c.JoinCode == code, cancellationToken))
                return code;
        }
    }
}
