using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data.Entities;

namespace QuizPlatform.Web.Tests.Features.AdminAssignments;

/// <summary>Users created through Identity, as the admin pages would create them, all with <see cref="Password"/>.</summary>
public static class TestUsers
{
    public const string Password = "Test-Password-1";

    /// <summary>Creates <paramref name="email"/> with <paramref name="role"/> and returns the user's id.</summary>
    public static async Task<string> CreateUserAsync(this WebApplicationFactory<Program> app, string email, string role)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user.Id;
    }
}
