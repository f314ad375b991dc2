using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Configurations;
using QuizPlatform.Data.Entities;
using QuizPlatform.Data.Rosters;
using QuizPlatform.Web.Features.Audit;

namespace QuizPlatform.Web.Features.Classes;

/// <summary>
/// An instructor's classes. Every method takes the acting user's id: instructors see, create and change only their own
/// classes, admins all (and create classes for any instructor). A class the actor may not see is reported as missing,
/// never as forbidden, so guessing ids reveals nothing.
/// </summary>
public sealed class ClassService(IDbContextFactory<QuizDbContext> dbFactory, TimeProvider clock, AuditLog audit)
{
    private const int CodeAttempts = 5;

    public async Task<IReadOnlyList<ClassSummary>> ListAsync(string actorId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actor = (await Actor.LoadAsync(db, actorId, cancellationToken)).EnsureTeaches();
        var classes = await actor.Classes(db)
            .Select(c => new ClassSummary(c.Id, c.Name, c.JoinCode, ApplicationUser.NameOf(c.Instructor.DisplayName, c.Instructor.Email),
                c.Enrollments.Count, c.CreatedAt, c.ArchivedAt))
            .ToListAsync(cancellationToken);
        return [.. classes.OrderBy(c => c.Name, FormattingCulture.Names).ThenBy(c => c.Id)];
    }

