using System.Net;
using QuizPlatform.Data;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Accounts;

/// <summary>
/// With <c>Accounts:RequireTwoFactorForAdmins</c>, an admin's password alone opens nothing but the account pages,
/// and once an authenticator is set up the password alone does not even sign in.
/// </summary>
public sealed class AdminTwoFactorTests
{
    const string EnableAuthenticator = "/Account/Manage/EnableAuthenticator";

    [Fact]
    public async Task AdminWithoutAnAuthenticatorIsSentToSetOneUpFromEveryAdminPage()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin(("Accounts:RequireTwoFactorForAdmins", "true")));
        await app.CreateUserAsync("teacher@quiz.local", Roles.Instructor);
        using var admin = app.CreateNonRedirectingClient();
        using var teacher = app.CreateNonRedirectingClient();
        using var adminSignIn = await admin.SignInAsync("admin@quiz.local", TestUsers.Password);
        using (await teacher.SignInAsync("teacher@quiz.local", TestUsers.Password)) { }

        Assert.Equal(HttpStatusCode.Redirect, adminSignIn.StatusCode);
        foreach (var path in new[] { "/admin/users", "/admin/rosters", "/", "/admin/assignments/1/export" })
        {
            using var response = await admin.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(EnableAuthenticator, response.Headers.Location?.OriginalString);
        }
        var setUp = await admin.GetPageAsync(EnableAuthenticator);
        Assert.Contains("Administrators sign in with a code from an authenticator app", setUp.Text());
        using var teachersPage = await teacher.GetAsync("/assignments");
        Assert.Equal(HttpStatusCode.OK, teachersPage.StatusCode);
    }

    [Fact]
    public async Task OnceSetUpTheAdminsSignInAsksForTheCodeAndOnlyTheRightCodeOpensIt()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin(("Accounts:RequireTwoFactorForAdmins", "true")));
        using var admin = app.CreateNonRedirectingClient();
        using (await admin.SignInAsync("admin@quiz.local", TestUsers.Password)) { }

        var key = (await admin.GetPageAsync(EnableAuthenticator)).QuerySelector("kbd")!.TextContent;
        using var wrongSetUp = await admin.SubmitNamedFormAsync(EnableAuthenticator, "send-code", ("Input.Code", "000000"));
        using var setUp = await admin.SubmitNamedFormAsync(EnableAuthenticator, "send-code", ("Input.Code", Totp.Code(key, Now(app))));
        using var afterSetUp = await admin.GetAsync("/admin/users");

        Assert.Contains("Verification code is invalid", Pages.Parse(await wrongSetUp.Content.ReadAsStringAsync()).Text());
        Assert.Contains("Put these codes in a safe place", Pages.Parse(await setUp.Content.ReadAsStringAsync()).Text());
        Assert.Equal(HttpStatusCode.OK, afterSetUp.StatusCode); // the session that set it up carries on

        using var attacker = app.CreateNonRedirectingClient();
        using var passwordOnly = await attacker.SignInAsync("admin@quiz.local", TestUsers.Password);
        Assert.Equal("/Account/LoginWith2fa", passwordOnly.Headers.Location?.AbsolutePath);
        using var withoutCode = await attacker.GetAsync("/admin/users");
        Assert.StartsWith("/Account/Login", withoutCode.Headers.Location?.AbsolutePath);
        var step = passwordOnly.Headers.Location!.PathAndQuery;
        using var guessed = await attacker.SubmitNamedFormAsync(step, "login-with-2fa", ("Input.TwoFactorCode", "123456"));
        Assert.Contains("Invalid authenticator code", Pages.Parse(await guessed.Content.ReadAsStringAsync()).Text());
        using var stillOut = await attacker.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, stillOut.StatusCode);

        using var owner = app.CreateNonRedirectingClient();
        using (await owner.SignInAsync("admin@quiz.local", TestUsers.Password)) { }
        using var withCode = await owner.SubmitNamedFormAsync(step, "login-with-2fa", ("Input.TwoFactorCode", Totp.Code(key, Now(app))));
        Assert.Equal(HttpStatusCode.Redirect, withCode.StatusCode);
        using var adminPage = await owner.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.OK, adminPage.StatusCode);

        // Turning it off changes the security stamp: the session that did it stays signed in.
        using (await owner.SubmitNamedFormAsync("/Account/Manage/Disable2fa", "disable-2fa")) { }
        using var afterDisabling = await owner.GetAsync("/Account/Manage/TwoFactorAuthentication");
        Assert.Equal(HttpStatusCode.OK, afterDisabling.StatusCode);
    }

    static DateTimeOffset Now(QuizAppFactory app) => app.Clock.GetUtcNow();
}
