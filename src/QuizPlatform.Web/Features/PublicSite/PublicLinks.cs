using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace QuizPlatform.Web.Features.PublicSite;

/// <summary>
/// Absolute links for messages that leave the site, built on <see cref="PublicSiteOptions.PublicBaseUrl"/>: a forged
/// Host header cannot put its own address into a password-reset mail. Only in Development, with the setting unset,
/// they use the origin the page was requested at.
/// </summary>
public sealed class PublicLinks(IOptions<PublicSiteOptions> options, NavigationManager navigation)
{
    /// <summary>The absolute link to <paramref name="relativePath"/> (e.g. <c>Account/ResetPassword</c>) with <paramref name="query"/>.</summary>
    public string To(string relativePath, IReadOnlyDictionary<string, object?> query)
    {
        var baseUri = options.Value.BaseUri ?? new Uri(navigation.BaseUri);
        return navigation.GetUriWithQueryParameters(new Uri(baseUri, relativePath).AbsoluteUri, query);
    }
}
