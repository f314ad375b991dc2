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
