using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;

namespace QuizPlatform.Proxy;

/// <summary>
/// The proxy's <c>/health</c>, which is what an outside monitor reaches: healthy while every instance is, degraded
/// (still 200) while some are out, unhealthy (503) when none can take a request.
/// </summary>
public sealed class InstancesHealthCheck(IProxyStateLookup proxy) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var destinations = proxy.GetClusters().Select(c => c.DestinationsState).ToList();
        var all = destinations.Sum(d => d.AllDestinations.Count);
        var available = destinations.Sum(d => d.AvailableDestinations.Count);
        var description = $"{available} of {all} instances available";
        return Task.FromResult(available == 0 ? HealthCheckResult.Unhealthy(description)
            : available < all ? HealthCheckResult.Degraded(description)
            : HealthCheckResult.Healthy(description));
    }
}
