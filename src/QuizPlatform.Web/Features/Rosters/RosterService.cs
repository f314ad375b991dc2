using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Configurations;
using QuizPlatform.Data.Entities;
using QuizPlatform.Data.Startup;
using QuizPlatform.Web.Features.Accounts;
using QuizPlatform.Web.Features.Audit;
using QuizPlatform.Web.Features.Classes;

namespace QuizPlatform.Web.Features.Rosters;

/// <summary>
/// Admin roster upload: <see cref="PreviewAsync"/> says per line what would happen and writes nothing;
/// <see cref="ApplyAsync"/> plans again inside one transaction and applies every line or none. A class the file
/// names that does not exist is created when the admin gave it an instructor (<c>newClasses</c>: class name to
/// instructor id). New students get a confirmed email; while account mail reaches nobody
/// (<see cref="AccountMail.Delivers"/>) they also get a one-time password, returned once and changed at first
/// sign-in, since "Forgot your password?" could not reach them. With mail they get no password, and the page offers
/// to send each a link to choose one (<see cref="StudentInvitations"/>).
/// </summary>
public sealed class RosterService(IServiceScopeFactory scopes, IDbContextFactory<QuizDbContext> contextFactory, AccountMail mail, TimeProvider clock,
    AuditLog audit)
{
    public bool GivesOneTimePasswords => !mail.Delivers;

    public async Task<RosterPreview> PreviewAsync(string actorId, string csv, IReadOnlyDictionary<string, string>? newClasses = null)
    {
        await using var db = await contextFactory.CreateDbContextAsync();
        (await Actor.LoadAsync(db, actorId)).EnsureAdmin();
        return await PlanAsync(db, csv, newClasses);
    }

    /// <summary>Applies the roster when every line is good; returns the plan it acted on, whether it did, and any one-time passwords.</summary>
    public async Task<RosterResult> ApplyAsync(string actorId, string csv, IReadOnlyDictionary<string, string>? newClasses = null)
    {
        await using var scope = scopes.CreateAsyncScope();
        // The user manager saves through this same context, so its inserts belong to the transaction too.
        var db = scope.ServiceProvider.GetRequiredService<QuizDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        (await Actor.LoadAsync(db, actorId)).EnsureAdmin();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var plan = await PlanAsync(db, csv, newClasses);
        if (!plan.CanApply)
            return new RosterResult(false, plan, []);

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var missing in plan.MissingClasses.Where(c => c.InstructorId is not null))
        {
            db.Classes.Add(new Class
            {
                Name = missing.Name, JoinCode = await ClassService.UnusedCodeAsync(db, CancellationToken.None),
                InstructorId = missing.InstructorId!, CreatedAt = now,
            });
            await db.SaveChangesAsync(); // one at a time, so the next code check sees this one
        }
        var classes = await ClassIdsByNameAsync(db);

        var created = new Dictionary<string, (string Id, string? Password)>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in plan.Rows.Where(r => r.Outcome == RosterOutcome.Created))
        {
            var student = new ApplicationUser
            {
                UserName = row.Line.Email, Email = row.Line.Email, EmailConfirmed = true, DisplayName = row.Line.Name, CreatedAt = now,
            };
            var password = GivesOneTimePasswords ? IdentityBootstrapper.GeneratePassword() : null;
            var result = password is null ? await users.CreateAsync(student) : await users.CreateAsync(student, password);
            if (result.Succeeded)
                result = await users.AddToRoleAsync(student, Roles.Student);
            if (result.Succeeded && password is not null)
                result = await PasswordChange.RequireAsync(users, student);
            if (!result.Succeeded)
                throw new InvalidOperationException($"Line {row.Line.Line}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            created[row.Line.Email] = (student.Id, password);
        }
        var emails = plan.Rows.Where(r => r.Outcome == RosterOutcome.Enrolled).Select(r => r.Line.Email.ToUpperInvariant()).ToList();
        var existing = await db.Users.Where(u => emails.Contains(u.NormalizedEmail!)).ToDictionaryAsync(u => u.NormalizedEmail!, u => u.Id);
        foreach (var row in plan.Rows.Where(r => r.Outcome is RosterOutcome.Created or RosterOutcome.Enrolled))
        {
            var studentId = created.TryGetValue(row.Line.Email, out var student) ? student.Id : existing[row.Line.Email.ToUpperInvariant()];
            db.Enrollments.Add(new Enrollment { ClassId = classes[row.Line.ClassName].Single(), StudentId = studentId, EnrolledAt = now });
        }
        await audit.AddAsync(db, actorId, AuditActions.RosterImported, null, Summary(plan));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return new RosterResult(true, plan, OneTimePasswords(plan, created))
        {
            NewStudentIds = [.. plan.Rows.Where(r => r.Outcome == RosterOutcome.Created).Select(r => created[r.Line.Email].Id).Distinct()],
        };
    }

    /// <summary>"Imported a roster of 12 lines: 3 students created, 8 enrolments, classes created: Biology 2."</summary>
    static string Summary(RosterPreview plan)
    {
        var newClasses = plan.MissingClasses.Where(c => c.InstructorId is not null).Select(c => c.Name).ToList();
        return $"Imported a roster of {plan.Rows.Count} lines: {plan.Rows.Count(r => r.Outcome == RosterOutcome.Created)} students created, "
            + $"{plan.Rows.Count(r => r.Outcome is RosterOutcome.Created or RosterOutcome.Enrolled)} enrolments"
            + (newClasses.Count > 0 ? $", classes created: {string.Join(", ", newClasses)}." : ".");
    }

    /// <summary>One per new student, in file order, with every class the file enrols them in.</summary>
    static List<OneTimePassword> OneTimePasswords(RosterPreview plan, Dictionary<string, (string Id, string? Password)> created) =>
    [
        .. plan.Rows.Where(r => r.Outcome == RosterOutcome.Created && created[r.Line.Email].Password is not null)
            .Select(r => new OneTimePassword(r.Line.Email, r.Line.Name,
                string.Join("; ", plan.Rows.Where(o => o.Outcome is RosterOutcome.Created or RosterOutcome.Enrolled && string.Equals(o.Line.Email, r.Line.Email, StringComparison.OrdinalIgnoreCase))
                    .Select(o => o.Line.ClassName)),
                created[r.Line.Email].Password!)),
    ];

    static async Task<RosterPreview> PlanAsync(QuizDbContext db, string csv, IReadOnlyDictionary<string, string>? newClasses)
    {
        var (lines, error) = RosterCsv.Parse(csv);
        if (error is not null)
            return new RosterPreview(error);

        var classes = await ClassIdsByNameAsync(db);
        var missing = lines.Select(l => l.ClassName).Where(n => n.Length > 0 && !classes.ContainsKey(n))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var missingClasses = missing.Select(name => new MissingClass(name,
            newClasses?.FirstOrDefault(c => string.Equals(c.Key, name, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } id ? id : null)).ToList();
        var chosen = missingClasses.Select(c => c.InstructorId).OfType<string>().ToList();
        var instructors = (await db.ActiveUsersInRole(Roles.Instructor).Where(u => chosen.Contains(u.Id)).Select(u => u.Id).ToListAsync()).ToHashSet();
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
            .ToDictionaryAsync(u => u.NormalizedEmail!);
        var userIds = accounts.Values.Select(a => a.Id).ToList();
        var enrolled = (await db.Enrollments.Where(e => userIds.Contains(e.StudentId)).Select(e => new { e.StudentId, e.ClassId }).ToListAsync())
            .Select(e => (e.StudentId, e.ClassId)).ToHashSet();

        var seen = new Dictionary<(string, int), int>();
        var newInThisFile = new Dictionary<string, RosterLine>(StringComparer.OrdinalIgnoreCase);
        var rows = new List<RosterRow>();
        foreach (var line in lines) // in file order: a later line may enrol a student an earlier one creates
            rows.Add(Plan(line));
        return new RosterPreview(rows, null, missingClasses);

        RosterRow Plan(RosterLine line)
        {
            RosterRow Error(string reason) => new(line, RosterOutcome.Error, reason);
            if (!new EmailAddressAttribute().IsValid(line.Email) || line.Email.Length == 0 || line.Email.Length > 256)
                return Error($"\"{line.Email}\" is not an email address.");
            if (line.Name.Length > Limits.Title)
                return Error($"The name is longer than {Limits.Title} characters.");
            if (line.ClassName.Length > Limits.Title)
                return Error($"The class name is longer than {Limits.Title} characters.");
            if (!classes.TryGetValue(line.ClassName, out var classIds))
                return Error(line.ClassName.Length == 0 ? "The line names no class."
                    : $"There is no class named \"{line.ClassName}\": create it above, or correct the line.");
            if (classIds.Count > 1)
                return Error($"{classIds.Count} classes are named \"{line.ClassName}\": rename one so the roster can tell them apart.");
            var classId = classIds[0];
            if (classId < 0 && !instructors.Contains(missingClasses[-1 - classId].InstructorId!))
                return Error($"The instructor chosen for the new class \"{line.ClassName}\" is not an active instructor.");
            if (!seen.TryAdd((line.Email.ToUpperInvariant(), classId), line.Line))
                return Error($"Repeats line {seen[(line.Email.ToUpperInvariant(), classId)]}.");

            if (accounts.TryGetValue(line.Email.ToUpperInvariant(), out var account))
            {
                if (!account.IsActive)
                    return Error("This account is deactivated; reactivate it first.");
                if (!account.IsStudent)
                    return Error("This account exists but is not a student.");
                return new RosterRow(line, enrolled.Contains((account.Id, classId)) ? RosterOutcome.AlreadyEnrolled : RosterOutcome.Enrolled,
                    Note: NameKept(line, account.DisplayName));
            }
            if (newInThisFile.TryGetValue(line.Email, out var first)) // created by an earlier line of this file
                return new RosterRow(line, RosterOutcome.Enrolled, Note: NameKept(line, first.Name));
            if (line.Name.Length == 0)
                return Error("A new student needs a name.");
            newInThisFile.Add(line.Email, line);
            return new RosterRow(line, RosterOutcome.Created);
        }
    }

    /// <summary>
    /// A roster enrols; it does not rename: a student may have corrected their own name since. A different name in
    /// the file is said, not silently dropped.
    /// </summary>
    static string? NameKept(RosterLine line, string name) =>
        line.Name.Length == 0 || line.Name == name.Trim() ? null : $"Name differs: keeps \"{name.Trim()}\"";

    /// <summary>Class ids by name, ignoring case; a name shared by several classes maps to all of them.</summary>
    static async Task<Dictionary<string, List<int>>> ClassIdsByNameAsync(QuizDbContext db) =>
        (await db.Classes.Select(c => new { c.Id, c.Name }).ToListAsync())
        .GroupBy(c => c.Name.Trim(), StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.Select(c => c.Id).ToList(), StringComparer.OrdinalIgnoreCase);
}
