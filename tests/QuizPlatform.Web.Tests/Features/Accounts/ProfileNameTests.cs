using System.Net;
using QuizPlatform.Data;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Accounts;

/// <summary>The account page's Profile form: anyone changes the name shown on pages and exports, within the column's 200.</summary>
public sealed class ProfileNameTests
{
    [Theory, AllDatabaseProviders]
    public async Task ANameIsRequiredAtMost200CharactersAndSavedTrimmedWithoutAPhoneNumber(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        var sam = await app.CreateUserAsync("sam@quiz.local", Roles.Student, displayName: "Sam Misspelt");
        using var client = app.CreateNonRedirectingClient();
        (await client.SignInAsync("sam@quiz.local", TestUsers.Password)).Dispose();

        var blank = await SaveAsync(client, "  ");
        var tooLong = await SaveAsync(client, new string('x', 201));
        using var saved = await client.SubmitNamedFormAsync("/Account/Manage", "profile", ("Input.Name", " Sam Right "), ("Input.PhoneNumber", ""));
        var after = await client.GetPageAsync("/Account/Manage");

        Assert.Contains("Enter your name.", blank.Text());
        Assert.Contains("Your name can be at most 200 characters.", tooLong.Text());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Your profile has been updated", after.Text());
        Assert.Equal("Sam Right", after.ByLabel("Name")!.GetAttribute("value"));
        Assert.Equal("Sam Right", after.QuerySelector("header a[href='Account/Manage']")!.Text());
        await using var db = app.Services.CreateDbContext();
        Assert.Equal("Sam Right", db.Users.Single(u => u.Id == sam.Id).DisplayName);
    }

    static async Task<AngleSharp.Html.Dom.IHtmlDocument> SaveAsync(HttpClient client, string name)
    {
        using var response = await client.SubmitNamedFormAsync("/Account/Manage", "profile", ("Input.Name", name), ("Input.PhoneNumber", ""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the form again, with its errors
        return Pages.Parse(await response.Content.ReadAsStringAsync());
    }
}
