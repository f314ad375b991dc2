using System.Security.Claims;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Identity;
using QuizPlatform.Data.Entities;
using QuizPlatform.Data.Passwords;

namespace QuizPlatform.Web.Features.Accounts;

/// <summary>
/// Sends the holder of <see cref="RequiredPasswordChange.Claim"/> from every page except the account pages to Change
/// password until they have chosen their own (which removes the claim and refreshes the cookie).
/// </summary>
public static class PasswordChange
{
    public const string RequiredClaim = RequiredPasswordChange.Claim;
    public const string PagePath = "/Account/Manage/ChangePassword";

    public static bool IsRequired(ClaimsPrincipal principal) => principal.HasClaim(c => c.Type == RequiredClaim);

    /// <summary>Removes the requirement once the user has chosen a password.</summary>
    public static async Task ClearAsync(UserManager<ApplicationUser> users, ApplicationUser user)
    {
        var claims = (await users.GetClaimsAsync(user)).Where(c => c.Type == RequiredClaim).ToList();
        if (claims.Count > 0 && await users.RemoveClaimsAsync(user, claims) is { Succeeded: false } failed)
            throw new InvalidOperationException(string.Join("; ", failed.Errors.Select(e => e.Description)));
    }

    /// <summary>Sends a signed-in user who must change their password from any page (not the account pages) to Change password.</summary>
    public static IApplicationBuilder UsePasswordChangeRequirement(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (IsRequired(context.User)
            && context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null
            && !context.Request.Path.StartsWithSegments("/Account"))
        {
            context.Response.Redirect(context.Request.PathBase + PagePath);
            return;
        }
        await next(context);
    });
}
