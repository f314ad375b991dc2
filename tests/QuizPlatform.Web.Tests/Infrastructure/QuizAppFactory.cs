using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using QuizPlatform.Grading.Meaning;

namespace QuizPlatform.Web.Tests.Infrastructure;

/// <summary>
/// The web app in the "Testing" environment on a <see cref="TestDatabase"/>: <c>Database:Provider</c> and
/// <c>ConnectionStrings:Quiz</c> come from it, <c>Database:MigrateOnStartup</c> is true, <c>Seeding:Enabled</c> and
/// <c>Attempts:BackgroundWorkers</c> (the grader and the expiry submitter) and <c>Grading:Meaning</c> false unless <paramref name="settings"/>
/// says otherwise (e.g. <c>Seeding:Directory</c>, <c>Bootstrap:AdminPassword</c>). The app runs on <see cref="Clock"/>,
/// which starts at <paramref name="now"/> (default: the real time) and moves only when the test moves it; on Kestrel
/// (browser tests) it runs on real time. The factory does not own the database: several factories may share one, as
/// two app instances share a production database.
/// </summary>
public sealed class QuizAppFactory(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null,
    DateTimeOffset? now = null) : WebApplicationFactory<Program>
{
    private bool _onKestrel;

    /// <summary>The app's <see cref="TimeProvider"/>: what the app's services and the test call "now".</summary>
    public FakeTimeProvider Clock { get; } = new(now ?? DateTimeOffset.UtcNow);

    /// <summary>Every setting the app gets, defaults first, overrides applied.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; } = Merge(database, settings);

    /// <summary>
    /// Starts the app on a real Kestrel port on 127.0.0.1 (for browser tests) instead of the in-memory test server,
    /// and returns its base address. Call before anything else uses the factory.
    /// </summary>
    public Uri StartKestrel()
    {
        _onKestrel = true;
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        return new Uri(addresses.Addresses.Single());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        if (_onKestrel)
        {
            builder.UseUrls("http://127.0.0.1:0");
            // Outside Development the app built from source serves no static web assets (blazor.web.js, CSS):
            // a browser would get pages that never become interactive.
            builder.UseStaticWebAssets();
        }
        else
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ITokenEncoder, SharedEncoder>();
            // Identity's own hasher and hash format, with fewer rounds: thousands of accounts are made and signed in per
            // run, and at production strength (100,000 rounds) hashing alone took minutes of the run's CPU.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
        });
    }

    private static Dictionary<string, string?> Merge(TestDatabase database, IReadOnlyDictionary<string, string?>? overrides)
    {
        var merged = new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:Quiz"] = database.ConnectionString,
            ["Database:MigrateOnStartup"] = "true",
            ["Seeding:Enabled"] = "false",
            ["Attempts:BackgroundWorkers"] = "false",
            // Keyword grading, whose scores the tests state; tests of the meaning pass turn it on.
            ["Grading:Meaning"] = "false",
            // The test server's own origin; hosts unrestricted, as a browser test's Kestrel port is not known yet.
            ["App:PublicBaseUrl"] = "http://localhost",
            ["AllowedHosts"] = "*",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
            merged[key] = value;
        return merged;
    }
}
