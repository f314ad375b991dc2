using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.Web.Tests.Features.Attempts;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Accounts;

/// <summary>
/// The Data Protection keys (they protect cookies, anti-forgery tokens and reset links) live in the database: a
/// recreated container or a second instance reads the same keys, so nobody is signed out and a quiz page served by one
/// instance saves through another; with a certificate
/// configured they are encrypted at rest.
/// </summary>
public sealed class KeyRingTests
{
    [Theory, AllDatabaseProviders]
    public async Task SecondHostOnTheSameDatabaseAcceptsTheCookie(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var first = new QuizAppFactory(database, TestUsers.KnownAdmin());
        var cookie = await SignedInCookieAsync(first);

        await using var second = new QuizAppFactory(database, TestUsers.KnownAdmin());
        using var elsewhere = second.CreateReplayingClient(cookie);
        using var page = await elsewhere.GetAsync("/Account/Manage");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        await using var db = first.Services.CreateDbContext();
        var key = await db.DataProtectionKeys.SingleAsync();
        Assert.Contains("unencrypted", key.Xml); // no certificate configured: plain XML, guarded by database access only
    }

    [Fact]
    public async Task ASaveCarryingTheQuizPagesTokenFromOneHostIsStoredByTheOther()
    {
        await using var taking = await SamTaking.StartAsync(DatabaseProvider.Postgres);
        var probe = new HttpRequestMessage(HttpMethod.Get, $"/attempts/{taking.AttemptId}");
        (await taking.Sam.SendAsync(probe)).Dispose();
        var cookies = string.Join("; ", probe.Headers.GetValues("Cookie")); // the sign-in and the antiforgery cookie

        await using var second = new QuizAppFactory(taking.Scene.Database, TestUsers.KnownAdmin());
        using var elsewhere = second.CreateReplayingClient(cookies);
        using var saved = await elsewhere.PutAnswerAsync(taking.AttemptId, taking.QuestionId, "Local filters.", 0, taking.Token);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("Local filters.", await taking.StoredTextAsync());
    }

    [Fact]
    public async Task WithACertificateTheKeysAreEncryptedAtRestAndStillShared()
    {
        using var directory = new TempDirectory();
        var settings = TestUsers.KnownAdmin(
            ("DataProtection:CertificatePath", WriteCertificate(directory, "Pfx-Password-1")),
            ("DataProtection:CertificatePassword", "Pfx-Password-1"));
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var first = new QuizAppFactory(database, settings);
        var cookie = await SignedInCookieAsync(first);

        await using var second = new QuizAppFactory(database, settings);
        using var elsewhere = second.CreateReplayingClient(cookie);
        using var page = await elsewhere.GetAsync("/Account/Manage");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        await using var db = first.Services.CreateDbContext();
        var key = await db.DataProtectionKeys.SingleAsync();
        Assert.Contains("EncryptedData", key.Xml);
        Assert.DoesNotContain("unencrypted", key.Xml);
        Assert.DoesNotContain("<masterKey", key.Xml);
    }

    static async Task<string> SignedInCookieAsync(QuizAppFactory app)
    {
        using var client = await app.CreateSignedInClientAsync("admin@quiz.local");
        return await client.SessionCookieAsync();
    }

    static string WriteCertificate(TempDirectory directory, string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Quiz key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(directory.Path, "keys.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }
}
