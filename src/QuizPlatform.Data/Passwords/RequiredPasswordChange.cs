using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using QuizPlatform.Data.Entities;

namespace QuizPlatform.Data.Passwords;

/// <summary>
/// A password someone else chose (a roster's one-time password, an admin's reset) must be replaced at first sign-in:
/// the account carries <see cref="Claim"/>, which sign-in copies into the cookie; the web app's <c>PasswordChange</c>
/// sends its holder to Change password until they have chosen their own.
/// </summary>
public static class RequiredPasswordChange
{
    public const string Claim = "quiz:password-change-required";

    /// <summary>Marks the account (once, however often it is called) as having to choose a password at next sign-in.</summary>
    public static async Task<IdentityResult> RequireAsync(UserManager<ApplicationUser> users, ApplicationUser user) =>
        (await users.GetClaimsAsync(user)).Any(c => c.Type == Claim)
            ? IdentityResult.Success
            : await users.AddClaimAsync(user, new Claim(Claim, "true"));
}
