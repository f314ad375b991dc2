namespace QuizPlatform.E2E.Tests.Infrastructure;

/// <summary>
/// What the browser refused under the site's Content-Security-Policy, as Chromium reports it on the console
/// ("Executing inline script violates the following Content Security Policy directive ...", or in older
/// versions "Refused to load ... because it violates the following ...").
/// Every journey runs under the real policy: a page that needs something the policy refuses fails its test
/// (<see cref="Journey"/>) instead of passing here and breaking in production.
/// </summary>
public sealed class PolicyViolations
{
    public const string Marker = "violates the following Content Security Policy directive";

    readonly Lock _gate = new();
    readonly List<string> _refused = [];

    /// <summary>Records the refusals on every page of <paramref name="context"/>; call before it opens a page.</summary>
    public void Watch(IBrowserContext context) => context.Page += (_, page) => page.Console += (_, message) =>
    {
        if (message.Text.Contains(Marker, StringComparison.Ordinal))
            lock (_gate)
                _refused.Add($"{page.Url}: {message.Text}");
    };

    /// <summary>The refusals recorded since the last call, which forgets them.</summary>
    public IReadOnlyList<string> Take()
    {
        lock (_gate)
        {
            var refused = _refused.ToList();
            _refused.Clear();
            return refused;
        }
    }
}
