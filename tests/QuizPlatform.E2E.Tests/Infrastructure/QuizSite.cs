using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Tests.Infrastructure;

namespace QuizPlatform.E2E.Tests.Infrastructure;

/// <summary>
/// One running site per test class: the app on a real Kestrel port over a fresh PostgreSQL database, seeded from the
/// repository's seeds/ folder, with a known admin; and a headless Chromium to browse it, borrowed from the run's
/// (<see cref="Chromium"/>). Each test opens its own <see cref="IBrowserContext"/> (its own cookies) with
/// <see cref="NewPageAsync"/>; <see cref="Audit"/> records the pages each context visits, for the accessibility audit
/// at the end of each test (<see cref="Journey"/>).
/// </summary>
public sealed class QuizSite : IAsyncLifetime
{
    public const string AdminEmail = "admin@e2e.test";
    public const string AdminPassword = "E2e-Admin-Passw0rd!";

    private TestDatabase? _database;
    private QuizAppFactory? _app;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    public PageAudit Audit { get; }

    /// <summary>Policy refusals and uncaught script errors, on any page of any test's context.</summary>
    public PageProblems PageProblems { get; } = new();

    /// <summary>What the pages and the site did, for a failed test's output (<see cref="Journey"/>).</summary>
    public SiteJournal Journal { get; } = new();

    public QuizSite() => Audit = new PageAudit(() => Services);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        _app = new QuizAppFactory(_database, new Dictionary<string, string?>
        {
            ["Seeding:Enabled"] = "true", // the nearest seeds/ folder above the web project: the repository's
            ["Seeding:Demo"] = "true", // student1..5@demo.local and the open demo quiz, as a new install shows them
            ["Bootstrap:AdminEmail"] = AdminEmail,
            ["Bootstrap:AdminPassword"] = AdminPassword,
            ["Attempts:BackgroundWorkers"] = "true", // a handed-in quiz is graded, a forgotten one handed in, as in production
            ["Grading:Meaning"] = "true", // graded by keywords and meaning, as in production
            // The seed's keywords by salience: ranking its 50 answers with the model costs every site seconds, and no
            // journey reads how they were chosen (ExtractionRecallTests and the import tests do).
            ["Grading:MeaningKeywords"] = "false",
        });
        BaseAddress = _app.StartKestrel();
        Services.GetRequiredService<ILoggerFactory>().AddProvider(Journal);
        _browser = await Chromium.RentAsync();
        // A 2-core machine running other test projects alongside can be slow to render; the waits stay event-driven.
        SetDefaultExpectTimeout(30_000);
    }

    /// <summary>A page in a new browser context (no cookies), with relative URLs resolved against the site.</summary>
    /// <param name="timeZoneId">The browser's time zone (IANA), for pages that show times in it; the machine's by default.</param>
    /// <param name="phone">A phone's screen and touch: taps, and no hover (<c>@media (hover: none)</c>).</param>
    public async Task<IPage> NewPageAsync(string? timeZoneId = null, bool phone = false)
    {
        var context = await _browser!.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(), TimezoneId = timeZoneId,
            ViewportSize = phone ? Accessibility.Phone : null, HasTouch = phone, IsMobile = phone,
        });
        context.SetDefaultTimeout(30_000);
        Audit.Watch(context);
        PageProblems.Watch(context);
        Journal.Watch(context);
        var page = await context.NewPageAsync();
        // The one in front has the focus: a test's page behind an earlier test's reads as focused "inactive" (CI flake).
        await page.BringToFrontAsync();
        return page;
    }

    /// <summary>
    /// Creates an active user in <paramref name="role"/> directly, as an admin's roster upload would; a made-up unique
    /// email unless <paramref name="email"/> is given.
    /// </summary>
    public async Task<(string Email, string Password)> CreateUserAsync(string role, string displayName, string? email = null)
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@e2e.test";
        const string password = "E2e-User-Passw0rd!";
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
        return (email, password);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            // Contexts a failed test left open go with the site, not to the next site's tests.
            foreach (var context in _browser.Contexts)
                await context.CloseAsync();
            Chromium.Return(_browser);
        }
        if (_app is not null)
            await _app.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
