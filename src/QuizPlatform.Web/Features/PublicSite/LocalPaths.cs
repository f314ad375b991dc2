namespace QuizPlatform.Web.Features.PublicSite;

/// <summary>Where a link's <c>return</c> address may lead: only to a path of this site.</summary>
public static class LocalPaths
{
    /// <summary>
    /// True for a path of this site ("/quizzes/3/requests"); false for another site, however it is spelt. A path must
    /// also be a well-formed address: browsers drop a tab or line end inside one, so "/\t/evil.example" led to
    /// "//evil.example", another site.
    /// </summary>
    public static bool IsLocal(string? path) =>
        path is { Length: > 0 } p && p.StartsWith('/') && !p.StartsWith("//") && !p.Contains('\\')
        && Uri.IsWellFormedUriString(p, UriKind.Relative);
}
