using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data.Configurations;
using QuizPlatform.Data.Entities;
using QuizPlatform.Data.Passwords;
using QuizPlatform.Data.Startup;

namespace QuizPlatform.Data.Rosters;

/// <summary>
/// The roster rule, for the admin's roster page and <c>quiz roster import</c>: <see cref="PreviewAsync"/> says per line
/// what would happen and writes nothing; <see cref="ApplyAsync"/> plans again inside one transaction and applies every
/// line or none. Scoped: the user manager saves through this same context, so its inserts belong to the transaction.
/// New students get a confirmed email and the Student role; their password is the file's, a generated one-time password
/// (<see cref="RosterOptions.GeneratesPasswords"/>), or none (they are invited to choose one).
/// </summary>
public sealed class RosterImport(QuizDbContext db, UserManager<ApplicationUser> users, TimeProvider clock)
{
    public async Task<RosterPreview> PreviewAsync(string csv, RosterOptions options, CancellationToken cancellationToken = default) =>
        await PlanAsync(csv, options, cancellationToken);

    /// <summary>
    /// Applies the roster when every line is good; <paramref name="beforeSave"/> adds what goes with it (the audit
    /// line) to the same save. Returns the plan it acted on, whether it did, and the one-time passwords it generated.
    /// </summary>
    public async Task<RosterResult> ApplyAsync(string csv, RosterOptions options, Func<RosterPreview, Task>? beforeSave = null,
        CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Hashing is slow on purpose (minutes for a school's roster): done before the transaction, which then holds
        // its connection and locks for the inserts only. Planning again inside it decides; a line that changed meanwhile is hashed then.
        var prepared = NewStudents(await PlanAsync(csv, options, cancellationToken), options, now, null, cancellationToken)
            .ToDictionary(s => s.Row.Line.Email, StringComparer.OrdinalIgnoreCase);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var plan = await PlanAsync(csv, options, cancellationToken);
        if (!plan.CanApply)
            return new RosterResult(false, plan, []);

        foreach (var missing in plan.MissingClasses.Where(c => c.InstructorId is not null))
        {
            db.Classes.Add(new Class
            {
                Name = missing.Name, JoinCode = await JoinCodes.UnusedAsync(db, cancellationToken), InstructorId = missing.InstructorId!, CreatedAt = now,
            });
            await db.SaveChangesAsync(cancellationToken); // one at a time, so the next code check sees this one
        }
        var classes = await ClassIdsByNameAsync(cancellationToken);

        var students = NewStudents(plan, options, now, prepared, cancellationToken);
        foreach (var (row, student, password) in students)
        {
            // The password was validated while planning; CreateAsync without one keeps the hash set above.
            var result = await users.CreateAsync(student);
            if (result.Succeeded)
                result = await users.AddToRoleAsync(student, Roles.Student);
            if (result.Succeeded && password is not null && (row.Line.Password is null || options.GivenPasswordsMustChange))
                result = await RequiredPasswordChange.RequireAsync(users, student);
            if (!result.Succeeded)
                throw new InvalidOperationException($"Line {row.Line.Line}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
        var created = students.ToDictionary(s => s.Row.Line.Email, StringComparer.OrdinalIgnoreCase);

        var emails = plan.Rows.Where(r => r.Outcome == RosterOutcome.Enrolled).Select(r => r.Line.Email.ToUpperInvariant()).ToList();
        var existing = await db.Users.Where(u => emails.Contains(u.NormalizedEmail!)).ToDictionaryAsync(u => u.NormalizedEmail!, u => u.Id, cancellationToken);
        foreach (var row in plan.Rows.Where(r => r.Outcome is RosterOutcome.Created or RosterOutcome.Enrolled))
        {
            var studentId = created.TryGetValue(row.Line.Email, out var student) ? student.User.Id : existing[row.Line.Email.ToUpperInvariant()];
            db.Enrollments.Add(new Enrollment { ClassId = classes[row.Line.ClassName].Single(), StudentId = studentId, EnrolledAt = now });
        }
        if (beforeSave is not null)
            await beforeSave(plan);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RosterResult(true, plan, OneTimePasswords(plan, students))
        {
            NewStudentIds = [.. students.Select(s => s.User.Id)],
        };
    }

    sealed record NewStudent(RosterRow Row, ApplicationUser User, string? Password);

    /// <summary>
    /// The accounts the plan creates, each with its password hashed (the file's, or a generated one-time password),
    /// reusing a <paramref name="prepared"/> account made from the same line. The hasher is stateless and each hash
    /// takes tens of ms, so every core hashes; the user manager is not thread-safe, so nothing else is parallel.
    /// </summary>
    List<NewStudent> NewStudents(RosterPreview plan, RosterOptions options, DateTime now, IReadOnlyDictionary<string, NewStudent>? prepared,
        CancellationToken cancellationToken)
    {
        if (!plan.CanApply)
            return [];
        var students = plan.Rows.Where(r => r.Outcome == RosterOutcome.Created)
            .Select(row => prepared?.GetValueOrDefault(row.Line.Email) is { } ready && ready.Row.Line == row.Line ? ready : new NewStudent(row,
                new ApplicationUser { UserName = row.Line.Email, Email = row.Line.Email, EmailConfirmed = true, DisplayName = row.Line.Name, CreatedAt = now },
                row.Line.Password ?? (options.GeneratesPasswords ? IdentityBootstrapper.GeneratePassword() : null)))
            .ToList();
        Parallel.ForEach(students.Where(s => s.Password is not null && s.User.PasswordHash is null), new ParallelOptions { CancellationToken = cancellationToken },
            s => s.User.PasswordHash = users.PasswordHasher.HashPassword(s.User, s.Password!));
        return students;
    }

    /// <summary>One per new student whose password was generated, in file order, with every class the file enrols them in.</summary>
    static List<OneTimePassword> OneTimePasswords(RosterPreview plan, List<NewStudent> students) =>
    [
        .. students.Where(s => s.Row.Line.Password is null && s.Password is not null)
            .Select(s => new OneTimePassword(s.Row.Line.Email, s.Row.Line.Name,
                string.Join("; ", plan.Rows.Where(o => o.Outcome is RosterOutcome.Created or RosterOutcome.Enrolled
                        && string.Equals(o.Line.Email, s.Row.Line.Email, StringComparison.OrdinalIgnoreCase))
                    .Select(o => o.Line.ClassName)),
                s.Password!)),
    ];

    async Task<RosterPreview> PlanAsync(string csv, RosterOptions options, CancellationToken cancellationToken)
    {
        var (lines, error) = RosterCsv.Parse(csv, options.DefaultClass);
        if (error is not null)
            return new RosterPreview(error);
        if (!options.TakesPasswords && lines.Any(l => l.Password is not null))
            return new RosterPreview("The file gives passwords: the roster page sets none (an admin can with quiz roster import). Remove the password column.");

        var classes = await ClassIdsByNameAsync(cancellationToken);
        var archived = (await db.Classes.Where(c => c.ArchivedAt != null).Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
        var missingClasses = lines.Select(l => l.ClassName).Where(n => n.Length > 0 && !classes.ContainsKey(n))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(name => new MissingClass(name, options.NewClassInstructor(name) is { Length: > 0 } id ? id : null)).ToList();
        var chosen = missingClasses.Select(c => c.InstructorId).OfType<string>().ToList();
        var instructors = (await db.ActiveUsersInRole(Roles.Instructor).Where(u => chosen.Contains(u.Id)).Select(u => u.Id)
            .ToListAsync(cancellationToken)).ToHashSet();
        // A class to create has no id yet: a negative stand-in keeps "the same student twice in one class" checkable.
        for (var i = 0; i < missingClasses.Count; i++)
            if (missingClasses[i].InstructorId is not null)
                classes[missingClasses[i].Name] = [-1 - i];

        var emails = lines.Select(l => l.Email.ToUpperInvariant()).Distinct().ToList();
        var accounts = await db.Users.Where(u => emails.Contains(u.NormalizedEmail!))
            .Select(u => new
            {
                u.Id, u.NormalizedEmail, u.IsActive, u.DisplayName,
                IsStudent = db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Student)),
            })
            .ToDictionaryAsync(u => u.NormalizedEmail!, cancellationToken);
        var userIds = accounts.Values.Select(a => a.Id).ToList();
        var enrolled = (await db.Enrollments.Where(e => userIds.Contains(e.StudentId)).Select(e => new { e.StudentId, e.ClassId })
                .ToListAsync(cancellationToken))
            .Select(e => (e.StudentId, e.ClassId)).ToHashSet();

        var seen = new Dictionary<(string, int), RosterLine>();
        var newInThisFile = new Dictionary<string, RosterLine>(StringComparer.OrdinalIgnoreCase);
        var rows = new List<RosterRow>();
        foreach (var line in lines) // in file order: a later line may enrol a student an earlier one creates
            rows.Add(await PlanLineAsync(line));
        return new RosterPreview(rows, null, missingClasses);

        async Task<RosterRow> PlanLineAsync(RosterLine line)
        {
            RosterRow Error(string reason) => new(line, RosterOutcome.Error, reason);
            // A school's export often lists a student twice (once per subject or group): a line that says again what
            // an earlier one said is skipped; one that says something else cannot be guessed between.
            RosterRow Repeat(RosterLine first) =>
                line.Password != first.Password ? Error($"Repeats line {first.Line} with another password.")
                : line.Name.Length > 0 && first.Name.Length > 0 && line.Name != first.Name
                    ? Error($"Repeats line {first.Line} with another name (\"{first.Name}\").")
                : new(line, RosterOutcome.Repeated, Note: $"Repeats line {first.Line}: skipped.");
            if (!new EmailAddressAttribute().IsValid(line.Email) || line.Email.Length == 0 || line.Email.Length > 256)
                return Error($"\"{line.Email}\" is not an email address.");
            if (line.Name.Length > Limits.Title)
                return Error($"The name is longer than {Limits.Title} characters.");
            if (line.ClassName.Length > Limits.Title)
                return Error($"The class name is longer than {Limits.Title} characters.");
            if (!classes.TryGetValue(line.ClassName, out var classIds))
                return Error(line.ClassName.Length == 0 ? "The line names no class." : $"There is no class named \"{line.ClassName}\": {options.MissingClassAdvice}");
            if (classIds.Count > 1)
                return Error($"{classIds.Count} classes are named \"{line.ClassName}\": rename one so the roster can tell them apart.");
            var classId = classIds[0];
            if (archived.Contains(classId))
                return Error($"The class \"{line.ClassName}\" is archived: bring it back on its page to enrol students in it.");
            if (classId < 0 && !instructors.Contains(missingClasses[-1 - classId].InstructorId!))
                return Error($"The instructor chosen for the new class \"{line.ClassName}\" is not an active instructor.");
            if (!seen.TryAdd((line.Email.ToUpperInvariant(), classId), line))
                return Repeat(seen[(line.Email.ToUpperInvariant(), classId)]);

            if (accounts.TryGetValue(line.Email.ToUpperInvariant(), out var account))
            {
                // The same export uploaded again next week still lists a student who has left since: already in the
                // class, the line changes nothing, and must not hold back the others.
                if (!account.IsActive)
                    return enrolled.Contains((account.Id, classId))
                        ? new RosterRow(line, RosterOutcome.AlreadyEnrolled, Note: "The account is deactivated: it stays so.")
                        : Error("This account is deactivated; reactivate it first.");
                if (!account.IsStudent)
                    return Error("This account exists but is not a student.");
                return new RosterRow(line, enrolled.Contains((account.Id, classId)) ? RosterOutcome.AlreadyEnrolled : RosterOutcome.Enrolled,
                    Note: Notes(NameKept(line, account.DisplayName), line.Password is null ? null : "The account exists: its password is left as it is."));
            }
            if (newInThisFile.TryGetValue(line.Email, out var first)) // created by an earlier line of this file
            {
                if (line.Password is not null && line.Password != first.Password)
                    return Error($"Gives another password than line {first.Line} for the same student.");
                return new RosterRow(line, RosterOutcome.Enrolled, Note: NameKept(line, first.Name));
            }
            if (line.Name.Length == 0)
                return Error("A new student needs a name.");
            if (line.Password is not null && await RefusedAsync(line) is { } refused)
                return Error($"The password is refused: {refused}");
            newInThisFile.Add(line.Email, line);
            return new RosterRow(line, RosterOutcome.Created);
        }
    }

    /// <summary>Why the password policy refuses the line's password (never the password itself), or null.</summary>
    async Task<string?> RefusedAsync(RosterLine line)
    {
        var student = new ApplicationUser { UserName = line.Email, Email = line.Email, DisplayName = line.Name };
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
            if (await validator.ValidateAsync(users, student, line.Password) is { Succeeded: false } result)
                errors.AddRange(result.Errors.Select(e => e.Description));
        return errors.Count == 0 ? null : string.Join(" ", errors);
    }

    static string? Notes(params string?[] notes) => notes.OfType<string>().ToList() is { Count: > 0 } some ? string.Join("; ", some) : null;

    /// <summary>
    /// A roster enrols; it does not rename: a student may have corrected their own name since. A different name in
    /// the file is said, not silently dropped.
    /// </summary>
    static string? NameKept(RosterLine line, string name) =>
        line.Name.Length == 0 || line.Name == name.Trim() ? null : $"Name differs: keeps \"{name.Trim()}\"";

    /// <summary>How a roster finds a class by its name: trimmed, in any case. Two classes of one name cannot be told apart.</summary>
    static readonly StringComparer ClassName = StringComparer.OrdinalIgnoreCase;

    /// <summary>Class ids by name (<see cref="ClassName"/>); a name shared by several classes maps to all of them.</summary>
    async Task<Dictionary<string, List<int>>> ClassIdsByNameAsync(CancellationToken cancellationToken) =>
        (await db.Classes.Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken))
        .GroupBy(c => c.Name.Trim(), ClassName)
        .ToDictionary(g => g.Key, g => g.Select(c => c.Id).ToList(), ClassName);

    /// <summary>Whether a roster would find a class of this name already: the New class page refuses such a name.</summary>
    public static async Task<bool> ClassNameIsTakenAsync(QuizDbContext db, string name, CancellationToken cancellationToken = default)
    {
        var names = await db.Classes.Select(c => c.Name).ToListAsync(cancellationToken);
        return names.Any(n => ClassName.Equals(n.Trim(), name.Trim()));
    }
}
