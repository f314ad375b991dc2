using System.Net;
using QuizPlatform.Data;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Accounts;

/// <summary>The profile's Change password page, as someone trying a weak password meets it.</summary>
public sealed class PasswordPolicyTests
{
    const string Passphrase = "correct horse battery staple";

    [Fact]
    public async Task ChangePasswordRefusesShortAndCommonPasswordsAndTakesAPassphrase()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var app = new QuizAppFactory(database);
        await app.CreateUserAsync("student@quiz.local", Roles.Student);
        using var client = app.CreateNonRedirectingClient();
        using (await client.SignInAsync("student@quiz.local", TestUsers.Password)) { }

        var rules = (await client.GetPageAsync("/Account/Manage/ChangePassword")).ByLabel("New password")!.GetAttribute("aria-describedby");
        var tooShort = await ChangeAsync(client, "eleven char");
        var common = await ChangeAsync(client, "password1234");
        var dressedUp = await ChangeAsync(client, "Password1234!");
        using var accepted = await client.SubmitFormAsync("/Account/Manage/ChangePassword",
            ("Input.OldPassword", TestUsers.Password), ("Input.NewPassword", Passphrase), ("Input.ConfirmPassword", Passphrase));

        Assert.Equal("password-rules", rules);
        Assert.Contains("must be at least 12 and at most 128 characters long", tooShort);
        Assert.Contains("one of the most common passwords", common);
        Assert.Contains("one of the most common passwords", dressedUp);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        using var fresh = app.CreateNonRedirectingClient();
        using var signIn = await fresh.SignInAsync("student@quiz.local", Passphrase);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    /// <summary>Submits the form with <paramref name="password"/>; returns the page's text, having checked it was refused.</summary>
    static async Task<string> ChangeAsync(HttpClient client, string password)
    {
        using var response = await client.SubmitFormAsync("/Account/Manage/ChangePassword",
            ("Input.OldPassword", TestUsers.Password), ("Input.NewPassword", password), ("Input.ConfirmPassword", password));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Pages.Parse(await response.Content.ReadAsStringAsync()).Text();
    }
}
