using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;

namespace QuizPlatform.Web.Features.Users;

/// <summary>The server-side check behind every admin operation (users, rosters): the acting user is an active admin.</summary>
public static class AdminAccess
{
    public static async Task EnsureAdminAsync(QuizDbContext db, string actingUserId)
    {
        var isAdmin = await db.Users.AnyAsync(u => u.Id == actingUserId && u.IsActive &&
            db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin)));
        if (!isAdmin)
            throw new UnauthorizedAccessException("Only an active admin may do this.");
    }
}
