using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;

namespace QuizPlatform.Web.Tests.Features.Audit;

/// <summary>Sign-ins, their failures and the changes a user makes to their own account, as an attacker would try them.</summary>
public sealed class AccountAuditTests
{
    static readonly System.Net.IPAddress Client = System.Net.IPAddress.Parse("203.0.113.7");

    [Fact]
    public async Task GuessedPasswordsAndUnknownAccountsAreRecordedWithTheNameTypedAndTheAddress()
    {
        await using var database = await TestDatabase.CreateAsync(Infrastructure.DatabaseProvider.Postgres);
        await using var factory = new QuizAppFactory(database);
        // The test server has no client address: every request here comes from Client, as through the proxy.
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(new FromAddress(Client))));
        var sam = await app.CreateUserAsync("sam@quiz.local", Roles.Student);
        using var client = app.CreateNonRedirectingClient();

        using var guessed = await client.SignInAsync("sam@quiz.local", "not-the-password");
        using var unknown = await client.SignInAsync("=HYPERLINK(\"http://evil.example\")@x.example", "whatever-1");
        using var signedIn = await client.SignInAsync("sam@quiz.local", TestUsers.Password);
        using var signedOut = await SignOutAsync(client);

        Assert.Equal(HttpStatusCode.OK, guessed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var lines = await app.AuditAsync();
        Assert.Equal([AuditActions.SignInFailed, AuditActions.SignInFailed, AuditActions.SignIn, AuditActions.SignOut],
            lines.Select(l => l.Action));
        Assert.Equal((sam.Id, "sam@quiz.local", $"user:{sam.Id}", "Sign-in failed: wrong password."),
            (lines[0].ActorId, lines[0].ActorEmail, lines[0].Subject, lines[0].Summary));
        Assert.Equal((null, "=HYPERLINK(\"http://evil.example\")@x.example", null, "Sign-in failed: no account has this email."),
            (lines[1].ActorId, lines[1].ActorEmail, lines[1].Subject, lines[1].Summary));
        Assert.Equal((sam.Id, "Signed in with a password."), (lines[2].ActorId, lines[2].Summary));
        Assert.Equal((sam.Id, "Signed out."), (lines[3].ActorId, lines[3].Summary));
        Assert.All(lines, l => Assert.Equal("203.0.113.7", l.IpAddress));
    }

    [Fact]
    public async Task ASignInToADeactivatedAccountIsRecordedAsRefused()
    {
        await using var database = await TestDatabase.CreateAsync(Infrastructure.DatabaseProvider.Postgres);
        await using var app = new QuizAppFactory(database);
        await app.CreateUserAsync("gone@quiz.local", Roles.Student, active: false);
        using var client = app.CreateNonRedirectingClient();

        using var _ = await client.SignInAsync("gone@quiz.local", TestUsers.Password);

        var line = await app.SingleAuditAsync(AuditActions.SignInFailed);
        Assert.Equal(("gone@quiz.local", "Sign-in refused: the account is deactivated or not confirmed (tried a password)."),
            (line.ActorEmail, line.Summary));
        Assert.Empty(await app.AuditAsync(AuditActions.SignIn));
    }

    [Fact]
    public async Task ARecoveryCodeSignInIsRecordedAndAGuessedCodeIsAFailure()
    {
        await using var database = await TestDatabase.CreateAsync(Infrastructure.DatabaseProvider.Postgres);
        await using var app = new QuizAppFactory(database);
        var id = (await app.CreateUserAsync("two@quiz.local", Roles.Instructor)).Id;
        var codes = await WithUsersAsync(app, async users =>
        {
            var user = (await users.FindByIdAsync(id))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            return (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 2))!.ToList();
        });
        using var client = app.CreateNonRedirectingClient();

        using var password = await client.SignInAsync("two@quiz.local", TestUsers.Password);
        var step = new Uri(client.BaseAddress!, password.Headers.Location!).PathAndQuery.Replace("LoginWith2fa", "LoginWithRecoveryCode");
        using var guessed = await client.SubmitFormAsync(step, ("Input.RecoveryCode", "AAAAA-BBBBB"));
        using var recovered = await client.SubmitFormAsync(step, ("Input.RecoveryCode", codes[0]));

        Assert.Equal(HttpStatusCode.Redirect, recovered.StatusCode);
        var lines = await app.AuditAsync();
        Assert.Equal([(AuditActions.SignInFailed, "Sign-in failed: wrong recovery code."), (AuditActions.SignIn, "Signed in with a recovery code.")],
            lines.Select(l => (l.Action, l.Summary)));
        Assert.All(lines, l => Assert.Equal(id, l.ActorId));
    }

    [Fact]
    public async Task PasswordAndTwoFactorChangesOnTheAccountPagesAreRecorded()
    {
        await using var database = await TestDatabase.CreateAsync(Infrastructure.DatabaseProvider.Postgres);
        await using var app = new QuizAppFactory(database);
        var user = await app.CreateUserAsync("me@quiz.local", Roles.Instructor);
        using var client = app.CreateNonRedirectingClient();
        using var __ = await client.SignInAsync("me@quiz.local", TestUsers.Password);

        using var changed = await client.SubmitFormAsync("/Account/Manage/ChangePassword", ("Input.OldPassword", TestUsers.Password),
            ("Input.NewPassword", "Another-Password-2"), ("Input.ConfirmPassword", "Another-Password-2"));
        var key = (await client.GetPageAsync("/Account/Manage/EnableAuthenticator")).QuerySelector("kbd")!.TextContent;
        using var on = await client.SubmitNamedFormAsync("/Account/Manage/EnableAuthenticator", "send-code",
            ("Input.Code", Totp.Code(key, app.Clock.GetUtcNow())));
        using var codes = await client.SubmitFormAsync("/Account/Manage/GenerateRecoveryCodes");
        using var off = await client.SubmitFormAsync("/Account/Manage/Disable2fa");

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var lines = await app.AuditAsync();
        Assert.Equal([(AuditActions.PasswordChanged, "Changed their password."),
                (AuditActions.TwoFactorChanged, "Turned on two-factor sign-in with an authenticator app."),
                (AuditActions.TwoFactorChanged, "Generated new recovery codes."),
                (AuditActions.TwoFactorChanged, "Turned off two-factor sign-in.")],
            lines.Where(l => l.Action != AuditActions.SignIn).Select(l => (l.Action, l.Summary)));
        Assert.All(lines, l => Assert.Equal((user.Id, $"user:{user.Id}"), (l.ActorId, l.Subject)));
    }

    /// <summary>Posts the layout's Sign out form, as the button does.</summary>
    static async Task<HttpResponseMessage> SignOutAsync(HttpClient client)
    {
        var token = await client.AntiforgeryTokenAsync("/Account/Manage");
        return await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("ReturnUrl", "Account/Login")]));
    }

    static async Task<T> WithUsersAsync<T>(WebApplicationFactory<Program> app, Func<UserManager<ApplicationUser>, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>());
    }

    sealed class FromAddress(System.Net.IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