    public async Task<ClassDetails?> GetAsync(string actorId, int classId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actor = (await Actor.LoadAsync(db, actorId, cancellationToken)).EnsureTeaches();
        var found = await actor.Classes(db).Where(c => c.Id == classId)
            .Select(c => new
            {
                c.Id, c.Name, c.JoinCode, c.CreatedAt, c.InstructorId, c.ArchivedAt,
                Instructor = ApplicationUser.NameOf(c.Instructor.DisplayName, c.Instructor.Email),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
            return null;
        var students = await db.Enrollments.Where(e => e.ClassId == classId)
            .Select(e => new ClassStudent(e.StudentId, e.Student.DisplayName, e.Student.Email ?? "", e.EnrolledAt))
            .ToListAsync(cancellationToken);
        var quizzes = await db.Quizzes.Where(q => q.Classes.Any(c => c.ClassId == classId))
            .Select(q => new { q.Id, q.Title, q.OpensAt, q.ClosesAt, Mine = actor.IsAdmin || q.CreatedById == actor.Id })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return new ClassDetails(found.Id, found.Name, found.JoinCode, found.InstructorId, found.Instructor, found.CreatedAt,
            students.OrderBy(s => ApplicationUser.NameOf(s.DisplayName, s.Email), FormattingCulture.Names).ToList(),
            [.. quizzes.Select(q => new ClassQuiz(q.Id, q.Title, q.OpensAt, q.ClosesAt, StateOf(q.OpensAt, q.ClosesAt, now), q.Mine))
                .OrderBy(q => q.State == ClassQuizState.Open ? 0 : q.State == ClassQuizState.NotYetOpen ? 1 : 2)
                .ThenBy(q => q.Title, FormattingCulture.Names)], found.ArchivedAt);
    }

    static ClassQuizState StateOf(DateTime? opensAt, DateTime? closesAt, DateTime now) =>
        opensAt > now ? ClassQuizState.NotYetOpen : closesAt <= now ? ClassQuizState.Closed : ClassQuizState.Open;

    /// <summary>
    /// Takes a student out of a class the actor owns (any class for an admin). Their attempts and grades stay: results
    /// still count them, but they no longer see the class's quizzes nor start one. False when the actor may not see the
    /// class or the student is not in it; nothing changes then.
    /// </summary>
    public async Task<bool> RemoveStudentAsync(string actorId, int classId, string studentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actor = (await Actor.LoadAsync(db, actorId, cancellationToken)).EnsureTeaches();
        var theClass = actor.Classes(db).Where(c => c.Id == classId).Select(c => c.Id);
        var removed = await db.Enrollments.Where(e => e.StudentId == studentId && theClass.Contains(e.ClassId))
            .Select(e => new { Class = e.Class.Name, e.Student.Email }).SingleOrDefaultAsync(cancellationToken);
        if (removed is null)
            return false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // What the delete did decides, not the read above: a remove or move of the same student since then took them out.
        if (await db.Enrollments.Where(e => e.StudentId == studentId && e.ClassId == classId).ExecuteDeleteAsync(cancellationToken) == 0)
            return false;
        await audit.AddAsync(db, actorId, AuditActions.ClassChanged, AuditSubject.Class(classId),
            $"Removed {removed.Email} from {removed.Class}.", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Moves a student from one class to another in one step, both classes the actor's (any for an admin): the
    /// student leaves <paramref name="fromClassId"/> and is in <paramref name="toClassId"/> (already there, or joining
    /// it by its code meanwhile: only the leaving). Their attempts and grades stay. Either class not the actor's reads as missing, as for a guessed id.
    /// </summary>
    public async Task<StudentMove> MoveStudentAsync(string actorId, int fromClassId, string studentId, int toClassId,
        CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var actor = (await Actor.LoadAsync(db, actorId, cancellationToken)).EnsureTeaches();
            var classes = await actor.Classes(db).Where(c => c.Id == fromClassId || c.Id == toClassId)
                .ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
            if (fromClassId == toClassId || classes.Count != 2)
                return StudentMove.NoSuchClass;
            var email = await db.Enrollments.Where(e => e.StudentId == studentId && e.ClassId == fromClassId)
                .Select(e => e.Student.Email).SingleOrDefaultAsync(cancellationToken);
            if (email is null)
                return StudentMove.NotInClass;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // As in RemoveStudentAsync: a remove or move since the read above already took them out.
            if (await db.Enrollments.Where(e => e.StudentId == studentId && e.ClassId == fromClassId).ExecuteDeleteAsync(cancellationToken) == 0)
                return StudentMove.NotInClass;
            if (!await db.Enrollments.AnyAsync(e => e.StudentId == studentId && e.ClassId == toClassId, cancellationToken))
                db.Enrollments.Add(new Enrollment { ClassId = toClassId, StudentId = studentId, EnrolledAt = clock.GetUtcNow().UtcDateTime });
            var moved = $"Moved {email} from {classes[fromClassId]} to {classes[toClassId]}.";
            await audit.AddAsync(db, actorId, AuditActions.ClassChanged, AuditSubject.Class(fromClassId), moved, cancellationToken);
            await audit.AddAsync(db, actorId, AuditActions.ClassChanged, AuditSubject.Class(toClassId), moved, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return StudentMove.Moved;
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                // The unique (class, student) index caught the student joining the target class by its code (or
                // another move there) since the check: as EnrollmentService.JoinAsync does, the enrolment that won
                // stands, and the move starts again, finding them already there and only taking them out of the class.
            }
        }
    }

    /// <summary>
    /// Gives a class the actor owns (any class for an admin) a fresh join code: the old one stops working, so a removed
    /// student cannot join again with it, nor can anyone a leaked code reached. Null when the actor may not see the class.
    /// </summary>
    public async Task<string?> NewJoinCodeAsync(string actorId, int classId, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var actor = (await Actor.LoadAsync(db, actorId, cancellationToken)).EnsureTeaches();
            var theClass = await actor.Classes(db).SingleOrDefaultAsync(c => c.Id == classId, cancellationToken);
            if (theClass is null)
                return null;
            theClass.JoinCode = await JoinCodes.UnusedAsync(db, cancellationToken);
            await audit.AddAsync(db, actorId, AuditActions.ClassChanged, AuditSubject.Class(classId),
                $"Gave {theClass.Name} a new join code; the old one no longer works.", cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return theClass.JoinCode;
            }
            catch (DbUpdateException) when (attempt < CodeAttempts)
            {
                // Another class took the same code between the check and the update: draw again.
            }
        }
    }

    /// <summary>
    /// Renames a class the actor owns (any class for an admin) and, for an admin, gives it to another active instructor
    /// (<paramref name="instructorId"/>; its quizzes stay with whoever made them). Returns what stopped it, in words, or
    /// null when saved or nothing changed; throws <see cref="KeyNotFoundException"/> for a class the actor may not see.
    /// </summary>
    public async Task<string?> UpdateAsync(string actorId, int classId, string name, string? instructorId = null,
        CancellationToken cancellationToken = default)
    {
        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > Limits.Title)
            return $"A class name has 1 to {Limits.Title} characters.";
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actor = (await Actor.LoadAsync(db, actorId, cancellationToken)).EnsureTeaches();
        var theClass = await actor.Classes(db).SingleOrDefaultAsync(c => c.Id == classId, cancellationToken)
                       ?? throw new KeyNotFoundException($"No class {classId}.");
        var changes = new List<string>();
        if (theClass.Name != trimmed)
        {
            // Another spelling of its own name ("cnn 101") is no clash; any other class of that name is.
            if (!string.Equals(theClass.Name, trimmed, StringComparison.OrdinalIgnoreCase) && await RosterImport.ClassNameIsTakenAsync(db, trimmed, cancellationToken))
                return $"Another class is called {trimmed}: rosters find classes by name, so choose another.";
            changes.Add($"renamed it {trimmed}");
        }
        if (instructorId is not null && instructorId != theClass.InstructorId)
        {
            actor.EnsureAdmin();
            if (await db.ActiveUsersInRole(Roles.Instructor).Where(u => u.Id == instructorId)
                    .Select(u => ApplicationUser.NameOf(u.DisplayName, u.Email)).SingleOrDefaultAsync(cancellationToken) is not { } teacher)
                return "Choose an active instructor to teach the class.";
            theClass.InstructorId = instructorId;
            changes.Add($"gave it to {teacher}");
        }
        if (changes.Count == 0)
            return null;
        await audit.AddAsync(db, actorId, AuditActions.ClassChanged, AuditSubject.Class(classId),
            $"Changed the class {theClass.Name}: {string.Join(", ", changes)}.", cancellationToken);
        theClass.Name = trimmed;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// Archives a class the actor owns (any class for an admin) when its term is over, or brings it back
    /// (<paramref name="archived"/> false). An archived class leaves the class lists and the quiz editor's choices and
    /// its join code stops working; its students, quizzes and results stay. Refused while a quiz open to it has not
    /// closed, so that no student is cut off mid-quiz. Returns what stopped it, in words, or null when done or nothing
    /// changed; throws <see cref="KeyNotFoundException"/> for a class the actor may not see.
    /// </summary>
    public async Task<string?> ArchiveAsync(string actorId, int classId, bool archived = true, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actor = (await Actor.LoadAsync(db, actorId, cancellationToken)).EnsureTeaches();
        var theClass = await actor.Classes(db).SingleOrDefaultAsync(c => c.Id == classId, cancellationToken)
                       ?? throw new KeyNotFoundException($"No class {classId}.");
        if (theClass.ArchivedAt is not null == archived)
            return null;
        var now = clock.GetUtcNow().UtcDateTime;
        if (archived && await db.Quizzes.Where(q => q.Classes.Any(c => c.ClassId == classId) && (q.ClosesAt == null || q.ClosesAt > now))
                .Select(q => q.Title).OrderBy(t => t).FirstOrDefaultAsync(cancellationToken) is { } open)
            return $"{open} is still open to this class: close it first, so that no student is cut off mid-quiz.";
        theClass.ArchivedAt = archived ? now : null;
        await audit.AddAsync(db, actorId, AuditActions.ClassChanged, AuditSubject.Class(classId),
            archived ? $"Archived the class {theClass.Name}: its join code no longer works." : $"Brought the class {theClass.Name} back from the archive.",
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// Deletes a class the actor owns (any class for an admin) that nobody has joined and no quiz is assigned to: one
    /// made by mistake. Returns what stopped it, in words, or null when deleted; throws <see cref="KeyNotFoundException"/>
    /// for a class the actor may not see.
    /// </summary>
    public async Task<string?> DeleteAsync(string actorId, int classId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actor = (await Actor.LoadAsync(db, actorId, cancellationToken)).EnsureTeaches();
        var name = await actor.Classes(db).Where(c => c.Id == classId).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken)
                   ?? throw new KeyNotFoundException($"No class {classId}.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Classes.Where(c => c.Id == classId && !c.Enrollments.Any() && !db.QuizClasses.Any(q => q.ClassId == classId))
                .ExecuteDeleteAsync(cancellationToken) == 0)
            return "Students are in this class or quizzes are assigned to it, so it is kept.";
        await audit.AddAsync(db, actorId, AuditActions.ClassDeleted, AuditSubject.Class(classId), $"Deleted the class {name}.", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// Whether a class of this name exists as a roster finds classes (<see cref="RosterImport.ClassNameIsTakenAsync"/>):
    /// a roster could not enrol anyone in one of two classes of the same name.
    /// </summary>
    public async Task<bool> NameIsTakenAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await RosterImport.ClassNameIsTakenAsync(db, name, cancellationToken);
    }

    /// <summary>The active instructors, by name, an admin may give a new class to.</summary>
    public async Task<IReadOnlyList<InstructorChoice>> InstructorsAsync(string actorId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        (await Actor.LoadAsync(db, actorId, cancellationToken)).EnsureAdmin();
        var instructors = await db.ActiveUsersInRole(Roles.Instructor)
            .Select(u => new { u.Id, Name = ApplicationUser.NameOf(u.DisplayName, u.Email), u.Email })
            .ToListAsync(cancellationToken);
        return [.. instructors.Select(u => new InstructorChoice(u.Id, u.Name, u.Email ?? ""))
            .OrderBy(u => u.Name, FormattingCulture.Names).ThenBy(u => u.Email, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>
    /// Creates a class with a fresh join code, taught by the actor or, when an admin names one, by
    /// <paramref name="instructorId"/> (an active instructor); returns it as listed.
    /// </summary>
    public async Task<ClassSummary> CreateAsync(string actorId, string name, string? instructorId = null,
        CancellationToken cancellationToken = default)
    {
        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > Limits.Title)
            throw new ArgumentException($"A class name has 1 to {Limits.Title} characters.", nameof(name));
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var actor = (await Actor.LoadAsync(db, actorId, cancellationToken)).EnsureTeaches();
            var teacher = instructorId ?? actor.Id;
            if (teacher != actor.Id)
            {
                actor.EnsureAdmin();
                if (!await db.ActiveUsersInRole(Roles.Instructor).AnyAsync(u => u.Id == teacher, cancellationToken))
                    throw new ArgumentException("Choose an active instructor to teach the class.", nameof(instructorId));
            }
            var code = await JoinCodes.UnusedAsync(db, cancellationToken);
            var created = new Class { Name = trimmed, JoinCode = code, InstructorId = teacher, CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.Classes.Add(created);
            try
            {
                var instructor = await db.Users.Where(u => u.Id == teacher)
                    .Select(u => ApplicationUser.NameOf(u.DisplayName, u.Email)).SingleAsync(cancellationToken);
                await audit.SaveNewAsync(db, actorId, AuditActions.ClassChanged, () => AuditSubject.Class(created.Id),
                    $"Created the class {created.Name}, taught by {instructor}.", cancellationToken);
                return new ClassSummary(created.Id, created.Name, created.JoinCode, instructor, 0, created.CreatedAt);
            }
            catch (DbUpdateException) when (attempt < CodeAttempts)
            {
                // Another class took the same code between the check and the insert: draw again.
            }
        }
    }
}
