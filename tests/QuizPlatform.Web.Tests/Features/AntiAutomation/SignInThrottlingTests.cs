using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Tests.Features.Accounts;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.AntiAutomation;

/// <summary>A password guesser against the sign-in and forgot-password forms: slowed down, never able to lock anyone out.</summary>
public sealed class SignInThrottlingTests
{
    const string Teacher = "teacher@quiz.local";

    [Fact]
    public async Task SignInsOverTheAddressLimitAreRefusedWith429RetryAfterAndTheFormSayingHowLong()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin(
            ("RateLimits:SignInPerIp:PermitLimit", "3"), ("RateLimits:SignInPerIp:Window", "00:10:00")));
        await app.CreateUserAsync(Teacher, Roles.Instructor);
        using var client = app.CreateNonRedirectingClient();

        for (var i = 0; i < 3; i++)
            (await client.SignInAsync($"sprayed{i}@quiz.local", "Summer2026!")).Dispose();
        using var refused = await client.SignInAsync(Teacher, TestUsers.Password); // even the right password waits

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var seconds = Assert.Single(refused.Headers.RetryAfter!.Delta is { } delta ? [(int)delta.TotalSeconds] : Array.Empty<int>());
        Assert.InRange(seconds, 1, 100); // one segment of the ten-minute window
        var page = Pages.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains($"Too many sign-in attempts. Try again in {seconds} seconds.", page.Text());
        Assert.NotNull(page.ByLabel("Email"));
        Assert.DoesNotContain(refused.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [],
            c => c.StartsWith(".AspNetCore.Identity.Application="));
    }

    [Fact]
    public async Task ResetRequestsOverTheAddressLimitAreRefusedWith429AndSendNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var logs = new LogCollector();
        await using var factory = new QuizAppFactory(database, TestUsers.KnownAdmin(
            ("RateLimits:ForgotPasswordPerIp:PermitLimit", "2"), ("Accounts:LogEmailLinks", "true")));
        var app = factory.WithLogs(logs);
        await app.CreateUserAsync(Teacher, Roles.Instructor);
        using var client = app.CreateNonRedirectingClient();

        for (var i = 0; i < 2; i++)
            using (var asked = await client.SubmitFormAsync("/Account/ForgotPassword", ("Input.Email", Teacher)))
                Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        using var refused = await client.SubmitFormAsync("/Account/ForgotPassword", ("Input.Email", Teacher));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.Contains("Too many reset requests from this network. Try again in", Pages.Parse(await refused.Content.ReadAsStringAsync()).Text());
        Assert.Equal(2, logs.Messages.Count(m => m.StartsWith($"Password reset link for {Teacher}")));
    }

    [Theory, AllDatabaseProviders]
    public async Task WrongPasswordsBuyAShortGrowingWaitAfterWhichTheRightPasswordSignsIn(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        var teacher = await app.CreateUserAsync(Teacher, Roles.Instructor);
        using var client = app.CreateNonRedirectingClient();

        var waits = new List<int>();
        for (var failure = 1; failure <= 8; failure++)
        {
            using var wrong = await client.SignInAsync(Teacher, "Wrong-Password-" + failure);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("Invalid login attempt", await wrong.Content.ReadAsStringAsync());
            if (failure < 3)
                continue;
            using var right = await client.SignInAsync(Teacher, TestUsers.Password); // the owner, too early
            Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
            var wait = (int)right.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
            Assert.Contains($"Try again in {wait} seconds", await right.Content.ReadAsStringAsync());
            waits.Add(wait);
            app.Clock.Advance(TimeSpan.FromSeconds(wait));
        }

        Assert.Equal([2, 4, 8, 16, 30, 30], waits); // three free tries, then doubling, capped at 30 s
        await using (var db = app.Services.CreateDbContext())
            Assert.Equal(8, db.Users.Single(u => u.Id == teacher.Id).AccessFailedCount);
        using var signedIn = await client.SignInAsync(Teacher, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        await using (var db = app.Services.CreateDbContext())
            Assert.Equal(0, db.Users.Single(u => u.Id == teacher.Id).AccessFailedCount);
    }

    [Fact]
    public async Task AnUnknownOrDeactivatedAccountGetsTheSameAnswersAsAKnownOne()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        await app.CreateUserAsync(Teacher, Roles.Instructor);
        await app.CreateUserAsync("gone@quiz.local", Roles.Student, active: false);
        using var client = app.CreateNonRedirectingClient();

        async Task<List<string>> GuessFourTimesAsync(string email)
        {
            var answers = new List<string>();
            for (var i = 0; i < 4; i++)
            {
                using var response = await client.SignInAsync(email, "Wrong-Password-" + i);
                var page = Pages.Parse(await response.Content.ReadAsStringAsync());
                answers.Add($"{(int)response.StatusCode} {response.Headers.RetryAfter?.Delta} {page.QuerySelector("[role=alert]")?.Text()}");
            }
            return answers;
        }

        var known = await GuessFourTimesAsync(Teacher);
        Assert.Equal(known, await GuessFourTimesAsync("nobody@quiz.local"));
        Assert.Equal(known, await GuessFourTimesAsync("gone@quiz.local"));
        Assert.StartsWith("429 00:00:02 Error: Too many sign-in attempts", known[3]);
    }

    [Fact]
    public async Task AnUnknownOrDeactivatedAccountChecksAPasswordHashAsAKnownOneDoes()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var hasher = new CountingHasher();
        await using var factory = new QuizAppFactory(database, TestUsers.KnownAdmin());
        var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<ApplicationUser>>(hasher)));
        await app.CreateUserAsync(Teacher, Roles.Instructor);
        await app.CreateUserAsync("gone@quiz.local", Roles.Student, active: false);
        using var client = app.CreateNonRedirectingClient();

        foreach (var email in new[] { Teacher, "nobody@quiz.local", "gone@quiz.local" })
        {
            hasher.Verified = 0;
            (await client.SignInAsync(email, "Wrong-Password-1")).Dispose();
            Assert.True(hasher.Verified == 1, $"{email}: {hasher.Verified} password checks");
        }
    }

    [Fact]
    public async Task AReturnUrlOnAnotherSiteSendsHomeInsteadOfFailing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        using var client = app.CreateNonRedirectingClient();

        foreach (var foreign in new[] { "https://evil.example/steal", "//evil.example/steal", "/\\evil.example" })
        {
            using var response = await client.SubmitFormAsync($"/Account/Login?ReturnUrl={Uri.EscapeDataString(foreign)}",
                ("Input.Email", "admin@quiz.local"), ("Input.Password", TestUsers.Password));

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("localhost", new Uri(new Uri("http://localhost/"), response.Headers.Location!).Host);
        }
    }

    sealed class CountingHasher : PasswordHasher<ApplicationUser>
    {
        public int Verified;

        public override PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref Verified);
            return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
