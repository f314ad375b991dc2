using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Components.Account;
using QuizPlatform.Web.Components.Shared;
using QuizPlatform.Web.Features.Accounts;
using QuizPlatform.Web.Features.Users;
using QuizPlatform.Web.Tests.Features.Attempts;
using QuizPlatform.Web.Tests.Features.Quizzes;
using QuizPlatform.Web.Tests.Features.Users;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Accounts;

/// <summary>
/// Sessions live on the server: the attacker here holds a copy of someone's sign-in cookie (taken from a shared
/// computer, a proxy log, a stolen laptop) and tries to go on using it after the session should have ended.
/// </summary>
public sealed class SessionTests
{
    [Theory, AllDatabaseProviders]
    public async Task CookieCopiedBeforeSignOutIsRefusedAfterIt(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var quiz = await scene.OpenQuizAsync();
        var take = $"/quizzes/{quiz}/take";
        using var sam = await scene.SignedInAsync("sam@quiz.local");
        var copied = await sam.SessionCookieAsync();
        using var thief = scene.App.CreateReplayingClient(copied);
        var startForm = await thief.GetPageAsync(take); // the thief's page works while Sam is signed in

        using var signOut = await sam.SignOutAsync();
        using var page = await thief.GetAsync(take);
        using var start = await thief.PostAsync(take, new FormUrlEncodedContent(startForm.HiddenFields("start-attempt")));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("\"storage\"", Assert.Single(signOut.Headers.GetValues("Clear-Site-Data")));
        page.AssertSentToSignIn();
        Assert.NotEqual(HttpStatusCode.OK, start.StatusCode);
        Assert.DoesNotMatch("/attempts/[0-9]+$", start.Headers.Location?.OriginalString ?? "");
        await using var db = scene.App.Services.CreateDbContext();
        Assert.False(await db.Attempts.AnyAsync(a => a.QuizId == quiz));
        Assert.False(await db.UserSessions.AnyAsync(s => s.UserId == scene.Sam));
    }

    [Fact]
    public async Task CookieHoldsOnlyTheSessionKeyAndTheTableOnlyItsHash()
    {
        await using var scene = await QuizScene.CreateAsync(DatabaseProvider.Sqlite);
        using var sam = await scene.SignedInAsync("sam@quiz.local");
        var cookie = await sam.SessionCookieAsync();

        await using var db = scene.App.Services.CreateDbContext();
        var session = await db.UserSessions.SingleAsync(s => s.UserId == scene.Sam);
        Assert.True(cookie.Length < 400, $"a cookie of {cookie.Length} characters carries more than a key");
        Assert.NotEmpty(session.Ticket);
        Assert.Matches("^[0-9a-f]{64}$", session.Id);
        Assert.DoesNotContain(session.Id, cookie);
    }

    [Theory, AllDatabaseProviders]
    public async Task ActiveSessionStillEndsAtTheAbsoluteLifetime(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        using var sam = await scene.SignedInAsync("sam@quiz.local");

        // Busy all day: a request every three hours keeps the 8-hour sliding end moving.
        for (var hours = 3; hours <= 9; hours += 3)
        {
            scene.App.Clock.Advance(TimeSpan.FromHours(3));
            using var busy = await sam.GetAsync("/Account/Manage");
            Assert.Equal(HttpStatusCode.OK, busy.StatusCode);
        }
        scene.App.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(59));
        using (var justBefore = await sam.GetAsync("/Account/Manage"))
            Assert.Equal(HttpStatusCode.OK, justBefore.StatusCode);
        scene.App.Clock.Advance(TimeSpan.FromMinutes(2));
        using var after = await sam.GetAsync("/Account/Manage");

