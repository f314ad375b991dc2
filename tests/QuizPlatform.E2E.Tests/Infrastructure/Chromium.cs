using System.Collections.Concurrent;

namespace QuizPlatform.E2E.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium, headless, reaching no host but this machine. Sites borrow a browser (<see cref="RentAsync"/>)
/// and give it back when their tests are done, so a run starts as many browsers as sites run at once, not one per
/// site: starting one (Chromium's browser, GPU and network processes) cost each of the run's 17 sites seconds of CPU.
/// A browser serves one site at a time, as before: a page brought to the front stays there while its test runs (a
/// page behind another reads its focus as "inactive"). Each test browses in browser contexts of its own (own cookies,
/// storage and cache), as before.
/// </summary>
public static class Chromium
{
    // Playwright 1.64's own --disable-features list, repeated because Chromium reads only the last --disable-features
    // on its command line, then ours: each new window (a browser context) starts two omnibox pop-ups rendered as web
    // pages in renderer processes of their own, which a headless browser never shows; they took as much CPU as the
    // site's pages (measured on one journey: 8.4 CPU-s against 6.5).
    static readonly string[] DisabledFeatures =
    [
        "AvoidUnnecessaryBeforeUnloadCheckSync", "DestroyProfileOnBrowserClose", "DialMediaRouteProvider",
        "GlobalMediaControls", "HttpsUpgrades", "LensOverlay", "MediaRouter", "PaintHolding",
        "ThirdPartyStoragePartitioning", "BlockOriginHeaderModificationOnRedirect", "AvoidCorsURLLoaderRestartOnRedirect",
        "Translate", "AutoDeElevate", "OptimizationHints", "NetworkTimeServiceQuerying", "AimEnabled",
        "msForceBrowserSignIn", "msEdgeUpdateLaunchServicesPreferredVersion",
        "WebUIOmniboxPopup", "WebUIOmniboxAimPopup",
    ];

    // Chromium must only ever reach this machine: every other host name fails to resolve.
    static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        $"--disable-features={string.Join(',', DisabledFeatures)}",
    ];

    static readonly ConcurrentBag<IBrowser> Started = [];
    static readonly ConcurrentBag<IBrowser> Idle = [];

    static readonly Lazy<Task<IPlaywright>> Driver = new(async () =>
    {
        var playwright = await Playwright.CreateAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            // Closed as a site's own browser was; the driver, stopping, ends any that do not close in time.
            Task.WhenAll(Started.Select(browser => browser.CloseAsync())).Wait(TimeSpan.FromSeconds(10));
            playwright.Dispose();
        };
        return playwright;
    });

    /// <summary>A browser no other site is using, started if none is idle; <see cref="Return"/> it when done.</summary>
    public static async Task<IBrowser> RentAsync()
    {
        if (Idle.TryTake(out var idle))
            return idle;
        var browser = await LaunchAsync(await Driver.Value);
        Started.Add(browser);
        return browser;
    }

    /// <summary>Gives back a browser from <see cref="RentAsync"/>, its contexts closed; it is closed when the test process ends.</summary>
    public static void Return(IBrowser browser) => Idle.Add(browser);

    /// <summary>A browser of its own, for a caller that closes it.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = Args,
    });
}
