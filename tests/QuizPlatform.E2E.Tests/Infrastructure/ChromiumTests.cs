namespace QuizPlatform.E2E.Tests.Infrastructure;

/// <summary>The browser the journeys share: it runs only the pages the tests open.</summary>
public sealed class ChromiumTests
{
    [Fact]
    public async Task AWindowOpensNoPageOfTheBrowsersOwn()
    {
        var browser = await Chromium.RentAsync();
        try
        {
            var context = await browser.NewContextAsync();
            await (await context.NewPageAsync()).SetContentAsync("<p>A test's page</p>");
            await (await context.NewPageAsync()).SetContentAsync("<p>Another</p>");

            var session = await browser.NewBrowserCDPSessionAsync();
            var targets = await session.SendAsync("Target.getTargets");
            var open = targets!.Value.GetProperty("targetInfos").EnumerateArray()
                .Select(t => $"{t.GetProperty("type").GetString()} {t.GetProperty("url").GetString()}").Order().ToList();
            await session.DetachAsync();
            await context.CloseAsync();

            // Not, per window, Chromium's omnibox pop-ups (chrome://omnibox-popup.top-chrome/), each a renderer process.
            Assert.Equal(["page about:blank", "page about:blank"], open);
        }
        finally
        {
            Chromium.Return(browser);
        }
    }
}
