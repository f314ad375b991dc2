using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
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

    [Fact]
    public async Task EachClientBehindTheProxyHasItsOwnSignInLimitAndForgingTheHeaderEarnsNoFreshOne()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin(("ForwardedHeaders:KnownProxies:0", Proxy),
            ("RateLimits:SignInPerIp:PermitLimit", "2"), ("RateLimits:SignInPerIp:Window", "00:10:00")));

        async Task<HttpStatusCode> SignInAsync(string sender, string forwardedFor)
        {
            using var client = new HttpClient(new CookieContainerHandler
            {
                InnerHandler = app.Server.CreateHandler(context => context.Connection.RemoteIpAddress = IPAddress.Parse(sender)),
            })
            {
                BaseAddress = new Uri("http://localhost"),
            };
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
            using var response = await client.SignInAsync($"guess-{Guid.NewGuid():N}@quiz.local", "Wrong-Password-1");
            return response.StatusCode;
        }

        // Two students behind the proxy: one uses up their own allowance, the other still has theirs.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests],
            [await SignInAsync(Proxy, Client), await SignInAsync(Proxy, Client), await SignInAsync(Proxy, Client)]);
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(Proxy, "198.51.100.8"));
        // A guesser on the internet claiming a new address each time is counted by its own.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests],
            [await SignInAsync("203.0.113.9", "192.0.2.1"), await SignInAsync("203.0.113.9", "192.0.2.2"),
             await SignInAsync("203.0.113.9", "192.0.2.3")]);
    }
}
