using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Components;

namespace QuizPlatform.Web.Components.Shared;

/// <summary>
/// Renders user-supplied Markdown safely: raw HTML is emitted as text, and links or images whose address is not
/// http(s), mailto or relative lose it (so a <c>javascript:</c> link does nothing).
/// </summary>
public static class MarkdownRenderer
{
    static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .DisableHtml()
        .Build();

    public static MarkupString ToHtml(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url))
                link.Url = "";
        }
        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            if (!autolink.IsEmail && !IsSafe(autolink.Url))
                autolink.Url = "";
        }
        return new MarkupString(document.ToHtml(Pipeline));
    }

    static bool IsSafe(string? url)
    {
        var trimmed = url?.Trim() ?? "";
        var colon = trimmed.IndexOf(':');
        var pathStart = trimmed.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (pathStart >= 0 && pathStart < colon))
            return true; // relative: no scheme
        return trimmed[..colon].ToLowerInvariant() is "http" or "https" or "mailto";
    }
}
