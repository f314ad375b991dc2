using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace QuizPlatform.Web.Tests.Infrastructure;

/// <summary>
/// The web app in the "Testing" environment on a <see cref="TestDatabase"/>: <c>Database:Provider</c> and
/// <c>ConnectionStrings:Quiz</c> come from it, <c>Database:MigrateOnStartup</c> is true and <c>Seeding:Enabled</c>
/// false unless <paramref name="settings"/> says otherwise (e.g. <c>Seeding:Enabled</c>, <c>Seeding:Directory</c>,
/// <c>Bootstrap:AdminEmail</c>, <c>Bootstrap:AdminPassword</c>). The factory does not own the database: several
/// factories may share one, as two app instances share a production database.
/// </summary>
public sealed class QuizAppFactory(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    private bool _onKestrel;

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
    }

    private static Dictionary<string, string?> Merge(TestDatabase database, IReadOnlyDictionary<string, string?>? overrides)
    {
        var merged = new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:Quiz"] = database.ConnectionString,
            ["Database:MigrateOnStartup"] = "true",
            ["Seeding:Enabled"] = "false",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
            merged[key] = value;
        return merged;
    }
}
