using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace QuizPlatform.Web.Features.Users;

/// <summary>The signed-in user's id, which the feature services check roles and ownership against.</summary>
public static class ActingUser
{
    public static async Task<string> IdAsync(Task<AuthenticationState> state) =>
        (await state).User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
}
