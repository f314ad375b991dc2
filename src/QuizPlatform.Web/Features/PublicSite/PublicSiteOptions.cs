namespace QuizPlatform.Web.Features.PublicSite;

/// <summary>The <c>App</c> section: where people reach the site.</summary>
public sealed class PublicSiteOptions
{
    public const string Section = "App";

    /// <summary>
    /// The address people open the site at, e.g. <c>https://quiz.example.org/</c>: every link that leaves the site
    /// (password reset, e-mail confirmation and change, invitations) starts with it, never with the request's Host
    /// header. Required outside Development; there, unset, links use the request's own origin (which has passed
    /// <c>AllowedHosts</c>).
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary><see cref="PublicBaseUrl"/> with a trailing slash, so relative paths resolve under it; null when unset.</summary>
    public Uri? BaseUri => PublicBaseUrl is { Length: > 0 } url && Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out var uri) ? uri : null;

    /// <summary>Why the setting cannot be used, or null when it can.</summary>
    public string? Problem(bool isDevelopment) => PublicBaseUrl switch
    {
        null or "" => isDevelopment ? null
            : $"{Section}:PublicBaseUrl is not set: set it to the address people open the site at (e.g. https://quiz.example.org/); links in e-mails are built from it.",
        _ when BaseUri is not { Scheme: "http" or "https" } uri || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0 =>
            $"{Section}:PublicBaseUrl \"{PublicBaseUrl}\" is not an absolute http(s) address without query, fragment or credentials.",
        _ => null,
    };
}
