using QuizPlatform.Data;

namespace QuizPlatform.Web.Features;

/// <summary>Kept for the callers in Attempts and StudentHome until they move to <see cref="Actor"/>, whose rule it applies.</summary>
public static class RoleChecks
{
    public static async Task DemandRoleAsync(this QuizDbContext db, string? userId, params string[] roles) =>
        (await Actor.LoadAsync(db, userId)).EnsureAny(roles);
}
