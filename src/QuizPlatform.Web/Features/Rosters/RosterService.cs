using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Configurations;
using QuizPlatform.Data.Entities;

namespace QuizPlatform.Web.Features.Rosters;

public enum RosterOutcome { Created, Enrolled, AlreadyEnrolled, Error }

/// <summary>What applying a line does (or why it cannot): <see cref="RosterOutcome.Created"/> makes the student and enrols them.</summary>
public sealed record RosterRow(RosterLine Line, RosterOutcome Outcome, string? Reason = null);

public sealed record RosterPreview(IReadOnlyList<RosterRow> Rows, string? FileError)
{
    /// <summary>All or nothing: a roster with any bad line is not applied at all.</summary>
    public bool CanApply => FileError is null && Rows.Count > 0 && Rows.All(r => r.Outcome != RosterOutcome.Error);
    public int Count(RosterOutcome outcome) => Rows.Count(r => r.Outcome == outcome);
}

/// <summary>
/// Admin roster upload: <see cref="PreviewAsync"/> says per line what would happen and writes nothing;
/// <see cref="ApplyAsync"/> plans again inside one transaction and applies every line or none. New students get a
/// confirmed email and no password: they choose one through "Forgot your password?".
/// </summary>
public sealed class RosterService(IServiceScopeFactory scopes, IDbContextFactory<QuizDbContext> contextFactory, TimeProvider clock)
{
    public async Task<RosterPreview> PreviewAsync(string actorId, string csv)
    {
        await using var db = await contextFactory.CreateDbContextAsync();
        (await Actor.LoadAsync(db, actorId)).EnsureAdmin();
        return await PlanAsync(db, csv);
    }

    /// <summary>Applies the roster when every line is good; returns the plan it acted on, and whether it did.</summary>
    public async Task<(bool Applied, RosterPreview Plan)> ApplyAsync(string actorId, string csv)
    {
        await using var scope = scopes.CreateAsyncScope();
        // The user manager saves through this same context, so its inserts belong to the transaction too.
        var db = scope.ServiceProvider.GetRequiredService<QuizDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        (await Actor.LoadAsync(db, actorId)).EnsureAdmin();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var plan = await PlanAsync(db, csv);
        if (!plan.CanApply)
            return (false, plan);

        var classes = await ClassIdsByNameAsync(db);
        var now = clock.GetUtcNow().UtcDateTime;
        var created = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in plan.Rows.Where(r => r.Outcome == RosterOutcome.Created))
        {
            var student = new ApplicationUser
            {
                UserName = row.Line.Email, Email = row.Line.Email, EmailConfirmed = true, DisplayName = row.Line.Name, CreatedAt = now,
            };
            var result = await users.CreateAsync(student);
            if (result.Succeeded)
                result = await users.AddToRoleAsync(student, Roles.Student);
            if (!result.Succeeded)
                throw new InvalidOperationException($"Line {row.Line.Line}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            created[row.Line.Email] = student.Id;
        }
        var emails = plan.Rows.Where(r => r.Outcome == RosterOutcome.Enrolled).Select(r => r.Line.Email.ToUpperInvariant()).ToList();
        var existing = await db.Users.Where(u => emails.Contains(u.NormalizedEmail!)).ToDictionaryAsync(u => u.NormalizedEmail!, u => u.Id);
        foreach (var row in plan.Rows.Where(r => r.Outcome is RosterOutcome.Created or RosterOutcome.Enrolled))
        {
            var studentId = created.TryGetValue(row.Line.Email, out var id) ? id : existing[row.Line.Email.ToUpperInvariant()];
            db.Enrollments.Add(new Enrollment { ClassId = classes[row.Line.ClassName].Single(), StudentId = studentId, EnrolledAt = now });
        }
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return (true, plan);
    }

    static async Task<RosterPreview> PlanAsync(QuizDbContext db, string csv)
    {
        var (lines, error) = RosterCsv.Parse(csv);
        if (error is not null)
            return new RosterPreview([], error);

        var classes = await ClassIdsByNameAsync(db);
        var emails = lines.Select(l => l.Email.ToUpperInvariant()).Distinct().ToList();
        var accounts = await db.Users.Where(u => emails.Contains(u.NormalizedEmail!))
            .Select(u => new
            {
                u.Id, u.NormalizedEmail, u.IsActive,
                IsStudent = db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Student)),
            })
            .ToDictionaryAsync(u => u.NormalizedEmail!);
        var userIds = accounts.Values.Select(a => a.Id).ToList();
        var enrolled = (await db.Enrollments.Where(e => userIds.Contains(e.StudentId)).Select(e => new { e.StudentId, e.ClassId }).ToListAsync())
            .Select(e => (e.StudentId, e.ClassId)).ToHashSet();

        var seen = new Dictionary<(string, int), int>();
        var newInThisFile = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var rows = new List<RosterRow>();
        foreach (var line in lines) // in file order: a later line may enrol a student an earlier one creates
            rows.Add(Plan(line));
        return new RosterPreview(rows, null);

        RosterRow Plan(RosterLine line)
        {
            RosterRow Error(string reason) => new(line, RosterOutcome.Error, reason);
            if (!new EmailAddressAttribute().IsValid(line.Email) || line.Email.Length == 0 || line.Email.Length > 256)
                return Error($"\"{line.Email}\" is not an email address.");
            if (line.Name.Length > Limits.Title)
                return Error($"The name is longer than {Limits.Title} characters.");
            if (!classes.TryGetValue(line.ClassName, out var classIds))
                return Error($"There is no class named \"{line.ClassName}\".");
            if (classIds.Count > 1)
                return Error($"{classIds.Count} classes are named \"{line.ClassName}\": rename one so the roster can tell them apart.");
            var classId = classIds[0];
            if (!seen.TryAdd((line.Email.ToUpperInvariant(), classId), line.Line))
                return Error($"Repeats line {seen[(line.Email.ToUpperInvariant(), classId)]}.");

            if (accounts.TryGetValue(line.Email.ToUpperInvariant(), out var account))
            {
                if (!account.IsActive)
                    return Error("This account is deactivated; reactivate it first.");
                if (!account.IsStudent)
                    return Error("This account exists but is not a student.");
                return new RosterRow(line, enrolled.Contains((account.Id, classId)) ? RosterOutcome.AlreadyEnrolled : RosterOutcome.Enrolled);
            }
            if (newInThisFile.Contains(line.Email))
                return new RosterRow(line, RosterOutcome.Enrolled); // created by an earlier line of this file
            if (line.Name.Length == 0)
                return Error("A new student needs a name.");
            newInThisFile.Add(line.Email);
            return new RosterRow(line, RosterOutcome.Created);
        }
    }

    /// <summary>Class ids by name, ignoring case; a name shared by several classes maps to all of them.</summary>
    static async Task<Dictionary<string, List<int>>> ClassIdsByNameAsync(QuizDbContext db) =>
        (await db.Classes.Select(c => new { c.Id, c.Name }).ToListAsync())
        .GroupBy(c => c.Name.Trim(), StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.Select(c => c.Id).ToList(), StringComparer.OrdinalIgnoreCase);
}
