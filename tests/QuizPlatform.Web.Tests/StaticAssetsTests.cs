using System.Net;
using Microsoft.AspNetCore.Hosting;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests;

/// <summary>
/// What a browser gets for the stylesheets every page links (MapStaticAssets with fingerprinted URLs from
/// <c>@Assets[...]</c>): compressed when it says it can decompress, and kept for a year, since a changed file gets a
/// new URL. A build serves gzip; a publish adds brotli (docs/benchmarks.md, "Page weight"). The compressed copies of
/// a build live under obj/, which only the static web assets manifest maps (a publish puts them in wwwroot): the app is
/// hosted with it here, as the browser tests host it. With a build's manifest MapStaticAssets also reloads edited
/// files and answers everything with no-cache; <c>ReloadStaticAssetsAtRuntime=false</c> gives the headers a publish
/// sends.
/// </summary>
public sealed class StaticAssetsTests
{
    [Fact]
    public async Task StylesheetsAreCompressedAndCachedForAYearUnderTheirFingerprintedUrls()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new QuizAppFactory(database);
        using var client = ServingAssetsAsPublished(factory);
        var signIn = await client.GetPageAsync("/Account/Login");
        var stylesheets = signIn.QuerySelectorAll("link[rel=stylesheet]").Select(link => link.GetAttribute("href")!).ToList();
        Assert.Contains(stylesheets, href => href.StartsWith("lib/bootstrap/dist/css/bootstrap.min.", StringComparison.Ordinal));

        foreach (var href in stylesheets)
        {
            Assert.Matches(@"\.[a-z0-9]{10}\.(styles\.)?css$", href); // the content's fingerprint is in the name
            using var request = new HttpRequestMessage(HttpMethod.Get, href);
            request.Headers.AcceptEncoding.ParseAdd("gzip, br");
            using var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Content.Headers.ContentEncoding.SingleOrDefault() is "gzip" or "br", $"{href} is sent uncompressed");
            Assert.Equal("max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
        }
    }

    [Fact]
    public async Task AStylesheetUnderItsPlainNameIsRevalidatedEachTime()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new QuizAppFactory(database);
        using var client = ServingAssetsAsPublished(factory);

        using var response = await client.GetAsync("/app.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.NotNull(response.Headers.ETag);
    }

    static HttpClient ServingAssetsAsPublished(QuizAppFactory factory) => factory
        .WithWebHostBuilder(host => host.UseStaticWebAssets().UseSetting("ReloadStaticAssetsAtRuntime", "false"))
        .CreateNonRedirectingClient();
}
