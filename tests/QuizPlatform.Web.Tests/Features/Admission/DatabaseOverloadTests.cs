using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using QuizPlatform.Data;
using QuizPlatform.Web.Features.Admission;
using QuizPlatform.Web.Tests.Features.Attempts;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Admission;

/// <summary>A database that cannot keep up answers 503 with <c>Retry-After</c>, never 500.</summary>
public sealed class DatabaseOverloadTests
{
    [Fact]
    public async Task WithNoPooledConnectionFreePagesTheSaveApiAndSignInAnswer503WithRetryAfterNot500AndTheirStylesStillCome()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        // Two pooled connections (the live-update listener keeps one), and two seconds' wait for one. The same setting
        // bounds opening a connection, the app's first included: one second was once too short for that in a full run.
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin(
            ("ConnectionStrings:Quiz", database.ConnectionString + ";Maximum Pool Size=2;Timeout=2"),
            ("Admission:DatabaseBusyRetryAfter", "00:00:04")));
        await app.CreateUserAsync("sam@quiz.local", Roles.Student);
        using var sam = await app.CreateSignedInClientAsync("sam@quiz.local");
        using var visitor = app.CreateNonRedirectingClient();
        var loginForm = (await visitor.GetPageAsync("/Account/Login")).HiddenFields();

        HttpResponseMessage page, save, signIn;
        List<HttpResponseMessage> stylesheets;
        var held = new List<QuizDbContext>();
        try
        {
            await TakeEveryFreeConnectionAsync(app, held);
            page = await sam.GetAsync("/");
            save = await sam.PutAnswerAsync(1, 1, "An answer.", 0, "token");
            signIn = await visitor.PostAsync("/Account/Login", new FormUrlEncodedContent(
                [.. loginForm, new("Input.Email", "sam@quiz.local"), new("Input.Password", TestUsers.Password)]));
            // The busy page's own styles come without a database: a static file reads no session.
            stylesheets = [];
            foreach (var link in Pages.Parse(await page.Content.ReadAsStringAsync()).QuerySelectorAll("link[rel=stylesheet]"))
                stylesheets.Add(await sam.GetAsync(link.GetAttribute("href")));
        }
        finally
        {
            foreach (var db in held)
                await db.DisposeAsync();
        }
        using var afterwards = await sam.GetAsync("/");

        foreach (var response in new[] { page, save, signIn })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(4), response.Headers.RetryAfter?.Delta);
        }
        var busyPage = Pages.Parse(await page.Content.ReadAsStringAsync());
        Assert.Contains("Many students are using QuizPlatform right now", busyPage.Text());
        Assert.Contains("This page tries again by itself in 4 seconds.", busyPage.Text());
        Assert.Equal("4", busyPage.QuerySelector("meta[http-equiv=refresh]")?.GetAttribute("content"));
        Assert.Equal("application/problem+json", save.Content.Headers.ContentType?.MediaType);
        Assert.Contains("try again in 4 seconds", await save.Content.ReadAsStringAsync());
        Assert.Contains("send it again in 4 seconds", Pages.Parse(await signIn.Content.ReadAsStringAsync()).Text());
        Assert.Equal(2, stylesheets.Count);
        Assert.All(stylesheets, stylesheet => Assert.Equal(HttpStatusCode.OK, stylesheet.StatusCode));
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
        foreach (var response in (HttpResponseMessage[])[page, save, signIn, .. stylesheets])
            response.Dispose();
    }

    /// <summary>Opens connections until the pool has none left, as a rush of slow requests would.</summary>
    static async Task TakeEveryFreeConnectionAsync(QuizAppFactory app, List<QuizDbContext> held)
    {
        while (true)
        {
            var db = app.Services.CreateDbContext();
            held.Add(db);
            try
            {
                await db.Database.OpenConnectionAsync();
            }
            catch (Exception exception) when (DatabaseOverload.IsOverload(exception))
            {
                return;
            }
        }
    }

    public static TheoryData<string, Exception, bool> Failures => new()
    {
        { "no pooled connection free in time", new NpgsqlException("The connection pool has been exhausted", new TimeoutException()), true },
        { "a command timeout, wrapped by EF", new InvalidOperationException("transient", new NpgsqlException("Exception while reading from stream", new TimeoutException())), true },
        { "PostgreSQL shutting down", new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01"), true },
        { "too many connections", new PostgresException("sorry, too many clients already", "FATAL", "FATAL", "53300"), true },
        { "SQLite busy", new DbUpdateException("busy", new SqliteException("database is locked", 5)), true },
        { "a unique index", new DbUpdateException("duplicate", new PostgresException("duplicate key value", "ERROR", "ERROR", "23505")), false },
        { "a SQLite constraint", new SqliteException("constraint failed", 19), false },
        { "a bug", new NullReferenceException(), false },
    };

    [Theory, MemberData(nameof(Failures))]
    public void OnlyAnOverloadedOrBrieflyAbsentDatabaseIsTold503(string failure, Exception exception, bool overload) =>
        Assert.True(DatabaseOverload.IsOverload(exception) == overload, failure);
}
