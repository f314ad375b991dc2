using System.Net;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Web.Features.Rosters;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Rosters;

/// <summary>
/// With mail, the new students of a roster are invited by e-mail: the link sets their password once, goes only to
/// students who never had one, and a mail server that refuses is reported per student without leaking its password.
/// </summary>
public sealed class RosterInvitationTests
{
    private const string PublicSite = "https://quiz.school.example/";
    private const string Roster = """
        email,name,class
        ava@school.example,Ava New,CNN 101
        free@school.example,Free Student,Maths
        ben@school.example,Ben New,Maths
        """;

    [Theory, AllDatabaseProviders]
    public async Task InvitedStudentChoosesTheirPasswordOnceThroughTheMailedLink(DatabaseProvider provider)
    {
        await using var smtp = await SmtpInbox.StartAsync();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin([.. smtp.Settings(), ("App:PublicBaseUrl", PublicSite)]));
        var admin = await RosterTests.ArrangeAsync(app);
        var applied = await app.Services.GetRequiredService<RosterService>().ApplyAsync(admin, Roster);

        var report = await InviteAsync(app, admin, applied.NewStudentIds);
        var messages = new[] { await smtp.NextAsync(), await smtp.NextAsync() };

        Assert.Empty(applied.Passwords);
        Assert.Equal(["ava@school.example", "ben@school.example"], report.Sent);
        Assert.Empty(report.Failed);
        var toAva = Assert.Single(messages, m => m.To.Mailboxes.Single().Address == "ava@school.example");
        Assert.Equal("Your QuizPlatform account", toAva.Subject);
        Assert.Equal(SmtpInbox.FromAddress, toAva.From.Mailboxes.Single().Address);
        Assert.Contains("Hello Ava New,", toAva.TextBody);
        Assert.Contains("The link works once, within 1 day.", toAva.TextBody);
        var link = SmtpInbox.LinkIn(toAva);
        Assert.StartsWith(PublicSite + "Account/ResetPassword?code=", link.AbsoluteUri);

        using var client = app.CreateNonRedirectingClient();
        using (var chosen = await SetPasswordAsync(client, link, "Ava-Chosen-Passphrase-1"))
            Assert.Equal("/Account/ResetPasswordConfirmation", chosen.Headers.Location?.AbsolutePath);
        using (var replayed = await SetPasswordAsync(client, link, "Someone-Elses-Passphrase-2"))
            Assert.Contains("Invalid token", Pages.Parse(await replayed.Content.ReadAsStringAsync()).Text());
        using var signIn = await client.SignInAsync("ava@school.example", "Ava-Chosen-Passphrase-1");
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode); // a password of their own: no change asked for
    }

    [Fact]
    public async Task InvitationsGoOnlyToActiveStudentsWhoNeverHadAPasswordAndOnlyAnAdminSendsThem()
    {
        await using var smtp = await SmtpInbox.StartAsync();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin([.. smtp.Settings(), ("App:PublicBaseUrl", PublicSite)]));
        var admin = await RosterTests.ArrangeAsync(app);
        var applied = await app.Services.GetRequiredService<RosterService>().ApplyAsync(admin, Roster);
        var teacher = await IdOfAsync(app, "teacher@school.example");
        var withPassword = await IdOfAsync(app, "free@school.example");

        var report = await InviteAsync(app, admin, [teacher, withPassword, admin]);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => InviteAsync(app, teacher, applied.NewStudentIds));

        Assert.Empty(report.Sent);
        Assert.Empty(report.Failed);
        Assert.Equal(0, smtp.Waiting);
    }

    [Fact]
    public async Task RefusedMailServerIsReportedPerStudentAndItsPasswordNeverLogged()
    {
        await using var smtp = await SmtpInbox.StartAsync("mailer", "the-right-secret");
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var logs = new LogCollector();
        await using var factory = new QuizAppFactory(database,
            TestUsers.KnownAdmin([.. smtp.Settings(password: "a-wrong-secret-5"), ("App:PublicBaseUrl", PublicSite)]));
        var app = factory.WithLogs(logs);
        var admin = await RosterTests.ArrangeAsync(app);
        var applied = await app.Services.GetRequiredService<RosterService>().ApplyAsync(admin, Roster);

        var report = await InviteAsync(app, admin, applied.NewStudentIds);

        Assert.Empty(report.Sent);
        Assert.Equal(["ava@school.example", "ben@school.example"], report.Failed.Select(f => f.Email));
        Assert.All(report.Failed, f => Assert.False(string.IsNullOrWhiteSpace(f.Reason)));
        Assert.Contains(logs.Messages, m => m.Contains("could not be used"));
        Assert.DoesNotContain(logs.Messages, m => m.Contains("a-wrong-secret-5"));
        Assert.DoesNotContain(report.Failed, f => f.Reason.Contains("a-wrong-secret-5"));
        Assert.Equal(0, smtp.Waiting);
    }

    private static async Task<InvitationReport> InviteAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app,
        string actorId, IReadOnlyList<string> studentIds)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<StudentInvitations>().SendAsync(actorId, studentIds);
    }

    private static async Task<string> IdOfAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app, string email)
    {
        await using var db = app.Services.CreateDbContext();
        return db.Users.Single(u => u.Email == email).Id;
    }

    private static Task<HttpResponseMessage> SetPasswordAsync(HttpClient client, Uri link, string password) =>
        client.SubmitFormAsync(link.PathAndQuery,
            ("Input.Email", "ava@school.example"), ("Input.Password", password), ("Input.ConfirmPassword", password));
}
