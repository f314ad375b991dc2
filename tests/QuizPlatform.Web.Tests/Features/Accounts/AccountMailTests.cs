using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Accounts;

/// <summary>
/// Account mail over SMTP to a real server in the test process, and links an attacker cannot point elsewhere: a
/// forged Host header never reaches a mailed link, and a link works once.
/// </summary>
public sealed class AccountMailTests
{
    private const string PublicSite = "https://quiz.school.example/";
    private const string NewPassword = "Brand-New-Passphrase-7";

    [Theory, AllDatabaseProviders]
    public async Task ForgottenPasswordMailArrivesAndItsLinkResetsThePasswordOnce(DatabaseProvider provider)
    {
        await using var smtp = await SmtpInbox.StartAsync("mailer", "smtp-secret-9");
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin([.. smtp.Settings(), ("App:PublicBaseUrl", PublicSite)]));
        await app.CreateUserAsync("student@quiz.local", Roles.Student);
        using var client = app.CreateNonRedirectingClient();

        using (var asked = await client.SubmitFormAsync("/Account/ForgotPassword", ("Input.Email", "student@quiz.local")))
            Assert.Equal("/Account/ForgotPasswordConfirmation", asked.Headers.Location?.AbsolutePath);
        var message = await smtp.NextAsync();
        var link = SmtpInbox.LinkIn(message);

        Assert.Equal("student@quiz.local", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal(new MailboxAddress(SmtpInbox.FromName, SmtpInbox.FromAddress).ToString(), Assert.Single(message.From.Mailboxes).ToString());
        Assert.Equal("Reset your QuizPlatform password", message.Subject);
        Assert.Equal(["mailer"], smtp.SignIns);
        Assert.StartsWith(PublicSite + "Account/ResetPassword?code=", link.AbsoluteUri);
        Assert.Contains($"href=\"{WebUtility.HtmlEncode(link.AbsoluteUri)}\"", message.HtmlBody);

        var resetPage = await client.GetPageAsync(link.PathAndQuery);
        Assert.NotNull(resetPage.ByRole("heading", "Reset password"));
        using (var first = await ResetAsync(client, link, NewPassword))
            Assert.Equal("/Account/ResetPasswordConfirmation", first.Headers.Location?.AbsolutePath);
        using (var replayed = await ResetAsync(client, link, "Another-Passphrase-8"))
        {
            Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
            Assert.Contains("Invalid token", Pages.Parse(await replayed.Content.ReadAsStringAsync()).Text());
        }
        using var signIn = await client.SignInAsync("student@quiz.local", NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task ForgedHostHeaderNeverReachesTheMailedLink()
    {
        await using var smtp = await SmtpInbox.StartAsync();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin([.. smtp.Settings(), ("App:PublicBaseUrl", PublicSite)]));
        await app.CreateUserAsync("student@quiz.local", Roles.Student);
        using var attacker = app.CreateNonRedirectingClient("http://evil.example");

        using (var asked = await attacker.SubmitFormAsync("/Account/ForgotPassword", ("Input.Email", "student@quiz.local")))
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var message = await smtp.NextAsync();

        Assert.Equal("quiz.school.example", SmtpInbox.LinkIn(message).Host);
        Assert.DoesNotContain("evil.example", message.TextBody);
        Assert.DoesNotContain("evil.example", message.HtmlBody);
    }

    [Fact]
    public async Task WhereHostsAreRestrictedAForgedHostIsRefused()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        // AllowedHosts unset outside Development: the public host, and localhost for the container's health probe.
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin(("App:PublicBaseUrl", PublicSite), ("AllowedHosts", null)));

        async Task<HttpStatusCode> StatusAtAsync(string origin)
        {
            using var client = app.CreateNonRedirectingClient(origin);
            using var response = await client.GetAsync("/Account/ForgotPassword");
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.BadRequest, await StatusAtAsync("http://evil.example"));
        Assert.Equal(HttpStatusCode.OK, await StatusAtAsync("https://quiz.school.example"));
        Assert.Equal(HttpStatusCode.OK, await StatusAtAsync("http://localhost"));
    }

    [Fact]
    public async Task EmailChangeLinkFromAForgedHostStillConfirmsOnThePublicSite()
    {
        await using var smtp = await SmtpInbox.StartAsync();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin([.. smtp.Settings(), ("App:PublicBaseUrl", PublicSite)]));
        var student = await app.CreateUserAsync("student@quiz.local", Roles.Student);
        using var client = app.CreateNonRedirectingClient("http://evil.example");
        using var signIn = await client.SignInAsync("student@quiz.local", TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        using (var asked = await client.SubmitNamedFormAsync("/Account/Manage/Email", "change-email", ("Input.NewEmail", "new.address@quiz.local")))
            Assert.Contains("Confirmation link to change email sent", Pages.Parse(await asked.Content.ReadAsStringAsync()).Text());
        var message = await smtp.NextAsync();
        var link = SmtpInbox.LinkIn(message);

        Assert.Equal("new.address@quiz.local", Assert.Single(message.To.Mailboxes).Address);
        Assert.StartsWith(PublicSite + "Account/ConfirmEmailChange?userId=", link.AbsoluteUri);
        // The query's & is encoded once in the HTML part, and the plain-text part has the link as is.
        Assert.Contains($"href=\"{link.AbsoluteUri.Replace("&", "&amp;")}\"", message.HtmlBody);
        Assert.DoesNotContain("evil.example", message.HtmlBody + message.TextBody);

        var confirmed = await client.GetPageAsync(link.PathAndQuery);
        Assert.Contains("Thank you for confirming your email change.", confirmed.Text());
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.Equal("new.address@quiz.local", (await users.FindByIdAsync(student.Id))!.Email);
    }

    [Fact]
    public async Task UnreachableMailServerFailsNoRequestAndItsPasswordIsNeverLogged()
    {
        await using var smtp = await SmtpInbox.StartAsync("mailer", "smtp-secret-9");
        var settings = smtp.Settings();
        await smtp.DisposeAsync(); // nothing listens on its port any more
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var logs = new LogCollector();
        await using var factory = new QuizAppFactory(database, TestUsers.KnownAdmin([.. settings, ("Mail:Timeout", "00:00:02")]));
        var app = factory.WithLogs(logs);
        await app.CreateUserAsync("student@quiz.local", Roles.Student);
        using var client = app.CreateNonRedirectingClient();

        using var asked = await client.SubmitFormAsync("/Account/ForgotPassword", ("Input.Email", "student@quiz.local"));

        Assert.Equal("/Account/ForgotPasswordConfirmation", asked.Headers.Location?.AbsolutePath);
        await Eventually.ValueAsync(() => Task.FromResult(logs.Messages.FirstOrDefault(m => m.Contains("not sent"))), "the failure in the log");
        Assert.DoesNotContain(logs.Messages, m => m.Contains("smtp-secret-9"));
    }

    private static async Task<HttpResponseMessage> ResetAsync(HttpClient client, Uri link, string password) =>
        await client.SubmitFormAsync(link.PathAndQuery,
            ("Input.Email", "student@quiz.local"), ("Input.Password", password), ("Input.ConfirmPassword", password));
}
