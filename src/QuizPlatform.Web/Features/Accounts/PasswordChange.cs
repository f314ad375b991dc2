using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Identity;
using QuizPlatform.Data.Entities;
using QuizPlatform.Data.Passwords;

namespace QuizPlatform.Web.Features.Accounts;

/// <summary>
/// Sends the holder of <see cref="RequiredPasswordChange.Claim"/> from every page, download and API except the account
/// pages to Change password until they have chosen their own (which removes the claim and refreshes the cookie).
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

    /// <summary>
    /// Whether an account requirement (this one, <see cref="AdminTwoFactor"/>) holds the request back: every page, and
    /// every endpoint that needs a signed-in user (exports, the answer API), but never the account pages that meet it.
    /// A password that opened no page but every download would still hand out the results and the answer key.
    /// </summary>
    public static bool IsGated(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/Account")
        && context.GetEndpoint()?.Metadata is { } metadata
        && (metadata.GetMetadata<ComponentTypeMetadata>() is not null || metadata.GetMetadata<IAuthorizeData>() is not null);

    /// <summary>Sends a signed-in user who must change their password from any gated request (<see cref="IsGated"/>) to Change password.</summary>
    public static IApplicationBuilder UsePasswordChangeRequirement(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (IsRequired(context.User) && IsGated(context))
        {
            context.Response.Redirect(context.Request.PathBase + PagePath);
            return;
        }
        await next(context);
    });
}
