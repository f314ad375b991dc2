using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;

namespace QuizPlatform.Web.Features;

/// <summary>The server-side role check every feature service makes before acting for a user.</summary>
public static class RoleChecks
{
    /// <summary>
    /// Throws <see cref="UnauthorizedAccessException"/> unless <paramref name="userId"/> is an active user with one of
    /// <paramref name="roles"/>, read from the database rather than from a cookie that may be stale.
    /// </summary>
    public static async Task DemandRoleAsync(this QuizDbContext db, string? userId, params string[] roles)
    {
        var allowed = userId is not null && await (
            from userRole in db.UserRoles
            join role in db.Roles on userRole.RoleId equals role.Id
            join user in db.Users on userRole.UserId equals user.Id
            where userRole.UserId == userId && user.IsActive && roles.Contains(role.Name!)
            select userRole).AnyAsync();
        if (!allowed)
            throw new UnauthorizedAccessException($"This needs the role {string.Join(" or ", roles)}.");
    }
}
