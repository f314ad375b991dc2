using System.Text.Json;
using QuizPlatform.E2E.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QuizPlatform.E2E.Tests.Journeys;

/// <summary>
/// How soon a page shows on a slow phone connection: Chromium throttled through the DevTools protocol to 400 kbit/s
/// each way with 400 ms round trips and a CPU 4 times slower, against a site that is already running (a Release
/// publish, see docs/benchmarks.md), named by <c>PAGE_WEIGHT_URL</c>. Skipped without it: it measures, it does not test.
/// Run: <c>PAGE_WEIGHT_URL=http://127.0.0.1:5187/ dotnet test tests/QuizPlatform.E2E.Tests --no-build
/// --filter "FullyQualifiedName~PageWeightBenchmark" --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class PageWeightBenchmark(ITestOutputHelper output)
{
    const int Runs = 5;
    static readonly string? Site = Environment.GetEnvironmentVariable("PAGE_WEIGHT_URL");

    public sealed class BenchmarkFactAttribute : FactAttribute
    {
        public BenchmarkFactAttribute()
        {
            if (Site is null)
                Skip = "A measurement, not a test: set PAGE_WEIGHT_URL to a running site to take it.";
        }
    }

    [BenchmarkFact]
    public async Task SignInPageFirstAndRepeatVisitOnASlowPhoneConnection()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var first = new List<Visit>();
        var repeat = new List<Visit>();
        for (var run = 0; run < Runs; run++)
        {
            // A new context each run: an empty cache for the first visit, the first visit's cache for the repeat.
            await using var context = await browser.NewContextAsync(new() { BaseURL = Site, ViewportSize = Accessibility.Phone });
            var page = await context.NewPageAsync();
            await ThrottleAsync(page);
            first.Add(await VisitAsync(page, "Account/Login"));
            repeat.Add(await VisitAsync(page, "Account/ForgotPassword"));
        }
        output.WriteLine($"{Site}, median of {Runs}, 400 kbit/s, 400 ms RTT, CPU x4, 360x780:");
        output.WriteLine($"first visit (empty cache): {Median(first)}");
        output.WriteLine($"repeat visit (another page): {Median(repeat)}");
    }

    static async Task ThrottleAsync(IPage page)
    {
        var devTools = await page.Context.NewCDPSessionAsync(page);
        await devTools.SendAsync("Network.enable");
        await devTools.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false, ["latency"] = 400, ["downloadThroughput"] = 400_000 / 8, ["uploadThroughput"] = 400_000 / 8,
        });
        await devTools.SendAsync("Emulation.setCPUThrottlingRate", new Dictionary<string, object> { ["rate"] = 4 });
    }

    static async Task<Visit> VisitAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load, Timeout = 120_000 });
        // An error page is light too: a site in Production over plain HTTP needs Accounts__SecureCookies=false.
        Assert.True(response!.Ok, $"{response.Url} answered {response.Status}");
        var json = await page.EvaluateAsync<JsonElement>("""
            () => {
                const paint = name => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
                const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
                return {
                    firstPaint: paint('first-paint'), firstContentfulPaint: paint('first-contentful-paint'),
                    load: performance.getEntriesByType('navigation')[0].loadEventStart,
                    transferred: entries.reduce((sum, e) => sum + e.transferSize, 0),
                    requests: entries.length,
                };
            }
            """);
        return new Visit(json.GetProperty("firstPaint").GetDouble(), json.GetProperty("firstContentfulPaint").GetDouble(),
            json.GetProperty("load").GetDouble(), json.GetProperty("transferred").GetDouble(), json.GetProperty("requests").GetInt32());
    }

    static string Median(List<Visit> visits)
    {
        double M(Func<Visit, double> of) => visits.Select(of).Order().ElementAt(visits.Count / 2);
        return $"FP {M(v => v.FirstPaint):F0} ms, FCP {M(v => v.FirstContentfulPaint):F0} ms, load {M(v => v.Load):F0} ms, " +
            $"{M(v => v.Transferred) / 1000:F1} kB over the network in {M(v => v.Requests):F0} requests";
    }

    sealed record Visit(double FirstPaint, double FirstContentfulPaint, double Load, double Transferred, int Requests);
}
