using Microsoft.AspNetCore.Authentication.Cookies;

namespace QuizPlatform.Web.Features.Accounts;

/// <summary>Endpoint metadata: a request for this endpoint is served alike to everyone and reads no session.</summary>
public sealed class NoSession
{
    public static readonly NoSession Metadata = new();

    NoSession()
    {
    }
}

/// <summary>
/// The sign-in cookie as the framework reads and writes it (in chunks), except that an endpoint marked
/// <see cref="NoSession"/> does not see it: its request is anonymous and costs no <see cref="SessionTicketStore"/>
/// read. The static files are marked: a page's first load fetches a score of scripts and styles, each of which read the
/// session row before, and when the database is overloaded they failed with it, the busy page's own styles included.
/// </summary>
public sealed class SessionCookieManager : ICookieManager
{
    readonly ChunkingCookieManager _cookies = new();

    public string? GetRequestCookie(HttpContext context, string key) =>
        context.GetEndpoint()?.Metadata.GetMetadata<NoSession>() is null ? _cookies.GetRequestCookie(context, key) : null;

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options) =>
        _cookies.AppendResponseCookie(context, key, value, options);

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) => _cookies.DeleteCookie(context, key, options);
}
