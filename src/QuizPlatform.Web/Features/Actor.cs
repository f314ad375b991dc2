using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;

namespace QuizPlatform.Web.Features;

/// <summary>
/// The signed-in user a feature service acts for. Pages pass only the id (<see cref="IdOf"/>); each service loads
/// the roles from the database in its own context, not from the cookie, so a role removed or an account
/// deactivated counts at once. Every refusal is an <see cref="UnauthorizedAccessException"/>.
/// </summary>
public sealed class Actor
{
    private readonly IReadOnlySet<string> roles;

    private Actor(string id, IReadOnlySet<string> roles) => (Id, this.roles) = (id, roles);

    public string Id { get; }
    public bool IsAdmin => roles.Contains(Roles.Admin);
    public bool IsStudent => roles.Contains(Roles.Student);
    /// <summary>Instructors and admins teach: they manage classes, quizzes and keywords.</summary>
    public bool Teaches => IsAdmin || roles.Contains(Roles.Instructor);

    /// <summary>The id in the sign-in principal; empty when nobody is signed in, which no account has.</summary>
    public static string IdOf(ClaimsPrincipal principal) => principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public static async Task<string> IdAsync(Task<AuthenticationState> state) => IdOf((await state).User);

    /// <summary>The actor with the roles stored for <paramref name="actorId"/>: none unless the account exists and is active.</summary>
    public static async Task<Actor> LoadAsync(QuizDbContext db, string? actorId, CancellationToken cancellationToken = default)
    {
        var roles = string.IsNullOrEmpty(actorId) ? [] : await (
            from userRole in db.UserRoles
            join role in db.Roles on userRole.RoleId equals role.Id
            join user in db.Users on userRole.UserId equals user.Id
            where userRole.UserId == actorId && user.IsActive
            select role.Name!).ToListAsync(cancellationToken);
        return new Actor(actorId ?? "", roles.ToHashSet());
    }

    /// <summary>
    /// The attempts of <paramref name="studentId"/> while the account is an active student: the check of
    /// <see cref="EnsureStudent"/> inside the read itself, for the requests a whole class makes at a deadline (hand-in,
    /// results). When it finds nothing, load the actor to tell a refused student from a missing attempt.
    /// </summary>
    public static IQueryable<Attempt> AttemptsOfStudent(QuizDbContext db, string studentId) =>
        db.Attempts.Where(a => a.StudentId == studentId && db.ActiveUsersInRole(Roles.Student).Any(u => u.Id == studentId));

    public Actor EnsureAdmin() => EnsureAny(Roles.Admin);

    public Actor EnsureStudent() => EnsureAny(Roles.Student);

    /// <summary>Throws unless the user may teach (instructor or admin): the check behind every instructor page.</summary>
    public Actor EnsureTeaches() =>
        Teaches ? this : throw new UnauthorizedAccessException("Only instructors and admins may see or change this.");

    public Actor EnsureAny(params string[] wanted) =>
        wanted.Any(roles.Contains) ? this : throw new UnauthorizedAccessException($"This needs the role {string.Join(" or ", wanted)}.");

    /// <summary>The classes the actor may act on: their own, or every class for an admin.</summary>
    public IQueryable<Class> Classes(QuizDbContext db) =>
        IsAdmin ? db.Classes : db.Classes.Where(c => c.InstructorId == Id);

    /// <summary>
    /// The quizzes the actor may act on: those they created, or every quiz for an admin; none unless they teach (an
    /// instructor whose role was removed keeps no reach into their old quizzes).
    /// </summary>
    public IQueryable<Quiz> Quizzes(QuizDbContext db) =>
        IsAdmin ? db.Quizzes : Teaches ? db.Quizzes.Where(q => q.CreatedById == Id) : db.Quizzes.Where(_ => false);
}
