using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data.Entities;

namespace QuizPlatform.Web.Tests.Support;

/// <summary>Accounts made through the real user manager, as the admin pages make them, all with <see cref="Password"/>.</summary>
public static class TestUsers
{
    public const string Password = "Test-Password-1";

    /// <summary>Settings with a known first-run admin (<c>admin@quiz.local</c> / <see cref="Password"/>), plus <paramref name="more"/>.</summary>
    public static Dictionary<string, string?> KnownAdmin(params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?> { ["Bootstrap:AdminPassword"] = Password };
        foreach (var (key, value) in more)
            settings[key] = value;
        return settings;
    }

    /// <summary>Creates <paramref name="email"/> in <paramref name="role"/> (none when null); the display name defaults to the email.</summary>
    public static async Task<ApplicationUser> CreateUserAsync(this WebApplicationFactory<Program> app, string email,
        string? role, bool active = true, string? displayName = null)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName ?? email, IsActive = active,
        };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        if (role is not null)
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user;
    }

    /// <summary><see cref="CreateUserAsync"/> for tests that only need the new user's id.</summary>
    public static async Task<string> CreateUserIdAsync(this WebApplicationFactory<Program> app, string email, string role,
        string? displayName = null) => (await app.CreateUserAsync(email, role, displayName: displayName)).Id;
}
