namespace QuizPlatform.Web.Features.Observability;

/// <summary>The <c>Metrics</c> section: who may read <c>/metrics</c>.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>
    /// The networks (CIDR, e.g. <c>10.0.0.0/8</c>) whose direct connections are served the metrics; anyone else gets
    /// the not-found page. None set: loopback only (a Prometheus on the same machine, or a sidecar in the same pod).
    /// </summary>
    public string[] AllowedNetworks { get; set; } = [];

    /// <summary>
    /// When set, the metrics are served only on connections to this local port (listen on it too, e.g.
    /// <c>ASPNETCORE_URLS=http://+:8080;http://+:9464</c>), which the firewall or compose keeps off the public side.
    /// </summary>
    public int? Port { get; set; }

    // Not the property's initial value: the configuration binder appends to an array, so loopback could not be left out.
    internal IEnumerable<string> Networks => AllowedNetworks.Length > 0 ? AllowedNetworks : ["127.0.0.0/8", "::1/128"];
}
