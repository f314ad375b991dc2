using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;
using Microsoft.Extensions.Options;

namespace QuizPlatform.Web.Features.PublicSite;

public static class PublicSiteFeature
{
    /// <summary>
    /// The public base URL (checked at start-up), the links built on it, the hosts the app answers to, and the TLS
    /// proxies it believes.
    /// </summary>
    public static IServiceCollection AddPublicSiteFeature(this IServiceCollection services)
    {
        services.AddOptions<PublicSiteOptions>().BindConfiguration(PublicSiteOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PublicSiteOptions>, PublicSiteValidation>();
        services.AddScoped<PublicLinks>();

        // Unset AllowedHosts outside Development: the public host, and localhost for the container's own health probe.
        services.AddOptions<HostFilteringOptions>()
            .PostConfigure<IConfiguration, IHostEnvironment, IOptions<PublicSiteOptions>>((filtering, configuration, environment, site) =>
            {
                if (string.IsNullOrEmpty(configuration["AllowedHosts"]) && !environment.IsDevelopment() && site.Value.BaseUri is { } uri)
                    filtering.AllowedHosts = [uri.Host, "localhost"];
            });

        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section)
            .Validate(proxies => ProxyOptions.Given(proxies.KnownProxies).All(p => IPAddress.TryParse(p, out _))
                                 && ProxyOptions.Given(proxies.KnownNetworks).All(n => IPNetwork.TryParse(n, out _)),
                "ForwardedHeaders:KnownProxies must hold IP addresses and ForwardedHeaders:KnownNetworks CIDR networks (10.0.0.0/8).")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IOptions<ProxyOptions>>((forwarded, proxies) =>
            {
                forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                // The defaults (loopback) stay: a proxy on the same machine is trusted as before.
                foreach (var proxy in ProxyOptions.Given(proxies.Value.KnownProxies))
                    forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
                foreach (var network in ProxyOptions.Given(proxies.Value.KnownNetworks))
                    forwarded.KnownIPNetworks.Add(IPNetwork.Parse(network));
            });
        return services;
    }

    /// <summary>
    /// First in the pipeline: behind a known proxy, <c>Request.IsHttps</c> (secure cookies, HSTS) and the client's
    /// address come from its <c>X-Forwarded-Proto</c> and <c>X-Forwarded-For</c>.
    /// </summary>
    public static IApplicationBuilder UsePublicSite(this IApplicationBuilder app) => app.UseForwardedHeaders();
}

sealed class PublicSiteValidation(IHostEnvironment environment) : IValidateOptions<PublicSiteOptions>
{
    public ValidateOptionsResult Validate(string? name, PublicSiteOptions options) =>
        options.Problem(environment.IsDevelopment()) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
