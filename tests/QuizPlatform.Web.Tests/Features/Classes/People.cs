using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data.Entities;

namespace QuizPlatform.Web.Tests.Features.Classes;

/// <summary>Accounts for access tests, made through the real user manager.</summary>
public static class People
{
    public const string Password = "Test-Password-1";

    /// <summary>Settings that make the first-run admin use <see cref="Password"/>.</summary>
    public static readonly Dictionary<string, string?> KnownAdmin = new() { ["Bootstrap:AdminPassword"] = Password };

    /// <summary>Creates a user in <paramref name="role"/> and returns their id.</summary>
    public static async Task<string> CreateAsync(WebApplicationFactory<Program> app, string email, string role, string displayName = "")
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user.Id;
    }

    public static HttpClient SignedOutClient(this WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}
