using QuizPlatform.Web.Components.Shared;

namespace QuizPlatform.Web.Tests.Features;

public sealed class MarkdownRendererTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("Click <img src=x onerror=alert(1)>", "<img")]
    [InlineData("[go](javascript:alert(1))", "javascript:")]
    [InlineData("[go](JavaScript:alert(1))", "JavaScript:")]
    [InlineData("<javascript:alert(1)>", "javascript:")]
    [InlineData("![x](data:text/html;base64,PHNjcmlwdD4=)", "data:")]
    public void HostileMarkupComesOutInert(string markdown, string forbidden)
    {
        var html = MarkdownRenderer.ToHtml(markdown).Value;

        Assert.DoesNotContain(forbidden, html);
    }

    [Theory]
    [InlineData("See [this](javascript:alert(1)) first.", "<p>See this first.</p>\n")]
    [InlineData("See [this][x] first.\n\n[x]: javascript:alert(1)", "<p>See this first.</p>\n")]
    [InlineData("A ![chart](vbscript:msgbox) here.", "<p>A chart here.</p>\n")]
    [InlineData("Open <javascript:alert(1)> now.", "<p>Open  now.</p>\n")]
    public void AnUnsafeLinkKeepsItsWordsAndLeadsNowhere(string markdown, string expected)
    {
        // An emptied address would still be a link, to the home page: a student clicking it in a question left the quiz.
        Assert.Equal(expected, MarkdownRenderer.ToHtml(markdown).Value);
    }

    [Theory]
    [InlineData("**bold** and `code`", "<strong>bold</strong> and <code>code</code>")]
    [InlineData("[docs](https://example.org/a)", "<a href=\"https://example.org/a\">docs</a>")]
    [InlineData("[next](assignments/2)", "<a href=\"assignments/2\">next</a>")]
    [InlineData("- one\n- two", "<li>two</li>")]
    public void OrdinaryMarkdownIsRendered(string markdown, string expected)
    {
        var html = MarkdownRenderer.ToHtml(markdown).Value;

        Assert.Contains(expected, html);
    }
}
