using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace QuizPlatform.Proxy;

/// <summary>
/// When an instance refuses the connection (stopped, killed, restarting), the request never reached it: the proxy marks
/// it unhealthy at once and sends the same request to another instance, so a student whose affinity named the dead
/// instance gets their save stored instead of a 502. Any method is safe to resend here, as nothing of it was sent; a
/// request that failed after it was sent (a timeout, a reset mid-response) is not resent.
/// </summary>
public sealed class FailoverToAnotherInstance(IDestinationHealthUpdater health) : IMiddleware
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var tried = new HashSet<DestinationState>();
        while (true)
        {
            await next(context);
            var proxy = context.GetReverseProxyFeature();
            if (!NeverReached(context) || proxy.ProxiedDestination is not { } failed || context.GetRouteModel().Cluster is not { } cluster)
                return;

            tried.Add(failed);
            health.SetPassive(cluster, failed, DestinationHealth.Unhealthy, Rest(cluster));
            if (cluster.DestinationsState.AvailableDestinations.FirstOrDefault(d => !tried.Contains(d)) is not { } other)
                return; // no instance left: the 502 stands

            context.Features.Set<IForwarderErrorFeature>(null);
            context.Response.Clear();
            proxy.AvailableDestinations = [other];
        }
    }

    /// <summary>How long the refused instance gets no requests: the cluster's passive reactivation period.</summary>
    static TimeSpan Rest(ClusterState cluster) =>
        cluster.Model.Config.HealthCheck?.Passive?.ReactivationPeriod ?? TimeSpan.FromSeconds(10);

    static bool NeverReached(HttpContext context) =>
        !context.Response.HasStarted
        && context.Features.Get<IForwarderErrorFeature>() is { Error: ForwarderError.Request, Exception: { } exception }
        && Causes(exception).OfType<HttpRequestException>().Any(e => e.HttpRequestError == HttpRequestError.ConnectionError);

    static IEnumerable<Exception> Causes(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
            yield return e;
    }
}
