using System.Net;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using QuizPlatform.Data;
using IPNetwork = System.Net.IPNetwork;

namespace QuizPlatform.Web.Features.Observability;

public static class ObservabilityFeature
{
    /// <summary>Tags of the health checks: <see cref="Live"/> ones answer <c>/health</c>, <see cref="Ready"/> ones <c>/health/ready</c>.</summary>
    public const string Live = "live", Ready = "ready";

    // Framework meters beyond those AddAspNetCoreInstrumentation adds (hosting, Kestrel, routing, rate limiting, ...).
    static readonly string[] FrameworkMeters =
    [
        "Microsoft.AspNetCore.Components.Server.Circuits", // aspnetcore.components.circuit.active: open circuits
        "Microsoft.AspNetCore.Identity", // sign-ins and password checks, the sign-in rush's cost
        "Microsoft.AspNetCore.MemoryPool",
    ];

    /// <summary>
    /// OpenTelemetry metrics (ASP.NET Core's, Kestrel's, Blazor circuits', the runtime's, Npgsql's pool and commands,
    /// and <see cref="QuizMetrics"/>) for a Prometheus scrape, and the health checks.
    /// </summary>
    public static WebApplicationBuilder AddObservabilityFeature(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section)
            .Validate(o => o.Networks.All(n => IPNetwork.TryParse(n.Trim(), out _)),
                "Metrics:AllowedNetworks must hold CIDR networks (10.0.0.0/8, ::1/128).")
            .Validate(o => o.Port is null or > 0 and <= IPEndPoint.MaxPort, "Metrics:Port must be a TCP port.")
            .ValidateOnStart();
        services.AddSingleton<MetricsAccess>().AddSingleton<QuizMetrics>().AddSingleton<GradingBacklog>();
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("quiz-platform"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(FrameworkMeters)
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(QuizMetrics.MeterName)
                // Instruments that observe rather than count exist from the start, not from first use.
                .AddInstrumentation(sp =>
                {
                    var quiz = sp.GetRequiredService<QuizMetrics>();
                    sp.GetRequiredService<GradingBacklog>().Observe(quiz);
                    return quiz;
                })
                // Only the allowed networks scrape, a few times a minute: each scrape reads current figures rather than
                // the exporter's 300 ms cache, which showed a save made just after a scrape as not made.
                .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));

        services.AddHealthChecks()
            .AddDbContextCheck<QuizDbContext>("database", tags: [Live, Ready])
            .AddCheck<MigrationsApplied>("migrations", tags: [Ready]);
        return builder;
    }

    /// <summary>
    /// <c>/metrics</c> to allowed callers only (<see cref="MetricsAccess"/>): early, after the forwarded headers, so
    /// its scrapes skip the page machinery and the access rule sees the real client.
    /// </summary>
    public static WebApplication UseObservabilityFeature(this WebApplication app)
    {
        var access = app.Services.GetRequiredService<MetricsAccess>();
        app.UseOpenTelemetryPrometheusScrapingEndpoint(access.Allows);
        return app;
    }

    /// <summary>
    /// <c>/health</c>: the app runs and its database answers (compose, the proxy). <c>/health/ready</c>: also on the
    /// schema it expects, ready for students. Both answer a word (Healthy, Unhealthy), never a check's error text.
    /// </summary>
    public static IEndpointRouteBuilder MapObservabilityFeature(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Live) });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) });
        return app;
    }
}
