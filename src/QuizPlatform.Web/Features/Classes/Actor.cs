using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;

namespace QuizPlatform.Web.Features.Classes;

/// <summary>
/// The signed-in user a feature service acts for, with the roles read from the database (not the cookie), so a
/// role removed or an account deactivated counts at once. Admins may act on every class and quiz.
/// </summary>
public sealed record Actor(string UserId, bool IsAdmin, bool IsInstructor)
{
    public bool Teaches => IsAdmin || IsInstructor;

    public static async Task<Actor> LoadAsync(QuizDbContext db, string userId, CancellationToken cancellationToken = default)
    {
        var active = await db.Users.AnyAsync(u => u.Id == userId && u.IsActive, cancellationToken);
        var roles = active
            ? await db.UserRoles.Where(ur => ur.UserId == userId)
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name)
                .ToListAsync(cancellationToken)
            : [];
        return new Actor(userId, roles.Contains(Roles.Admin), roles.Contains(Roles.Instructor));
    }

    /// <summary>Throws unless the user may teach (instructor or admin): the check behind every instructor page.</summary>
    public Actor EnsureTeaches() =>
        Teaches ? this : throw new UnauthorizedAccessException("Only instructors and admins manage classes and quizzes.");
}
