using System.Net;
using QuizPlatform.Data;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Accounts;

/// <summary>The personal data download holds the authenticator key: only the site's own form gets it, and it is not kept.</summary>
public sealed class PersonalDataTests
{
    const string Download = "/Account/Manage/DownloadPersonalData";

    [Theory, AllDatabaseProviders]
    public async Task OnlyThePersonalDataPagesOwnFormDownloadsTheData(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        await app.CreateUserAsync("student@quiz.local", Roles.Student);
        using var client = await app.CreateSignedInClientAsync("student@quiz.local");
        var token = await client.AntiforgeryTokenAsync("/Account/Manage/PersonalData");

        using var forged = await client.PostAsync(Download, new FormUrlEncodedContent([]));
        using var fromThePage = await client.PostAsync(Download, new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fromThePage.StatusCode);
        var data = await fromThePage.Content.ReadAsStringAsync();
        Assert.Contains("\"Email\":\"student@quiz.local\"", data);
        Assert.DoesNotContain("Authenticator", data); // a credential, not personal data
        Assert.Equal("no-store", fromThePage.Headers.CacheControl?.ToString());
    }
}
