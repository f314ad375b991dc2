using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace QuizPlatform.E2E.Tests.Infrastructure;

/// <summary>The audit itself: it finds what it should, where the journeys went, and reads like a bug report.</summary>
public sealed class AccessibilityAuditTests(QuizSite site, ITestOutputHelper output) : Journey(site, output)
{
    [Fact]
    public async Task AViolationIsReportedWithItsRuleImpactAndElementAtBothWidths()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("Account/Login");
        await page.EvaluateAsync("""
            () => document.querySelector('main').insertAdjacentHTML('beforeend',
                '<p id="faint" style="color:#aaa;background:#fff">Hard to read</p>')
            """);

        var failure = await Assert.ThrowsAsync<Xunit.Sdk.XunitException>(() => page.AssertAccessibleAsync());

        Assert.Contains("[1280x720] color-contrast (serious)", failure.Message);
        Assert.Contains("[360x780] color-contrast (serious)", failure.Message);
        Assert.Contains("#faint: Element has insufficient color contrast of 2.32", failure.Message);
        Assert.Equal(1280, page.ViewportSize!.Width); // put back as it was
    }

    [Fact]
    public async Task PagesReachedByEnhancedNavigationAreAuditedOncePerRole()
    {
        var page = await site.NewPageAsync();
        await page.SignInAsync(QuizSite.AdminEmail, QuizSite.AdminPassword);
        await page.MainNavigationLinks().GetByText("Users").ClickAsync(); // Blazor's enhanced navigation: no page load
        await Expect(page).ToHaveURLAsync(new Regex("/admin/users$"));
        await page.GotoAsync("assignments/1?version=1");
        await page.GotoAsync("assignments/1?version=1");

        await site.Audit.AuditAndCloseAsync();

        Assert.Contains("Admin /admin/users", site.Audit.Audited);
        Assert.Contains("Admin /assignments/{id}?version", site.Audit.Audited);
        Assert.Contains("Admin /Account/Login", site.Audit.Audited); // reopened as whoever the context is now
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/", "/")]
    [InlineData("http://127.0.0.1:5000/quizzes/12/edit", "/quizzes/{id}/edit")]
    [InlineData("http://127.0.0.1:5000/attempts/7/results#q3", "/attempts/{id}/results")]
    [InlineData("http://127.0.0.1:5000/assignments/1/questions/4/keywords?quiz=2&alternative=x&for=y",
        "/assignments/{id}/questions/{id}/keywords?alternative&for&quiz")]
    [InlineData("http://127.0.0.1:5000/invite/0f8fad5b-d9cb-469f-a165-70867728950e", "/invite/{id}")]
    [InlineData("http://127.0.0.1:5000/quizzes/new", "/quizzes/new")]
    public void APageIsKnownByItsRouteNotItsRecord(string url, string route) =>
        Assert.Equal(route, PageAudit.RouteOf(url));
}
