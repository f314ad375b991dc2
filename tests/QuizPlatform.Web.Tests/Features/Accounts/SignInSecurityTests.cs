using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Components.Account;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Accounts;

public sealed partial class SignInSecurityTests
{
    [Theory, AllDatabaseProviders]
    public async Task DeactivatedUserCannotSignIn(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        await app.CreateUserAsync("gone@quiz.local", Roles.Student, active: false);
        using var client = app.CreateNonRedirectingClient();

        using var response = await client.SignInAsync("gone@quiz.local", TestUsers.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Invalid login attempt", await response.Content.ReadAsStringAsync());
    }

    [Theory, AllDatabaseProviders]
    public async Task DeactivatedUserLosesTheSessionAlreadySignedIn(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        // At the next request, not at the next periodic check: the interval stays at its default.
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        var teacher = await app.CreateUserAsync("teacher@quiz.local", Roles.Instructor);
        using var client = app.CreateNonRedirectingClient();
        using (var signIn = await client.SignInAsync("teacher@quiz.local", TestUsers.Password))
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        using (var before = await client.GetAsync("/assignments"))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        await SetActiveAsync(app.Services, teacher.Id, false);
        using var after = await client.GetAsync("/assignments");

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/Account/Login", after.Headers.Location?.AbsolutePath);
    }

    [Theory, AllDatabaseProviders]
    public async Task OpenCircuitStopsTrustingADeactivatedUser(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        var student = await app.CreateUserAsync("student@quiz.local", Roles.Student);
        using var scope = app.Services.CreateScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
        var principal = await signIn.CreateUserPrincipalAsync((await signIn.UserManager.FindByIdAsync(student.Id))!);
        var circuitState = (IdentityRevalidatingAuthenticationStateProvider)scope.ServiceProvider
            .GetRequiredService<AuthenticationStateProvider>();

        Assert.True(await circuitState.IsStillValidAsync(principal));
        await SetActiveAsync(app.Services, student.Id, false);
        Assert.False(await circuitState.IsStillValidAsync(principal));
    }

    [Fact]
    public async Task CookiesAreHttpOnlyLaxAndSecureWhenConfigured()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin(("Accounts:SecureCookies", "true")));
        using var client = app.CreateNonRedirectingClient("https://localhost");

