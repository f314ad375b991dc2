using System.Net;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Accounts;

/// <summary>
/// The authenticator and recovery code steps exist only between the password and the signed-in session: opened on
/// their own (a bookmark, a shared link, an expired first step) they send to the sign-in form and say why, not a 500.
/// </summary>
public sealed class SecondSignInStepTests
{
    [Theory]
    [InlineData("/Account/LoginWith2fa")]
    [InlineData("/Account/LoginWithRecoveryCode")]
    public async Task OpenedDirectlyItSendsToTheSignInFormWithAReason(string step)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new QuizAppFactory(database);
        using var client = app.CreateNonRedirectingClient();

        using var response = await client.GetAsync($"{step}?ReturnUrl=%2Fquizzes");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login?ReturnUrl=%2Fquizzes", response.Headers.Location!.PathAndQuery);
        var signIn = await client.GetPageAsync(response.Headers.Location.PathAndQuery);
        Assert.Equal("Error: That sign-in step has expired or was opened on its own. Sign in with your email and password to continue.",
            signIn.QuerySelector("[role=alert]")?.Text());
        Assert.NotNull(signIn.ByLabel("Email"));
    }
}
