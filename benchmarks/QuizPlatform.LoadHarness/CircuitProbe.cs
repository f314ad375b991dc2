using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using QuizPlatform.Data.Demo;

namespace QuizPlatform.LoadHarness;

/// <summary>What the probe opens and where: the app's address and process, the circuits to hold, and who signs in.</summary>
public sealed record CircuitProbeSettings(Uri App, int ProcessId, IReadOnlyList<int> Steps, int PagesPerContext, string Path,
    IReadOnlyList<string> Students, string Password);

/// <summary>
/// Memory per Blazor circuit, measured from outside: real interactive-server connections from Debian's Chromium
/// (signed-in students on a page that opens a circuit: the home page, whose quiz list is interactive), the app's
/// managed heap after full GCs with none and with K of them (<see cref="ManagedHeap"/>), and the difference over K.
/// Several pages share a browser context (one sign-in) and Chromium shares renderer processes, so the browser stays
/// small next to the app on a 2-core machine. Steps are cumulative: pages already open stay open.
/// </summary>
public static class CircuitProbe
{
    // Chromium must only ever reach this machine; renderer processes are shared, or 100 tabs would be 100 processes.
    static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        "--renderer-process-limit=4", "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
    ];

    public static CircuitProbeSettings Parse(IReadOnlyDictionary<string, string> options) => new(
        new Uri(options["--url"]),
        int.Parse(options["--pid"], CultureInfo.InvariantCulture),
        [.. (options.GetValueOrDefault("--circuits") ?? "25,50,100").Split(',').Select(k => int.Parse(k, CultureInfo.InvariantCulture)).Where(k => k > 0).Distinct().Order()],
        int.Parse(options.GetValueOrDefault("--per-context") ?? "10", CultureInfo.InvariantCulture),
        options.GetValueOrDefault("--path") ?? "/",
        options.TryGetValue("--students", out var students) ? students.Split(',') : DemoDataSeeder.StudentEmails,
        options.GetValueOrDefault("--password") ?? DemoDataSeeder.Password);

    public static async Task<bool> RunAsync(CircuitProbeSettings settings, TextWriter output)
    {
        output.WriteLine($"Circuit probe: {settings.App}{settings.Path.TrimStart('/')} in process {settings.ProcessId}, "
            + $"{settings.PagesPerContext} pages per signed-in browser context; load average {DeadlineRush.LoadAverage()}");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs,
        });

        // The baseline follows one interactive page served and left (a full navigation away disconnects its circuit),
        // so what grows from it is circuits, not the first request's caches.
        var contexts = new List<IBrowserContext> { await OpenContextAsync(browser, settings, 0) };
        var warmUp = await contexts[0].NewPageAsync();
        await OpenInteractiveAsync(warmUp, settings.Path);
        await warmUp.GotoAsync(StaticPage);
        await warmUp.CloseAsync();
        var baseline = await ManagedHeap.SettledAsync(settings.ProcessId);
        output.WriteLine($"  0 circuits: managed heap {Megabytes(baseline)} after full GCs, app RSS {ResidentMegabytes(settings.ProcessId)}");

        var (open, previous, previousCount, ok) = (0, baseline, 0, true);
        foreach (var target in settings.Steps)
        {
            var opening = Stopwatch.StartNew();
            while (open < target)
            {
                if (contexts[^1].Pages.Count >= settings.PagesPerContext)
                    contexts.Add(await OpenContextAsync(browser, settings, contexts.Count));
                var context = contexts[^1];
                var batch = Math.Min(target - open, settings.PagesPerContext - context.Pages.Count);
                await Task.WhenAll(Enumerable.Range(0, batch).Select(async _ => await OpenInteractiveAsync(await context.NewPageAsync(), settings.Path)));
                open += batch;
            }
            var heap = await ManagedHeap.SettledAsync(settings.ProcessId);
            var perCircuit = (heap - baseline) / 1024.0 / target;
            var sincePrevious = (heap - previous) / 1024.0 / (target - previousCount);
            ok &= perCircuit <= 300;
            output.WriteLine($"  {target} circuits (opened in {opening.Elapsed.TotalSeconds:F1} s): managed heap {Megabytes(heap)}, "
                + $"app RSS {ResidentMegabytes(settings.ProcessId)}: {perCircuit:F0} KB per circuit ({sincePrevious:F0} KB each since the step before); "
                + $"load average {DeadlineRush.LoadAverage()}");
            (previous, previousCount) = (heap, target);
        }
        foreach (var context in contexts)
            await context.CloseAsync();
        output.WriteLine(ok ? "Every step within 300 KB per circuit." : "Over 300 KB per circuit.");
        return ok;
    }

    // A signed-in page without a circuit (Identity's pages are static), where sign-in lands.
    const string StaticPage = "Account/Manage";

    /// <summary>A browser context signed in (through the login form) as the next student, round robin; it has no page open.</summary>
    static async Task<IBrowserContext> OpenContextAsync(IBrowser browser, CircuitProbeSettings settings, int index)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = settings.App.ToString() });
        context.SetDefaultTimeout(120_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("Account/Login?ReturnUrl=" + Uri.EscapeDataString("/" + StaticPage));
        await page.GetByLabel("Email").FillAsync(settings.Students[index % settings.Students.Count]);
        await page.GetByLabel("Password").FillAsync(settings.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).WaitForAsync();
        await page.CloseAsync();
        return context;
    }

    /// <summary>A page whose circuit is up: interactive pages set <c>data-interactive="true"</c> once rendered over it.</summary>
    static async Task OpenInteractiveAsync(IPage page, string path)
    {
        await page.GotoAsync(path.TrimStart('/'));
        await page.Locator("[data-interactive=true]").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024:F1} MB";

    static string ResidentMegabytes(int processId) =>
        File.ReadLines($"/proc/{processId}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)) is { } line
            ? $"{long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024} MB"
            : "n/a";
}
