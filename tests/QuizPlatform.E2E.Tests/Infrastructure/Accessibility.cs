using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Xunit.Sdk;

namespace QuizPlatform.E2E.Tests.Infrastructure;

/// <summary>
/// axe-core's WCAG 2.1 A and AA rules on what a page shows now, at its own size and at a phone's width. Journeys
/// call <see cref="AssertAccessibleAsync"/> at the states worth checking (a dialog open, the result of an action);
/// <see cref="PageAudit"/> runs the same check on every page a test visited.
/// </summary>
public static class Accessibility
{
    /// <summary>A small phone held upright (the width the issue's audit used).</summary>
    public static readonly ViewportSize Phone = new() { Width = 360, Height = 780 };

    static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        ResultTypes = [ResultType.Violations], // passes and "incomplete" are not reported: only what fails
    };

    /// <summary>Fails with every WCAG 2.1 A/AA violation on the page, at its current size and at <see cref="Phone"/> size.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var violations = await page.AccessibilityViolationsAsync();
        if (violations.Length > 0)
            throw new XunitException($"Accessibility violations on {page.Url}:\n{violations}");
    }

    /// <summary>
    /// Each violation at the page's current size and then at <see cref="Phone"/> size (the page is resized back
    /// afterwards), as readable lines; empty when there are none.
    /// </summary>
    public static async Task<string> AccessibilityViolationsAsync(this IPage page)
    {
        var report = new StringBuilder();
        var size = page.ViewportSize ?? throw new InvalidOperationException("The audit resizes the page: its context needs a viewport.");
        Describe(report, $"{size.Width}x{size.Height}", await RunAsync(page));
        await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        try
        {
            Describe(report, $"{Phone.Width}x{Phone.Height}", await RunAsync(page));
        }
        finally
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
        }
        return report.ToString();
    }

    /// <summary>
    /// A script evaluated in a page has no timeout of its own: a page that stops producing frames or answering held a
    /// CI run until it was stopped. An audit fails after a minute instead.
    /// </summary>
    static Task<AxeResult> RunAsync(IPage page) => SettleAndRunAsync(page).WaitAsync(TimeSpan.FromMinutes(1));

    static async Task<AxeResult> SettleAndRunAsync(IPage page)
    {
        // Bootstrap's buttons fade their colours in over 0.15 s: measured mid-transition, a contrast is neither the
        // old nor the new one. The pointer still rests where the test last clicked, and after a resize it can hover
        // over another button, whose fade starts a frame later. So the pointer moves off the page's content, a
        // frame passes, and every transition is finished: each run measures what stays on screen. Should two frames
        // not come within a second (a page behind others may get none), the transitions are finished all the same.
        await page.Mouse.MoveAsync(0, 0);
        await page.EvaluateAsync("""
            () => new Promise(done => {
                const finish = () => { document.getAnimations().forEach(animation => animation.finish()); done(); };
                const fallback = setTimeout(finish, 1000);
                requestAnimationFrame(() => requestAnimationFrame(() => { clearTimeout(fallback); finish(); }));
            })
            """);
        return await page.RunAxe(Wcag21AA);
    }

    static void Describe(StringBuilder report, string viewport, AxeResult result)
    {
        foreach (var rule in result.Violations)
        {
            report.AppendLine($"- [{viewport}] {rule.Id} ({rule.Impact}): {rule.Help} {rule.HelpUrl}");
            foreach (var node in rule.Nodes)
            {
                var failures = node.Any.Concat(node.All).Concat(node.None).Select(check => check.Message);
                report.AppendLine($"    {node.Target}: {string.Join(" / ", failures)}");
            }
        }
    }
}
