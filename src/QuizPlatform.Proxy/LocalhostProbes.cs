using System.Net;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace QuizPlatform.Proxy;

/// <summary>
/// Active health probes addressed to <c>localhost</c>: outside Development the app answers only its public host and
/// <c>localhost</c> (for its container's own health check), and a probe to <c>http://app1:8080/health</c> would carry
/// <c>Host: app1:8080</c> and get 400. The proxied requests keep the client's Host (the route's
/// <c>RequestHeaderOriginalHost</c>).
/// </summary>
public sealed class LocalhostProbes : IProbingRequestFactory
{
    public HttpRequestMessage CreateRequest(ClusterModel cluster, DestinationModel destination)
    {
        var address = new Uri(destination.Config.Health is { Length: > 0 } health ? health : destination.Config.Address);
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(address, cluster.Config.HealthCheck?.Active?.Path ?? "/"))
        {
            Version = cluster.Config.HttpRequest?.Version ?? HttpVersion.Version11,
            VersionPolicy = cluster.Config.HttpRequest?.VersionPolicy ?? HttpVersionPolicy.RequestVersionOrLower,
        };
        request.Headers.Host = "localhost";
        request.Headers.UserAgent.ParseAdd("QuizPlatform.Proxy (health probe)");
        return request;
    }
}
