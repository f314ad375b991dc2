using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace QuizPlatform.Web.Features;

/// <summary>Kept for the callers in Attempts and StudentHome until they move to <see cref="Actor"/>.</summary>
public static class ActingUser
{
    public static string? IdOf(ClaimsPrincipal user) => Actor.IdOf(user) is { Length: > 0 } id ? id : null;

    public static Task<string> IdAsync(Task<AuthenticationState> state) => Actor.IdAsync(state);
}
