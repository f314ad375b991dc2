using System.Net;
using Microsoft.Extensions.Options;
using IPNetwork = System.Net.IPNetwork;

namespace QuizPlatform.Web.Features.Observability;

/// <summary>
/// Whether a request may read <c>/metrics</c>: request counts, pool sizes and queue depths tell an attacker how hard
/// to push and when, so the endpoint answers only the allowed networks (and port); everyone else sees no such page.
/// </summary>
public sealed class MetricsAccess(IOptions<MetricsOptions> options)
{
    public const string Path = "/metrics";

    static readonly string[] RelayHeaders = ["X-Forwarded-For", "X-Original-For", "Forwarded", "X-Real-IP"];

    readonly IPNetwork[] allowed = [.. options.Value.Networks.Select(n => IPNetwork.Parse(n.Trim()))];

    public bool Allows(HttpContext http)
    {
        if (!http.Request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase))
            return false;
        // A request relayed by a proxy comes from the proxy's address (often loopback) on behalf of someone else:
        // the forwarded-headers middleware leaves X-Original-For when it took the client from a trusted proxy, and
        // X-Forwarded-For stays when it did not trust the sender; some proxies name the client in X-Real-IP alone.
        // None is a scrape: Prometheus connects directly.
        if (RelayHeaders.Any(http.Request.Headers.ContainsKey))
            return false;
        if (options.Value.Port is { } port && http.Connection.LocalPort != port)
            return false;
        return http.Connection.RemoteIpAddress is { } address && Allowed(address);
    }

    bool Allowed(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        return allowed.Any(network => network.Contains(address));
    }
}
