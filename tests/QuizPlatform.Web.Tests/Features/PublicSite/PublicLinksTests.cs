using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QuizPlatform.Web.Features.PublicSite;

namespace QuizPlatform.Web.Tests.Features.PublicSite;

/// <summary>Where a mailed link points: under the public base URL (its path kept), else the page's own origin.</summary>
public sealed class PublicLinksTests : BunitContext
{
    [Theory]
    [InlineData("https://school.example/quiz", "https://school.example/quiz/Account/ResetPassword?code=a%2Bb%26c")]
    [InlineData("https://school.example/quiz/", "https://school.example/quiz/Account/ResetPassword?code=a%2Bb%26c")]
    [InlineData(null, "http://localhost/Account/ResetPassword?code=a%2Bb%26c")] // Development: bUnit's page origin
    public void LinkStartsWithThePublicBaseUrlAndEscapesItsQuery(string? publicBaseUrl, string expected)
    {
        var links = new PublicLinks(Options.Create(new PublicSiteOptions { PublicBaseUrl = publicBaseUrl }),
            Services.GetRequiredService<NavigationManager>());

        Assert.Equal(expected, links.To("Account/ResetPassword", new Dictionary<string, object?> { ["code"] = "a+b&c" }));
    }
}
