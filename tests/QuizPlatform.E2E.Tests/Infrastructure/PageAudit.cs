using System.Text;
using System.Text.RegularExpressions;
using System.Web;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QuizPlatform.Data.Entities;
using Xunit.Sdk;

namespace QuizPlatform.E2E.Tests.Infrastructure;

/// <summary>
/// Every page a test's browser contexts showed, audited with axe (<see cref="Accessibility"/>) once the test is over.
/// Each context records the addresses its pages' main frames went to: full loads and Blazor's enhanced navigation
/// alike (Playwright reports a history.pushState as a main-frame navigation). At the end of the test each address is
/// reopened in its own context, so as the same signed-in user, and audited at desktop and phone widths, unless the
/// same page was already audited for the same role in this test run, on any site: the page is known by its route
/// (numeric ids and GUIDs in the path stand for any, query values do not matter, their keys do). Auditing each route
/// once per run rather than once per site keeps the suite within its time (axe takes about a second per page and
/// width on the 2-core CI machine); the price is that a route is audited with one site's data. The contexts are
/// closed afterwards.
/// </summary>
public sealed partial class PageAudit(Func<IServiceProvider> services)
{
    static readonly HashSet<string> AuditedInThisRun = [];

    readonly Lock _gate = new();
    readonly List<(IBrowserContext Context, List<string> Urls)> _contexts = [];
    readonly HashSet<string> _audited = [];

    /// <summary>
    /// The pages this site's journeys visited that are audited, here or earlier in the run, as "role route"
    /// (e.g. <c>Instructor /quizzes/{id}/edit</c>).
    /// </summary>
    public IReadOnlyCollection<string> Audited
    {
        get
        {
            lock (_gate)
                return [.. _audited];
        }
    }

    /// <summary>Records where <paramref name="context"/>'s pages go from now on; call before it opens a page.</summary>
    public void Watch(IBrowserContext context)
    {
        var urls = new List<string>();
        lock (_gate)
            _contexts.Add((context, urls));
        context.Page += (_, page) => page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame)
                lock (_gate)
                    urls.Add(frame.Url);
        };
    }

    /// <summary>
    /// Audits each page the watched contexts visited that this site has not audited for the same role, closes the
    /// contexts, and fails with every violation found.
    /// </summary>
    public async Task AuditAndCloseAsync()
    {
        List<(IBrowserContext Context, List<string> Urls)> contexts;
        lock (_gate)
        {
            contexts = [.. _contexts.Select(c => (c.Context, c.Urls.ToList()))];
            _contexts.Clear();
        }
        var report = new StringBuilder();
        foreach (var (context, urls) in contexts)
        {
            try
            {
                await AuditAsync(context, urls, report);
            }
            finally
            {
                await context.CloseAsync();
            }
        }
        if (report.Length > 0)
            throw new XunitException($"Accessibility violations (axe, WCAG 2.1 A/AA) on pages this test visited:\n{report}");
    }

    async Task AuditAsync(IBrowserContext context, IReadOnlyList<string> urls, StringBuilder report)
    {
        // Not audited: about:blank (a new page before its first navigation) and anything not served by the site.
        // Downloads (CSV exports) never become a page, so they are not recorded at all. The audit sees a page as a
        // fresh GET shows it now; states that only an action shows are the journeys' own AssertAccessibleAsync calls.
        var pages = urls.Where(url => url.StartsWith("http", StringComparison.Ordinal)).Distinct().ToList();
        if (pages.Count == 0)
            return;
        var role = await SignedInRoleAsync(context);
        IPage? auditPage = null;
        foreach (var url in pages)
        {
            var page = $"{role} {RouteOf(url)}";
            lock (_gate)
                if (!_audited.Add(page))
                    continue;
            lock (AuditedInThisRun)
                if (!AuditedInThisRun.Add(page))
                    continue;
            if (auditPage is null)
            {
                auditPage = await context.NewPageAsync();
                await auditPage.BringToFrontAsync(); // the test's own pages are done with: the audit's is the one shown
            }
            await auditPage.GotoAsync(url);
            // A page that becomes interactive renders again once its circuit runs: audit what the user then sees.
            await auditPage.WaitForFunctionAsync("() => document.querySelector('[data-interactive=false]') === null");
            var violations = await ViolationsWhereItSettlesAsync(auditPage);
            if (violations.Length > 0)
                report.Append($"{url} (as {role}, now at {auditPage.Url}):\n{violations}");
        }
    }

    /// <summary>
    /// The page's violations, once it stays put: some pages move on by themselves when reopened (a quiz handed in
    /// meanwhile goes to its results), which destroys the document axe is reading. Then the page it went to is audited.
    /// </summary>
    static async Task<string> ViolationsWhereItSettlesAsync(IPage page)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await page.AccessibilityViolationsAsync();
            }
            catch (PlaywrightException moved) when (attempt < 3 && moved.Message.Contains("Execution context was destroyed"))
            {
                await page.WaitForLoadStateAsync(LoadState.Load);
            }
        }
    }

    /// <summary>The claim in a cookie that holds a server-side session's key (ASP.NET Core's cookie handler names it).</summary>
    const string SessionIdClaim = "Microsoft.AspNetCore.Authentication.Cookies-SessionId";

    /// <summary>
    /// The roles of the user signed in to <paramref name="context"/>, read from its sign-in cookie with the app's own
    /// key: what the server decides a page by, whatever the test did before.
    /// </summary>
    async Task<string> SignedInRoleAsync(IBrowserContext context)
    {
        var app = services();
        var cookie = app.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var request = new DefaultHttpContext();
        request.Request.Headers.Cookie = string.Join("; ", (await context.CookiesAsync()).Select(c => $"{c.Name}={c.Value}"));
        var value = cookie.CookieManager.GetRequestCookie(request, cookie.Cookie.Name!);
        var ticket = value is null ? null : cookie.TicketDataFormat.Unprotect(value);
        // The cookie holds only the session's key; the principal is in the server's session store.
        if (ticket?.Principal.FindFirst(SessionIdClaim)?.Value is { } sessionKey && cookie.SessionStore is { } sessions)
            ticket = await sessions.RetrieveAsync(sessionKey);
        var userId = ticket?.Principal.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        if (userId is null)
            return "anonymous";
        using var scope = app.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId);
        return user is null ? "anonymous" : string.Join("+", (await users.GetRolesAsync(user)).Order());
    }

    /// <summary>The page an address shows, whichever record it shows: <c>/quizzes/{id}/edit?tab</c>.</summary>
    public static string RouteOf(string url)
    {
        var uri = new Uri(url);
        var path = uri.AbsolutePath == "/" ? "/" : Identifier().Replace(uri.AbsolutePath.TrimEnd('/'), "/{id}");
        var keys = HttpUtility.ParseQueryString(uri.Query).AllKeys.Order();
        return keys.Any() ? $"{path}?{string.Join('&', keys)}" : path;
    }

    [GeneratedRegex("/([0-9]+|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?=/|$)")]
    private static partial Regex Identifier();
}
