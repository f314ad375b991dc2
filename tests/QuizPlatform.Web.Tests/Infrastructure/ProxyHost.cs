using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using QuizPlatform.Proxy;
using Yarp.ReverseProxy.Model;

namespace QuizPlatform.Web.Tests.Infrastructure;

/// <summary>
/// QuizPlatform.Proxy as shipped (its own appsettings.json: affinity, health checks, timeouts) on a loopback port, in
/// front of the given app instances, which stand in for the file's <c>app1</c>, <c>app2</c>. Each answer it relays
/// names the instance that served it in <see cref="ServedBy"/>, a header only this test host adds.
/// </summary>
public sealed class ProxyHost : IAsyncDisposable
{
    public const string ServedBy = "X-Test-Served-By";

    private readonly WebApplication _app;

    private ProxyHost(WebApplication app) => (_app, Address) = (app, new Uri(app.Urls.Single()));

    public Uri Address { get; }

    public static async Task<ProxyHost> StartAsync(params Uri[] instances)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = Path.Combine(Repository.Root, "src", "QuizPlatform.Proxy"),
            EnvironmentName = "Testing",
        });
        builder.Configuration.AddInMemoryCollection(instances.Select((address, i) =>
            KeyValuePair.Create($"ReverseProxy:Clusters:quiz:Destinations:app{i + 1}:Address", (string?)address.ToString())));
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddQuizProxy();

        var app = builder.Build();
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (context.Features.Get<IReverseProxyFeature>()?.ProxiedDestination is { } instance)
                    context.Response.Headers[ServedBy] = instance.DestinationId;
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.MapQuizProxy();
        await app.StartAsync();
        return new ProxyHost(app);
    }

    /// <summary>A client of the proxy as a browser is: its own cookies (the affinity cookie among them), no redirects followed.</summary>
    public HttpClient CreateClient(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies ?? new CookieContainer() }) { BaseAddress = Address };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
