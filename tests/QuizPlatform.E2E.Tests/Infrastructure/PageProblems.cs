namespace QuizPlatform.E2E.Tests.Infrastructure;

/// <summary>
/// What went wrong on a test's pages that no assertion looks for: what the browser refused under the site's
/// Content-Security-Policy, as Chromium reports it on the console ("Executing inline script violates the following
/// Content Security Policy directive ...", or in older versions "Refused to load ... because it violates the
/// following ..."), and script errors nothing caught. Every journey fails on either (<see cref="Journey"/>), so a page
/// that needs something the policy refuses, or whose script breaks on the way, fails its test instead of passing here
/// and breaking in production.
/// </summary>
public sealed class PageProblems
{
    public const string PolicyMarker = "violates the following Content Security Policy directive";

    readonly Lock _gate = new();
    readonly List<string> _problems = [];

    /// <summary>Records the problems on every page of <paramref name="context"/>; call before it opens a page.</summary>
    public void Watch(IBrowserContext context) => context.Page += (_, page) =>
    {
        page.Console += (_, message) =>
        {
            if (message.Text.Contains(PolicyMarker, StringComparison.Ordinal))
                Add($"{page.Url}: refused under the Content-Security-Policy: {message.Text}");
        };
        page.PageError += (_, error) => Add($"{page.Url}: uncaught script error: {error}");
    };

    /// <summary>The problems recorded since the last call, which forgets them.</summary>
    public IReadOnlyList<string> Take()
    {
        lock (_gate)
        {
            var problems = _problems.ToList();
            _problems.Clear();
            return problems;
        }
    }

    void Add(string problem)
    {
        lock (_gate)
            _problems.Add(problem);
    }
}
