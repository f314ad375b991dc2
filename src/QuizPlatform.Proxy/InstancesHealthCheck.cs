using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace QuizPlatform.Proxy;

/// <summary>
/// The proxy's <c>/health</c>, which is what an outside monitor reaches: healthy while every instance is, degraded
/// (still 200) while some are out, unhealthy (503) when none passes its checks. Counted from each instance's own
/// health, not from the destinations YARP offers: with all of them down it offers all of them (its "panic" mode).
/// </summary>
public sealed class InstancesHealthCheck(IProxyStateLookup proxy) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var instances = proxy.GetClusters().SelectMany(c => c.DestinationsState.AllDestinations).ToList();
        var healthy = instances.Count(d => d.Health.Active != DestinationHealth.Unhealthy && d.Health.Passive != DestinationHealth.Unhealthy);
        var description = $"{healthy} of {instances.Count} instances healthy";
        return Task.FromResult(healthy == 0 ? HealthCheckResult.Unhealthy(description)
            : healthy < instances.Count ? HealthCheckResult.Degraded(description)
            : HealthCheckResult.Healthy(description));
    }
}
