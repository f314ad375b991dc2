using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Data.Passwords;
using QuizPlatform.Data.Startup;
using QuizPlatform.Web.Components.Shared;
using QuizPlatform.Web.Features.Accounts;
using QuizPlatform.Web.Features.Audit;

namespace QuizPlatform.Web.Features.Users;

public sealed record UserRow(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool IsActive, DateTime CreatedAt);

/// <summary>The classes a user is in as a student, and those they teach, by name; and how many quizzes they made.</summary>
public sealed record UserClasses(IReadOnlyList<ClassLink> Studies, IReadOnlyList<ClassLink> Teaches, int QuizzesOwned)
{
    public bool HasTeaching => Teaches.Count > 0 || QuizzesOwned > 0;

    /// <summary>"2 classes": how many classes the user teaches.</summary>
    public string ClassesText => Formats.Count(Teaches.Count, "class", "classes");

    /// <summary>"1 quiz": how many quizzes the user made.</summary>
    public string QuizzesText => Formats.Count(QuizzesOwned, "quiz", "quizzes");

    /// <summary>Why a user who teaches may not lose the Instructor role or be deactivated yet.</summary>
    public string HandOverFirst(string? email) => $"{email} teaches {ClassesText} and owns {QuizzesText}: hand them over to another instructor first.";
}

public sealed record ClassLink(int Id, string Name);

