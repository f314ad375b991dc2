using System.Net;
using Microsoft.AspNetCore.Http;
using QuizPlatform.Web.Tests.Infrastructure;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Observability;

/// <summary>
/// <c>/metrics</c> tells an attacker how loaded the app is and when to push: only the allowed networks (and port)
/// read it, and to anyone else it is a page that does not exist.
/// </summary>
public sealed class MetricsAccessTests
{
    static readonly IPAddress Outsider = IPAddress.Parse("203.0.113.9");

    [Fact]
    public async Task OnlyThisMachineReadsTheMetricsByDefault()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new QuizAppFactory(database);

        await AssertServedAsync(app, IPAddress.Loopback);
        await AssertServedAsync(app, IPAddress.IPv6Loopback);
        await AssertServedAsync(app, IPAddress.Loopback.MapToIPv6());
        await AssertRefusedAsync(app, Outsider);
        await AssertRefusedAsync(app, IPAddress.Parse("10.0.0.5"));
        await AssertRefusedAsync(app, null);
    }

    [Fact]
    public async Task AProbeRelayedByAProxyOnThisMachineIsRefused()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new QuizAppFactory(database);

        // The proxy (loopback, trusted) names the client: the forwarded-headers middleware makes it the caller.
        await AssertRefusedAsync(app, IPAddress.Loopback, http => http.Request.Headers["X-Forwarded-For"] = Outsider.ToString());
        // A client naming itself loopback is still someone the proxy relayed.
        await AssertRefusedAsync(app, IPAddress.Loopback, http => http.Request.Headers["X-Forwarded-For"] = "127.0.0.1");
        await AssertRefusedAsync(app, IPAddress.Loopback, http => http.Request.Headers["Forwarded"] = "for=203.0.113.9");
        // nginx's common set-up names the client in X-Real-IP alone.
        await AssertRefusedAsync(app, IPAddress.Loopback, http => http.Request.Headers["X-Real-IP"] = Outsider.ToString());
        // The path in other spellings reaches the same rule.
        await AssertRefusedAsync(app, Outsider, path: "/METRICS");
        await AssertRefusedAsync(app, Outsider, path: "/metrics/");
    }

    [Fact]
    public async Task ConfiguredNetworksAndPortReplaceLoopback()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new QuizAppFactory(database, new Dictionary<string, string?>
        {
            ["Metrics:AllowedNetworks:0"] = "10.0.0.0/8",
            ["Metrics:Port"] = "9464",
        });
        var prometheus = IPAddress.Parse("10.1.2.3");

        await AssertServedAsync(app, prometheus, http => http.Connection.LocalPort = 9464);
        await AssertRefusedAsync(app, prometheus, http => http.Connection.LocalPort = 8080);
        await AssertRefusedAsync(app, IPAddress.Loopback, http => http.Connection.LocalPort = 9464);
        await AssertRefusedAsync(app, IPAddress.Parse("192.168.1.20"), http => http.Connection.LocalPort = 9464);
    }

    static async Task AssertServedAsync(QuizAppFactory app, IPAddress from, Action<HttpContext>? adjust = null)
    {
        var scrape = await Scrape.TakeAsync(app, from, adjust: adjust);
        Assert.Equal(StatusCodes.Status200OK, scrape.Status);
        Assert.True(scrape.Has("target_info"), scrape.Text);
    }

    static async Task AssertRefusedAsync(QuizAppFactory app, IPAddress? from, Action<HttpContext>? adjust = null, string path = "/metrics")
    {
        var scrape = await Scrape.TakeAsync(app, from, path, adjust);
        Assert.Equal(StatusCodes.Status404NotFound, scrape.Status);
        Assert.DoesNotContain("target_info", scrape.Text);
        Assert.DoesNotContain("http_server", scrape.Text);
    }
}