        after.AssertSentToSignIn();
        await using var db = scene.App.Services.CreateDbContext();
        Assert.False(await db.UserSessions.AnyAsync(s => s.UserId == scene.Sam));
    }

    [Fact]
    public async Task IdleSessionEndsAfterTheSlidingLifetimeAndSignInSweepsIt()
    {
        await using var scene = await QuizScene.CreateAsync(DatabaseProvider.Sqlite);
        using var sam = await scene.SignedInAsync("sam@quiz.local");

        scene.App.Clock.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));
        using var alice = await scene.SignedInAsync("alice@quiz.local");
        await using (var db = scene.App.Services.CreateDbContext())
            Assert.Equal(scene.Alice, (await db.UserSessions.SingleAsync()).UserId);
        using var late = await sam.GetAsync("/Account/Manage");

        late.AssertSentToSignIn();
    }

    [Theory, AllDatabaseProviders]
    public async Task AutosavesDoNotWriteTheSessionRowMoreThanOnceAMinute(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        using var sam = await scene.SignedInAsync("sam@quiz.local");
        var signedInAt = await LastSeenAsync(scene);

        scene.App.Clock.Advance(TimeSpan.FromSeconds(50));
        (await sam.GetAsync("/Account/Manage")).Dispose();
        var within = await LastSeenAsync(scene);
        scene.App.Clock.Advance(TimeSpan.FromSeconds(20));
        (await sam.GetAsync("/Account/Manage")).Dispose();

        Assert.Equal(signedInAt, within);
        Assert.Equal(signedInAt.AddSeconds(70), await LastSeenAsync(scene), TimeSpan.FromSeconds(1));
    }

    [Theory, AllDatabaseProviders]
    public async Task NewPasswordEndsEveryOtherSessionAndKeepsThisOne(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        using var laptop = await scene.SignedInAsync("sam@quiz.local");
        using var forgotten = await scene.SignedInAsync("sam@quiz.local");

        using (var changed = await laptop.SubmitFormAsync("/Account/Manage/ChangePassword",
                   ("Input.OldPassword", TestUsers.Password), ("Input.NewPassword", "Changed-Pass-42"), ("Input.ConfirmPassword", "Changed-Pass-42")))
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        using var here = await laptop.GetAsync("/Account/Manage");
        using var there = await forgotten.GetAsync("/Account/Manage");

        Assert.Equal(HttpStatusCode.OK, here.StatusCode);
        there.AssertSentToSignIn();
    }

    [Theory, AllDatabaseProviders]
    public async Task SignOutEverywhereElseEndsTheOtherSessionsFromTheSessionsPage(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        using var phone = await scene.SignedInAsync("sam@quiz.local");
        using var library = await scene.SignedInAsync("sam@quiz.local");
        using var laptop = await scene.SignedInAsync("sam@quiz.local");

        var before = await laptop.GetPageAsync(SessionsPage);
        using var ended = await laptop.SubmitNamedFormAsync(SessionsPage, "end-other-sessions");
        var after = await laptop.GetPageAsync(SessionsPage);

        Assert.Equal(3, before.QuerySelectorAll("tbody tr").Length);
        Assert.Single(before.QuerySelectorAll("tbody tr"), row => row.Text().Contains("This device"));
        Assert.Equal("2 other sessions are signed out.", after.QuerySelector("[role=alert]")?.Text());
        Assert.Single(after.QuerySelectorAll("tbody tr"));
        Assert.Contains("You are signed in on this device only.", after.Text());
        foreach (var other in new[] { phone, library })
        {
            using var refused = await other.GetAsync("/Account/Manage");
            refused.AssertSentToSignIn();
        }
    }

    [Theory, AllDatabaseProviders]
    public async Task EndingOneOtherSessionMakesItsCookieFail(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        using var labComputer = scene.App.CreateNonRedirectingClient();
        labComputer.DefaultRequestHeaders.UserAgent.ParseAdd(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0");
        using (var signIn = await labComputer.SignInAsync("sam@quiz.local", TestUsers.Password))
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        using var phone = await scene.SignedInAsync("sam@quiz.local");

        var page = await phone.GetPageAsync(SessionsPage);
        var signOutLab = page.ByRole("button", "Sign out Firefox on Windows, last active " + Formats.Utc(scene.Now));
        Assert.NotNull(signOutLab);
        using var ended = await phone.SubmitNamedFormAsync(SessionsPage, "end-session", ("SessionId", signOutLab.GetAttribute("value")!));
        using var lab = await labComputer.GetAsync("/Account/Manage");
        using var stillHere = await phone.GetAsync("/Account/Manage");

        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        lab.AssertSentToSignIn();
        Assert.Equal(HttpStatusCode.OK, stillHere.StatusCode);
    }

    [Theory, AllDatabaseProviders]
    public async Task SomeoneElsesSessionCanBeNeitherSeenNorEnded(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        using var alice = await scene.SignedInAsync("alice@quiz.local");
        using var sam = await scene.SignedInAsync("sam@quiz.local");
        string aliceSession;
        await using (var db = scene.App.Services.CreateDbContext())
            aliceSession = await db.UserSessions.Where(s => s.UserId == scene.Alice).Select(s => s.Id).SingleAsync();

        var page = await sam.GetPageAsync(SessionsPage);
        using var forged = await sam.SubmitNamedFormAsync(SessionsPage, "end-session", ("SessionId", aliceSession));
        var answer = await sam.GetPageAsync(SessionsPage);
        using var aliceAfter = await alice.GetAsync("/Account/Manage");

        Assert.Single(page.QuerySelectorAll("tbody tr"));
        Assert.DoesNotContain(aliceSession, page.DocumentElement.OuterHtml);
        Assert.Equal("Error: That session had already ended.", answer.QuerySelector("[role=alert]")?.Text());
        Assert.Equal(HttpStatusCode.OK, aliceAfter.StatusCode);
    }

    [Theory, AllDatabaseProviders]
    public async Task OpenCircuitStopsTrustingAnEndedSession(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        using var sam = await scene.SignedInAsync("sam@quiz.local");
        string sessionId;
        await using (var db = scene.App.Services.CreateDbContext())
            sessionId = await db.UserSessions.Select(s => s.Id).SingleAsync();
        using var scope = scene.App.Services.CreateScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
        var principal = await signIn.CreateUserPrincipalAsync((await signIn.UserManager.FindByIdAsync(scene.Sam))!);
        principal.Identities.First().AddClaim(new(SessionTicketStore.SessionClaim, sessionId));
        var circuitState = (IdentityRevalidatingAuthenticationStateProvider)scope.ServiceProvider
            .GetRequiredService<AuthenticationStateProvider>();

        Assert.True(await circuitState.IsStillValidAsync(principal));
        (await sam.SignOutAsync()).Dispose();
        Assert.False(await circuitState.IsStillValidAsync(principal));
    }

    [Theory, AllDatabaseProviders]
    public async Task AnOpenPageIsSignedOutTheMomentItsSessionIsEndedElsewhere(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        using var library = await scene.SignedInAsync("sam@quiz.local");
        var librarySession = await SessionIdAsync(scene);
        using var laptop = await scene.SignedInAsync("sam@quiz.local");
        var (libraryPage, _, scope) = await OpenPageAsync(scene.App, scene.Sam, librarySession);
        using var _ = scope;

        // On the laptop: "Sign out all other sessions". Before, the library's page acted for Sam until its next
        // revalidation, up to a minute later (walked in Chromium: it gave a class a new join code 2 s after).
        (await laptop.SubmitNamedFormAsync(SessionsPage, "end-other-sessions")).Dispose();

        Assert.False(await IsSignedInAsync(libraryPage));
        Assert.Equal(["Signed out 1 other session."], await SessionsEndedAsync(scene));
    }

    static async Task<string[]> SessionsEndedAsync(QuizScene scene)
    {
        await using var db = scene.App.Services.CreateDbContext();
        return await db.AuditEntries.Where(e => e.Action == AuditActions.SessionEnded).OrderBy(e => e.Id).Select(e => e.Summary).ToArrayAsync();
    }

    [Theory, AllDatabaseProviders]
    public async Task AnAdminsDeactivationRoleChangeSignOutOrPasswordResetSignsTheUsersOpenPagesOutAtOnce(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var users = scene.App.Services.GetRequiredService<UserAdminService>();
        var admin = await UserAdminTests.AdminIdAsync(scene.App);
        var scopes = new List<IServiceScope>();
        async Task<IdentityRevalidatingAuthenticationStateProvider> SamsOpenPageAsync()
        {
            using var browser = await scene.SignedInAsync("sam@quiz.local");
            var (page, user, scope) = await OpenPageAsync(scene.App, scene.Sam, await SessionIdAsync(scene));
            scopes.Add(scope);
            Assert.True(await page.IsStillValidAsync(user));
            return page;
        }

        // A new display name is no reason to sign anyone out, now or at the page's next check.
        var page = await SamsOpenPageAsync();
        Assert.True((await users.UpdateAsync(admin, scene.Sam, "Samuel", [Roles.Student])).Succeeded);
        Assert.True(await IsSignedInAsync(page));
        Assert.True(await page.IsStillValidAsync((await page.GetAuthenticationStateAsync()).User));

        Assert.True((await users.UpdateAsync(admin, scene.Sam, "Samuel", [Roles.Student, Roles.Instructor])).Succeeded);
        Assert.False(await IsSignedInAsync(page));

        page = await SamsOpenPageAsync();
        Assert.True((await users.SetActiveAsync(admin, scene.Sam, false)).Succeeded);
        Assert.False(await IsSignedInAsync(page));
        Assert.True((await users.SetActiveAsync(admin, scene.Sam, true)).Succeeded);

        // "Sign out everywhere" (a lost phone): the phone's open page stops, and so does its cookie. Admins only.
        page = await SamsOpenPageAsync();
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => users.SignOutEverywhereAsync(scene.Alice, scene.Sam));
        Assert.True(await IsSignedInAsync(page));
        using var phone = await scene.SignedInAsync("sam@quiz.local");
        var (signedOut, ended) = await users.SignOutEverywhereAsync(admin, scene.Sam);
        Assert.True(signedOut.Succeeded);
        Assert.Equal(2, ended);
        Assert.False(await IsSignedInAsync(page));
        using var refused = await phone.GetAsync(SessionsPage);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/Account/Login", refused.Headers.Location?.ToString());
        Assert.Equal(["Signed sam@quiz.local out everywhere (2 sessions)."], await SessionsEndedAsync(scene));

        page = await SamsOpenPageAsync();
        Assert.True((await users.ResetPasswordAsync(admin, scene.Sam)).Succeeded);
        Assert.False(await IsSignedInAsync(page));
        scopes.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task APageOpenOnAnotherAppInstanceIsSignedOutWhenItsSessionEndsOnThisOne()
    {
        await using var scene = await QuizScene.CreateAsync(DatabaseProvider.Postgres);
        await using var otherInstance = new QuizAppFactory(scene.Database);
        using var library = await scene.SignedInAsync("sam@quiz.local");
        var librarySession = await SessionIdAsync(scene);
        using var laptop = await scene.SignedInAsync("sam@quiz.local");
        var (libraryPage, _, scope) = await OpenPageAsync(otherInstance, scene.Sam, librarySession);
        using var _ = scope;
        var sessions = scene.App.Services.GetRequiredService<AccountSessions>();

        // Ended again while waiting: the other instance may not be listening yet when this one first speaks.
        await Eventually.ValueAsync(async () =>
        {
            await sessions.EndOthersAsync(scene.Sam, keepId: "the laptop's");
            return await IsSignedInAsync(libraryPage) ? null : "signed out";
        }, "the other instance's page to be signed out", timeoutSeconds: 10);
    }

    [Theory, AllDatabaseProviders]
    public async Task APageWithoutACircuitAsksWhetherItsSessionHoldsWithoutKeepingItAlive(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        using var lab = await scene.SignedInAsync("sam@quiz.local");
        var labSession = await SessionIdAsync(scene);
        using var phone = await scene.SignedInAsync("sam@quiz.local");

        // The lab's page asks every minute while nobody uses it: the session must still end when left idle.
        scene.App.Clock.Advance(TimeSpan.FromMinutes(5));
        using (var holds = await lab.GetAsync("/Account/Session"))
        {
            Assert.Equal(HttpStatusCode.NoContent, holds.StatusCode);
            Assert.False(holds.Headers.Contains("Set-Cookie"));
        }
        await using (var db = scene.App.Services.CreateDbContext())
            Assert.Equal(scene.Now.AddMinutes(-5), (await db.UserSessions.SingleAsync(s => s.Id == labSession)).LastSeenAt, TimeSpan.FromSeconds(1));

        (await phone.SubmitNamedFormAsync(SessionsPage, "end-other-sessions")).Dispose();
        using var ended = await lab.GetAsync("/Account/Session");

        Assert.Equal(HttpStatusCode.Unauthorized, ended.StatusCode);
    }

    [Fact]
    public async Task TheSignInPageSaysTheSessionEndedAndHowManyAnswersWereNotSaved()
    {
        await using var scene = await QuizScene.CreateAsync(DatabaseProvider.Sqlite);
        using var browser = scene.App.CreateNonRedirectingClient();

        var page = await browser.GetPageAsync("/Account/Login?signedOut=ended&unsaved=2&returnUrl=%2Fquizzes%2F1%2Fattempts%2F3");

        Assert.Equal("You were signed out: this session was ended. Your answers saved before it ended are kept; what you "
            + "typed in 2 answers since its last save was not saved.", page.QuerySelector("[role=status]:not([hidden])")?.Text());
    }

    [Fact]
    public async Task ATabWhoseOldSessionEndedWhileThisBrowserSignedInAgainGoesBackToItsPage()
    {
        await using var scene = await QuizScene.CreateAsync(DatabaseProvider.Sqlite);
        using var sam = await scene.SignedInAsync("sam@quiz.local");

        using var back = await sam.GetAsync("/Account/Login?signedOut=ended&returnUrl=%2FAccount%2FManage");

        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal("/Account/Manage", back.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public void EveryInteractivePageLeavesForSignInWhenItsSessionEnds()
    {
        var web = Path.Combine(Repository.Root, "src", "QuizPlatform.Web");
        var razor = Directory.EnumerateFiles(web, "*.razor", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")).ToList();
        // Pages interactive themselves, and components another page renders interactive (the student's home panel).
        var renderedInteractive = razor.SelectMany(f => System.Text.RegularExpressions.Regex
                .Matches(File.ReadAllText(f), @"<([\w.]+) @rendermode=""InteractiveServer""").Select(m => m.Groups[1].Value.Split('.')[^1]))
            .ToHashSet();
        var interactive = razor.Where(f => File.ReadAllText(f).Contains("@rendermode InteractiveServer")
                                           || renderedInteractive.Contains(Path.GetFileNameWithoutExtension(f))).ToList();

        Assert.True(interactive.Count >= 15, $"found only {interactive.Count} interactive components");
        Assert.All(interactive, f => Assert.Contains("<SignedOutRedirect />", File.ReadAllText(f)));
    }

    /// <summary>An interactive page open on <paramref name="app"/>, signed in through the session, as its circuit holds it.</summary>
    static async Task<(IdentityRevalidatingAuthenticationStateProvider Page, ClaimsPrincipal User, IServiceScope Scope)> OpenPageAsync(QuizAppFactory app, string userId, string sessionId)
    {
        var scope = app.Services.CreateScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
        var principal = await signIn.CreateUserPrincipalAsync((await signIn.UserManager.FindByIdAsync(userId))!);
        principal.Identities.First().AddClaim(new(SessionTicketStore.SessionClaim, sessionId));
        var page = (IdentityRevalidatingAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        page.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return (page, principal, scope);
    }

    static async Task<bool> IsSignedInAsync(AuthenticationStateProvider page) =>
        (await page.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated == true;

    /// <summary>The session of the newest sign-in.</summary>
    static async Task<string> SessionIdAsync(QuizScene scene)
    {
        await using var db = scene.App.Services.CreateDbContext();
        return await db.UserSessions.OrderByDescending(s => s.CreatedAt).Select(s => s.Id).FirstAsync();
    }

    const string SessionsPage = "/Account/Manage/Sessions";

    static async Task<DateTime> LastSeenAsync(QuizScene scene)
    {
        await using var db = scene.App.Services.CreateDbContext();
        return await db.UserSessions.Select(s => s.LastSeenAt).SingleAsync();
    }
}
