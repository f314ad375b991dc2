using System.Net;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Audit;
using QuizPlatform.Web.Tests.Features.QuizResults;
using QuizPlatform.Web.Tests.Features.Users;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;

namespace QuizPlatform.Web.Tests.Features.Audit;

/// <summary>The admin's audit page and its CSV export: who may read them, what the filters keep, what the file holds.</summary>
public sealed class AuditPageTests
{
    [Fact]
    public async Task OnlyAdminsGetThePageAndTheExport()
    {
        await using var database = await TestDatabase.CreateAsync(Infrastructure.DatabaseProvider.Postgres);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        var teacher = await app.CreateUserIdAsync("teacher@quiz.local", Roles.Instructor);
        using var anonymous = app.CreateNonRedirectingClient();
        using var instructor = app.CreateNonRedirectingClient();
        using var _ = await instructor.SignInAsync("teacher@quiz.local", TestUsers.Password);

        foreach (var path in new[] { "/admin/audit", "/admin/audit/export.csv", "/admin/audit/export.csv?action=account.sign-in" })
        {
            using var stranger = await anonymous.GetAsync(path);
            using var notAdmin = await instructor.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, stranger.StatusCode);
            Assert.Equal("/Account/Login", stranger.Headers.Location?.AbsolutePath);
            Assert.Equal(HttpStatusCode.Redirect, notAdmin.StatusCode);
            Assert.Equal("/Account/AccessDenied", notAdmin.Headers.Location?.AbsolutePath);
        }
        var trail = app.Services.GetRequiredService<AuditTrail>();
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => trail.ListAsync(teacher, new(), 1));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => trail.ExportAsync(teacher, new()));
        Assert.Empty(await app.AuditAsync(AuditActions.AuditExported));
    }

    [Fact]
    public async Task FiltersKeepTheirLinesNewestFirstAndTheExportHasExactlyThoseAndIsRecorded()
    {
        await using var database = await TestDatabase.CreateAsync(Infrastructure.DatabaseProvider.Postgres);
        var day = new DateTimeOffset(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin(), day);
        var admin = await UserAdminTests.AdminIdAsync(app);
        var sam = await app.CreateUserIdAsync("sam@quiz.local", Roles.Student);
        var log = app.Services.GetRequiredService<AuditLog>();
        await log.WriteAsync(sam, AuditActions.SignIn, $"user:{sam}", "Signed in with a password.");
        app.Clock.Advance(TimeSpan.FromDays(1));
        await log.WriteAsync(admin, AuditActions.QuizClosed, "quiz:12", "Closed the quiz Midterm now.");
        await log.WriteAsync(admin, AuditActions.QuizChanged, "quiz:123", "Changed the quiz Final: title.");
        await log.WriteAsync(null, AuditActions.SignInFailed, null, "Sign-in failed: no account has this email.", "=cmd|' /C calc'!A0");
        using var client = app.CreateNonRedirectingClient();
        using var __ = await client.SignInAsync("admin@quiz.local", TestUsers.Password);

        var all = await client.GetPageAsync("/admin/audit");
        var byAction = await client.GetPageAsync("/admin/audit?action=quiz.closed");
        var byActor = await client.GetPageAsync("/admin/audit?actor=SAM@");
        var bySubject = await client.GetPageAsync("/admin/audit?subject=quiz:12");
        var byKind = await client.GetPageAsync("/admin/audit?subject=quiz");
        var byDay = await client.GetPageAsync("/admin/audit?from=2027-03-01&to=2027-03-01");
        using var export = await client.GetAsync("/admin/audit/export.csv?subject=quiz");
        using var everything = await client.GetAsync("/admin/audit/export.csv");

        Assert.Equal(["Signed in", "Sign-in failed", "Changed a quiz", "Closed a quiz", "Signed in"], Column(all, 2));
        Assert.Equal(["Closed the quiz Midterm now."], Column(byAction, 4));
        Assert.Equal(["Signed in with a password."], Column(byActor, 4));
        Assert.Equal(["quiz:12"], Column(bySubject, 3));
        Assert.Equal(["quiz:123", "quiz:12"], Column(byKind, 3));
        Assert.Equal(["Signed in with a password."], Column(byDay, 4));
        Assert.Equal("quizzes/12", bySubject.ByRole("link", "quiz:12")?.GetAttribute("href"));
        Assert.Contains("No lines match.", (await client.GetPageAsync("/admin/audit?actor=nobody")).Text());

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("no-store", export.Headers.CacheControl?.ToString());
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var rows = ExportReading.ParseCsv(await export.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Time (UTC)", "Actor", "Actor id", "Action", "Subject", "Summary", "IP address"], rows[0]);
        Assert.Equal([["2027-03-02T12:00:00Z", "admin@quiz.local", admin, "quiz.changed", "quiz:123", "Changed the quiz Final: title.", ""],
            ["2027-03-02T12:00:00Z", "admin@quiz.local", admin, "quiz.closed", "quiz:12", "Closed the quiz Midterm now.", ""]], rows.Skip(1));
        // A name typed at sign-in reaches a spreadsheet as text, never as a formula.
        var typed = ExportReading.ParseCsv(await everything.Content.ReadAsByteArrayAsync()).Single(r => r[3] == AuditActions.SignInFailed);
        Assert.Equal("'=cmd|' /C calc'!A0", typed[1]);
        var exported = await app.AuditAsync(AuditActions.AuditExported);
        Assert.Equal(["Exported the audit trail as CSV (subject quiz).", "Exported the audit trail as CSV (all lines)."], exported.Select(l => l.Summary));
        Assert.All(exported, l => Assert.Equal(admin, l.ActorId));
    }

    [Fact]
    public async Task ALineTooLongOrWithControlCharactersIsStoredCleanedRatherThanLost()
    {
        await using var database = await TestDatabase.CreateAsync(Infrastructure.DatabaseProvider.Postgres);
        await using var app = new QuizAppFactory(database);

        await app.Services.GetRequiredService<AuditLog>().WriteAsync(null, AuditActions.SignInFailed, null, "Sign-in failed.",
            "nul\u0000bell\u0007" + new string('x', 300) + "@x.example");

        var line = await app.SingleAuditAsync(AuditActions.SignInFailed);
        Assert.StartsWith("nulbellxxx", line.ActorEmail);
        Assert.Equal(256, line.ActorEmail!.Length);
        Assert.EndsWith("…", line.ActorEmail);
    }

    /// <summary>The text of the audit table's <paramref name="index"/>th column, row by row.</summary>
    static List<string> Column(AngleSharp.Html.Dom.IHtmlDocument page, int index) =>
        [.. page.QuerySelectorAll("table tbody tr").Select(row => row.Children[index].Text())];
}
