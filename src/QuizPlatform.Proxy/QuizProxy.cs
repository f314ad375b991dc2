using Microsoft.AspNetCore.DataProtection;
using Yarp.ReverseProxy.Health;

namespace QuizPlatform.Proxy;

/// <summary>
/// YARP in front of the app's instances, everything but the three small parts below read from the
/// <c>ReverseProxy</c> section (routes, the cluster, affinity, health checks, timeouts): see appsettings.json.
/// </summary>
public static class QuizProxy
{
    public static WebApplicationBuilder AddQuizProxy(this WebApplicationBuilder builder)
    {
        builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
        builder.Services.AddSingleton<IProbingRequestFactory, LocalhostProbes>();
        builder.Services.AddSingleton<FailoverToAnotherInstance>();
        builder.Services.AddHealthChecks().AddCheck<InstancesHealthCheck>("instances");
        // The affinity cookie only names an instance; after a restart of the proxy it is unreadable and the
        // student is balanced afresh (affinity's Redistribute policy), which is all it needs.
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        return builder;
    }

    public static WebApplication MapQuizProxy(this WebApplication app)
    {
        app.MapHealthChecks("/health");
        app.MapReverseProxy(proxy =>
        {
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
            proxy.UseMiddleware<FailoverToAnotherInstance>();
        });
        return app;
    }
}