        using var response = await client.SignInAsync("admin@quiz.local", TestUsers.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var identityCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-.AspNetCore.Identity.Application="));
        Assert.Contains("; secure", identityCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", identityCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=lax", identityCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; path=/;", identityCookie + ";", StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", identityCookie, StringComparison.OrdinalIgnoreCase);
        using var page = await client.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode); // the browser sends the prefixed cookie back and it still signs in
    }

    [Fact]
    public async Task AntiforgeryCookieIsHostPrefixedWhenSecureAndPlainOverHttp()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var secure = new QuizAppFactory(database, TestUsers.KnownAdmin(("Accounts:SecureCookies", "true")));
        await using var plain = new QuizAppFactory(database, TestUsers.KnownAdmin());

        using var overHttps = await secure.CreateNonRedirectingClient("https://localhost").GetAsync("/Account/Login");
        using var overHttp = await plain.CreateNonRedirectingClient().GetAsync("/Account/Login");

        var antiforgery = Assert.Single(overHttps.Headers.GetValues("Set-Cookie"), c => c.Contains(".AspNetCore.Antiforgery."));
        Assert.StartsWith("__Host-.AspNetCore.Antiforgery.", antiforgery);
        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; path=/;", antiforgery + ";", StringComparison.OrdinalIgnoreCase);
        // A __Host- cookie that is not Secure is dropped by browsers: over HTTP in Testing the name stays plain.
        Assert.StartsWith(".AspNetCore.Antiforgery.", Assert.Single(overHttp.Headers.GetValues("Set-Cookie"), c => c.Contains(".AspNetCore.Antiforgery.")));
    }

    [Theory, AllDatabaseProviders]
    public async Task ForgottenPasswordIsResetThroughTheLoggedLink(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var logs = new LogCollector();
        await using var factory = new QuizAppFactory(database, TestUsers.KnownAdmin(("Accounts:LogEmailLinks", "true")));
        var app = factory.WithLogs(logs);
        await app.CreateUserAsync("student@quiz.local", Roles.Student);
        using var client = app.CreateNonRedirectingClient();

        using (var asked = await client.SubmitFormAsync("/Account/ForgotPassword", ("Input.Email", "student@quiz.local")))
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var line = Assert.Single(logs.Messages, m => m.StartsWith("Password reset link for student@quiz.local"));
        var link = new Uri(ResetLink().Match(line).Value);
        using (var reset = await client.SubmitFormAsync(link.PathAndQuery,
                   ("Input.Email", "student@quiz.local"), ("Input.Password", "Brand-New-Pass-7"), ("Input.ConfirmPassword", "Brand-New-Pass-7")))
        {
            Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
            Assert.Equal("/Account/ResetPasswordConfirmation", reset.Headers.Location?.AbsolutePath);
        }

        using var oldPassword = await client.SignInAsync("student@quiz.local", TestUsers.Password);
        using var newPassword = await client.SignInAsync("student@quiz.local", "Brand-New-Pass-7");
        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, newPassword.StatusCode);
    }

    [Theory, AllDatabaseProviders]
    public async Task AResetLinkTellsNobodyWhichEmailsHaveAnAccount(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        await app.CreateUserAsync("student@quiz.local", Roles.Student);
        using var client = app.CreateNonRedirectingClient();
        const string guessedLink = "/Account/ResetPassword?code=Z3Vlc3NlZA";

        async Task<(HttpStatusCode Status, bool SaysInvalidToken)> ResetAsync(string email)
        {
            using var response = await client.SubmitFormAsync(guessedLink,
                ("Input.Email", email), ("Input.Password", "Brand-New-Pass-7"), ("Input.ConfirmPassword", "Brand-New-Pass-7"));
            var page = Pages.Parse(await response.Content.ReadAsStringAsync());
            return (response.StatusCode, page.ByRole("alert", "Error: Invalid token.") is not null);
        }
        var known = await ResetAsync("student@quiz.local");
        var unknown = await ResetAsync("nobody@quiz.local");

        Assert.Equal((HttpStatusCode.OK, true), known);
        Assert.Equal(known, unknown);
    }

    [Fact]
    public async Task AMangledResetLinkSaysTheLinkIsInvalid()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        using var client = app.CreateNonRedirectingClient();

        using var mangled = await client.GetAsync("/Account/ResetPassword?code=cut-short-by-a-mail-program!");

        Assert.Equal(HttpStatusCode.Redirect, mangled.StatusCode);
        Assert.Equal("/Account/InvalidPasswordReset", mangled.Headers.Location?.AbsolutePath);
    }

    [Theory, AllDatabaseProviders]
    public async Task ChangedPasswordReplacesTheOldOne(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        await app.CreateUserAsync("student@quiz.local", Roles.Student);
        using var client = app.CreateNonRedirectingClient();
        using (var signIn = await client.SignInAsync("student@quiz.local", TestUsers.Password))
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        using (var changed = await client.SubmitFormAsync("/Account/Manage/ChangePassword",
                   ("Input.OldPassword", TestUsers.Password), ("Input.NewPassword", "Changed-Pass-42"), ("Input.ConfirmPassword", "Changed-Pass-42")))
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        using var fresh = app.CreateNonRedirectingClient();
        using var oldPassword = await fresh.SignInAsync("student@quiz.local", TestUsers.Password);
        using var newPassword = await fresh.SignInAsync("student@quiz.local", "Changed-Pass-42");
        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, newPassword.StatusCode);
    }

    internal static async Task SetActiveAsync(IServiceProvider services, string userId, bool active)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(userId))!;
        user.IsActive = active;
        Assert.True((await users.UpdateAsync(user)).Succeeded);
    }

    [GeneratedRegex(@"https?://\S+/Account/ResetPassword\?code=\S+")]
    private static partial Regex ResetLink();
}
