using System.Net;
using Microsoft.AspNetCore.Http;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.PublicSite;

/// <summary>
/// Behind the TLS proxy the app sees the client's address and HTTPS from X-Forwarded-For/Proto; the same headers
/// from anyone else are ignored, so nobody outside can pass for another address or for HTTPS.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string Proxy = "10.0.0.5";
    private const string Client = "198.51.100.7";

    [Theory]
    [InlineData(Proxy, Client, true)]                 // the configured proxy
    [InlineData("127.0.0.1", Client, true)]           // a proxy on the same machine, trusted without configuration
    [InlineData("203.0.113.9", "203.0.113.9", false)] // anyone on the internet sending the headers themselves
    [InlineData("10.0.0.6", "10.0.0.6", false)]       // a neighbour of the proxy
    public async Task OnlyAKnownProxyIsBelieved(string sender, string seenAs, bool seenAsHttps)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin(("ForwardedHeaders:KnownProxies:0", Proxy)));

        var context = await app.Server.SendAsync(request =>
        {
            request.Request.Method = HttpMethods.Get;
            request.Request.Path = "/Account/Login";
            request.Connection.RemoteIpAddress = IPAddress.Parse(sender);
            request.Request.Headers["X-Forwarded-For"] = Client;
            request.Request.Headers["X-Forwarded-Proto"] = "https";
        });

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Equal(IPAddress.Parse(seenAs), context.Connection.RemoteIpAddress);
        Assert.Equal(seenAsHttps, context.Request.IsHttps);
    }
}
