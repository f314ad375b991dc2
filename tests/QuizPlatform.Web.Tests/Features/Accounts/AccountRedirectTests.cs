using System.Net;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Accounts;

/// <summary>
/// Addresses an attacker (or a stale bookmark) hands to the account pages: another site as where to go next, a path
/// the page did not expect, a two-factor page for an account without two-factor sign-in. Each answers a redirect
/// to this site or a page that says why, never a 500 and never a redirect to another site.
/// </summary>
public sealed class AccountRedirectTests
{
    [Theory]
    [InlineData("Account/Login", "/Account/Login")]
    [InlineData("/x", "/x")]
    [InlineData("/quizzes?mine=1", "/quizzes?mine=1")]
    [InlineData("https://evil.example/phish", "/")]
    [InlineData("//evil.example/phish", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("", "/")]
    public async Task SignOutGoesOnlyToAPlaceOnThisSite(string returnUrl, string expected)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        using var client = await app.CreateSignedInClientAsync("admin@quiz.local");

        using var response = await client.SignOutAsync(returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("HTTP://localhost/quizzes")] // this site in other letters: a 500 after the password was accepted
    [InlineData("http://LOCALHOST/quizzes")]
    public async Task SignInWithAForeignReturnUrlLandsOnThisSite(string returnUrl)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        using var client = app.CreateNonRedirectingClient();

        using var response = await client.SubmitFormAsync($"/Account/Login?ReturnUrl={Uri.EscapeDataString(returnUrl)}",
            ("Input.Email", "admin@quiz.local"), ("Input.Password", TestUsers.Password));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.True(!location.IsAbsoluteUri || location.Host == "localhost", $"sent to {location}");
        Assert.DoesNotContain("evil.example", location.OriginalString);
    }

    public static TheoryData<string> TwoFactorPages() =>
    [
        "/Account/Manage/TwoFactorAuthentication", "/Account/Manage/Disable2fa", "/Account/Manage/GenerateRecoveryCodes",
        "/Account/Manage/EnableAuthenticator", "/Account/Manage/ResetAuthenticator",
    ];

    [Theory, MemberData(nameof(TwoFactorPages))]
    public async Task TwoFactorPagesSendAStrangerToSignIn(string page)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new QuizAppFactory(database);
        using var client = app.CreateNonRedirectingClient();

        using var response = await client.GetAsync(page);

        response.AssertSentToSignIn();
    }

    [Theory]
    [InlineData("/Account/Manage/Disable2fa")]
    [InlineData("/Account/Manage/GenerateRecoveryCodes")]
    public async Task PagesThatNeedTwoFactorSayItIsOffInsteadOfFailing(string page)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        using var client = await app.CreateSignedInClientAsync("admin@quiz.local");

        using var response = await client.GetAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Manage/TwoFactorAuthentication", response.Headers.Location?.AbsolutePath);
        var settings = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Error: Two-factor authentication is not turned on for your account.", settings.QuerySelector("[role=alert]")?.Text());
    }

    [Theory]
    [InlineData("/Account/LoginWith2fa")]
    [InlineData("/Account/LoginWithRecoveryCode")]
    public async Task SecondSignInStepsOpenedWhileSignedInWithoutTwoFactorDoNotFail(string step)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        using var client = await app.CreateSignedInClientAsync("admin@quiz.local");

        using var response = await client.GetAsync(step);

        response.AssertSentToSignIn();
    }
}
