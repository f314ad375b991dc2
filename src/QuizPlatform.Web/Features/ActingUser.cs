using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace QuizPlatform.Web.Features;

/// <summary>The signed-in user's id, which the feature services check roles and ownership against.</summary>
public static class ActingUser
{
    /// <summary>The id in the sign-in principal; null when nobody is signed in.</summary>
    public static string? IdOf(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The id of the page's signed-in user; empty when nobody is signed in, which no service accepts.</summary>
    public static async Task<string> IdAsync(Task<AuthenticationState> state) => IdOf((await state).User) ?? "";
}
