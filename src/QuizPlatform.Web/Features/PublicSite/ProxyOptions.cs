namespace QuizPlatform.Web.Features.PublicSite;

/// <summary>
/// The <c>ForwardedHeaders</c> section: the TLS proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> the
/// app believes. Loopback is always trusted (a proxy on the same machine); empty lists trust nothing else, so the
/// same headers sent by anyone else are ignored.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of the proxies, e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies are in, in CIDR form, e.g. <c>172.18.0.0/16</c> (a Compose network).</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>The entries that are set: an empty one (an unset Compose variable) trusts nothing.</summary>
    public static IEnumerable<string> Given(string[] entries) => entries.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim());
}