public sealed record UserPage(IReadOnlyList<UserRow> Rows, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The outcome of a change: errors to show next to the form, or the password generated for the user (shown once).</summary>
public sealed record UserChange(bool Succeeded, IReadOnlyList<string> Errors, string? UserId = null, string? GeneratedPassword = null)
{
    public static UserChange Failed(params string[] errors) => new(false, errors);
}

/// <summary>
/// Admin management of accounts: list and search, create, roles, deactivate/reactivate, password reset. Every
/// call takes the acting user's id and refuses (<see cref="UnauthorizedAccessException"/>) unless that user is an
/// active admin. Each operation runs in its own scope, so a page's circuit never holds a user manager's context.
/// </summary>
public sealed class UserAdminService(IServiceScopeFactory scopes, IDbContextFactory<QuizDbContext> contextFactory, TimeProvider clock,
    AuditLog audit, AccountSessions sessions)
{
    public const int DefaultPageSize = 20;

    /// <summary>
    /// A page of users by email (numbers in their order), matching <paramref name="search"/> (part of the email or name), and when given, holding
    /// <paramref name="role"/> and active or deactivated (<paramref name="active"/>).
    /// </summary>
    public async Task<UserPage> ListAsync(string actorId, string? search, int page = 1, int pageSize = DefaultPageSize,
        string? role = null, bool? active = null)
    {
        await using var db = await contextFactory.CreateDbContextAsync();
        (await Actor.LoadAsync(db, actorId)).EnsureAdmin();
        var query = db.Users.AsQueryable();
        if (role is not null)
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
        if (active is { } isActive)
            query = query.Where(u => u.IsActive == isActive);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var upper = search.Trim().ToUpperInvariant();
            var lower = search.Trim().ToLowerInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(upper) || u.DisplayName.ToLower().Contains(lower));
        }
        // Ordered here as names are everywhere (student2@ before student10@), which the database's order cannot do:
        // the matching accounts' emails are read (a school's few thousand, small), then only the page's accounts.
        var matching = await query.Select(u => new { u.Id, u.Email }).ToListAsync();
        var total = matching.Count;
        page = Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var pageIds = matching.OrderBy(u => u.Email ?? "", FormattingCulture.Names).ThenBy(u => u.Id, StringComparer.Ordinal)
            .Skip((page - 1) * pageSize).Take(pageSize).Select(u => u.Id).ToList();
        var users = (await db.Users.Where(u => pageIds.Contains(u.Id)).ToListAsync()).OrderBy(u => pageIds.IndexOf(u.Id)).ToList();
        var roles = await RolesOfAsync(db, users.Select(u => u.Id).ToList());
        return new UserPage([.. users.Select(u => Row(u, roles))], total, page, pageSize);
    }

    public async Task<UserRow?> GetAsync(string actorId, string userId)
    {
        await using var db = await contextFactory.CreateDbContextAsync();
        (await Actor.LoadAsync(db, actorId)).EnsureAdmin();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId);
        return user is null ? null : Row(user, await RolesOfAsync(db, [user.Id]));
    }

    /// <summary>Where the user is: an admin looking up a student or a teacher sees their classes, without opening every class.</summary>
    public async Task<UserClasses> ClassesAsync(string actorId, string userId)
    {
        await using var db = await contextFactory.CreateDbContextAsync();
        (await Actor.LoadAsync(db, actorId)).EnsureAdmin();
        var studies = await db.Enrollments.Where(e => e.StudentId == userId).Select(e => new ClassLink(e.ClassId, e.Class.Name)).ToListAsync();
        var teaches = await db.Classes.Where(c => c.InstructorId == userId).Select(c => new ClassLink(c.Id, c.Name)).ToListAsync();
        return new UserClasses(ByName(studies), ByName(teaches), await db.Quizzes.CountAsync(q => q.CreatedById == userId));

        static List<ClassLink> ByName(List<ClassLink> classes) => [.. classes.OrderBy(c => c.Name, FormattingCulture.Names)];
    }

    /// <summary>
    /// Creates an active account with a confirmed email; without a password one is generated and returned, and the
    /// user changes it at first sign-in.
    /// </summary>
    public async Task<UserChange> CreateAsync(string actorId, string email, string displayName, IReadOnlyCollection<string> roles, string? password = null)
    {
        await EnsureAdminAsync(actorId);
        if (roles.Except(Data.Roles.All).FirstOrDefault() is { } unknown)
            return UserChange.Failed($"Unknown role {unknown}.");
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var generated = string.IsNullOrEmpty(password);
        password = generated ? IdentityBootstrapper.GeneratePassword() : password;
        var user = new ApplicationUser
        {
            UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true, DisplayName = displayName.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, password!);
        if (!created.Succeeded)
            return Failed(created);
        var added = await users.AddToRolesAsync(user, roles);
        if (added.Succeeded && generated)
            added = await RequiredPasswordChange.RequireAsync(users, user);
        if (!added.Succeeded)
            return Failed(added);
        await audit.WriteAsync(actorId, AuditActions.UserCreated, AuditSubject.User(user.Id),
            $"Created {user.Email} with roles {Listed(roles)}{(generated ? ", with a generated password" : "")}.");
        return new UserChange(true, [], user.Id, generated ? password : null);
    }

    /// <summary>Sets the display name and exactly these roles. An admin cannot take the Admin role from themselves.</summary>
    public async Task<UserChange> UpdateAsync(string actorId, string userId, string displayName, IReadOnlyCollection<string> roles)
    {
        await EnsureAdminAsync(actorId);
        if (roles.Except(Data.Roles.All).FirstOrDefault() is { } unknown)
            return UserChange.Failed($"Unknown role {unknown}.");
        if (userId == actorId && !roles.Contains(Data.Roles.Admin))
            return UserChange.Failed("You cannot remove your own Admin role; ask another admin.");
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByIdAsync(userId) is not { } user)
            return UserChange.Failed("No such user.");
        user.DisplayName = displayName.Trim();
        var current = await users.GetRolesAsync(user);
        if (current.Any(ManagesTeaching) && !roles.Any(ManagesTeaching) && await StillTeachesAsync(actorId, user) is { } teaches)
            return UserChange.Failed(teaches);
        var steps = new[]
        {
            () => users.UpdateAsync(user),
            () => users.RemoveFromRolesAsync(user, current.Except(roles)),
            () => users.AddToRolesAsync(user, roles.Except(current)),
        };
        foreach (var step in steps)
        {
            var result = await step();
            if (!result.Succeeded)
                return Failed(result);
        }
        if (!current.Order().SequenceEqual(roles.Order()))
        {
            // They sign in again with the new roles.
            await users.UpdateSecurityStampAsync(user);
            await sessions.EndAllAsync(user.Id);
            await audit.WriteAsync(actorId, AuditActions.RoleChanged, AuditSubject.User(user.Id),
                $"Changed the roles of {user.Email} from {Listed(current)} to {Listed(roles)}.");
        }
        return new UserChange(true, [], user.Id);
    }

    private static bool ManagesTeaching(string role) => role is Data.Roles.Instructor or Data.Roles.Admin;

    /// <summary>
    /// Why the user cannot stop teaching yet, or null: without an instructor's role or a working account, the classes
    /// they teach and the quizzes they made would be open to admins only, and nobody would mark their students.
    /// </summary>
    async Task<string?> StillTeachesAsync(string actorId, ApplicationUser user) =>
        await ClassesAsync(actorId, user.Id) is { HasTeaching: true } held ? held.HandOverFirst(user.Email) : null;

    /// <summary>
    /// Gives every class a user teaches and every quiz they made to another active instructor, in one transaction, so a
    /// teacher can leave or stop teaching without leaving classes and quizzes that no instructor can open. Their
    /// students, attempts, grades and marks stay as they are.
    /// </summary>
    public async Task<UserChange> HandOverAsync(string actorId, string userId, string toInstructorId)
    {
        await using var db = await contextFactory.CreateDbContextAsync();
        (await Actor.LoadAsync(db, actorId)).EnsureAdmin();
        if (await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync() is not { } from)
            return UserChange.Failed("No such user.");
        if (toInstructorId == userId || await db.ActiveUsersInRole(Data.Roles.Instructor).Where(u => u.Id == toInstructorId)
                .Select(u => u.Email).FirstOrDefaultAsync() is not { } to)
            return UserChange.Failed("Choose another active instructor to hand them over to.");
        await using var transaction = await db.Database.BeginTransactionAsync();
        var classes = (await db.Classes.Where(c => c.InstructorId == userId).Select(c => c.Name).ToListAsync()).Order(FormattingCulture.Names).ToList();
        var quizzes = await db.Quizzes.Where(q => q.CreatedById == userId).ExecuteUpdateAsync(s => s.SetProperty(q => q.CreatedById, toInstructorId));
        await db.Classes.Where(c => c.InstructorId == userId).ExecuteUpdateAsync(s => s.SetProperty(c => c.InstructorId, toInstructorId));
        if (classes.Count + quizzes == 0)
            return UserChange.Failed($"{from} teaches no class and owns no quiz.");
        var named = classes.Count == 0 ? "" : $" ({string.Join(", ", classes)})";
        await audit.AddAsync(db, actorId, AuditActions.TeachingHandedOver, AuditSubject.User(userId),
            $"Handed over {Formats.Count(classes.Count, "class", "classes")}{named} and {Formats.Count(quizzes, "quiz", "quizzes")} of {from} to {to}.");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return new UserChange(true, [], userId);
    }

    /// <summary>
    /// Deactivates (signed out everywhere at once) or reactivates an account; never one's own, nor one that still
    /// teaches (as for taking the Instructor role away: hand their teaching over first).
    /// </summary>
    public async Task<UserChange> SetActiveAsync(string actorId, string userId, bool active)
    {
        await EnsureAdminAsync(actorId);
        if (userId == actorId && !active)
            return UserChange.Failed("You cannot deactivate your own account.");
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByIdAsync(userId) is not { } user)
            return UserChange.Failed("No such user.");
        if (!active && await StillTeachesAsync(actorId, user) is { } teaches)
            return UserChange.Failed(teaches);
        user.IsActive = active;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
            return Failed(updated);
        await users.UpdateSecurityStampAsync(user);
        if (!active)
            await sessions.EndAllAsync(user.Id);
        await audit.WriteAsync(actorId, active ? AuditActions.UserReactivated : AuditActions.UserDeactivated, AuditSubject.User(user.Id),
            $"{(active ? "Reactivated" : "Deactivated")} {user.Email}.");
        return new UserChange(true, [], user.Id);
    }

    /// <summary>
    /// Replaces the user's password with a generated one (returned, to hand over), to be changed at their next
    /// sign-in, and ends their sessions.
    /// </summary>
    public async Task<UserChange> ResetPasswordAsync(string actorId, string userId)
    {
        await EnsureAdminAsync(actorId);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByIdAsync(userId) is not { } user)
            return UserChange.Failed("No such user.");
        var password = IdentityBootstrapper.GeneratePassword();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (reset.Succeeded)
            reset = await RequiredPasswordChange.RequireAsync(users, user);
        if (!reset.Succeeded)
            return Failed(reset);
        await users.SetLockoutEndDateAsync(user, null);
        await sessions.EndAllAsync(user.Id);
        await audit.WriteAsync(actorId, AuditActions.PasswordReset, AuditSubject.User(user.Id),
            $"Reset the password of {user.Email} to a generated one, to be changed at next sign-in.");
        return new UserChange(true, [], user.Id, password);
    }

    /// <summary>
    /// Signs the user out of every browser and ends their open pages at once, e.g. after a lost phone or a shared
    /// computer; they can sign in again at once. Returns the outcome, with how many sessions ended in its message.
    /// </summary>
    public async Task<(UserChange Change, int Ended)> SignOutEverywhereAsync(string actorId, string userId)
    {
        await using var db = await contextFactory.CreateDbContextAsync();
        (await Actor.LoadAsync(db, actorId)).EnsureAdmin();
        if (await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync() is not { } email)
            return (UserChange.Failed("No such user."), 0);
        var ended = await sessions.EndAllAsync(userId);
        await audit.WriteAsync(actorId, AuditActions.SessionEnded, AuditSubject.User(userId),
            $"Signed {email} out everywhere ({Formats.Count(ended, "session", "sessions")}).");
        return (new UserChange(true, [], userId), ended);
    }

    async Task EnsureAdminAsync(string actorId)
    {
        await using var db = await contextFactory.CreateDbContextAsync();
        (await Actor.LoadAsync(db, actorId)).EnsureAdmin();
    }

    static async Task<ILookup<string, string>> RolesOfAsync(QuizDbContext db, List<string> userIds) =>
        (await db.UserRoles.Where(ur => userIds.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync())
        .ToLookup(x => x.UserId, x => x.Name!);

    static UserRow Row(ApplicationUser user, ILookup<string, string> roles) =>
        new(user.Id, user.Email ?? "", user.DisplayName, [.. roles[user.Id].Order()], user.IsActive, user.CreatedAt);

    static string Listed(IEnumerable<string> roles) => roles.Any() ? string.Join(", ", roles.Order()) : "none";

    static UserChange Failed(IdentityResult result) => new(false, [.. result.Errors.Select(e => e.Description)]);
}
