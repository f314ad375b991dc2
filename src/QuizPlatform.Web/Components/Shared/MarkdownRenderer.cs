using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Caching.Memory;

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

    // Keyed by the text itself, so nothing needs invalidating; bounded by characters kept (~8 MB of prompts).
    static readonly MemoryCache Rendered = new(new MemoryCacheOptions { SizeLimit = 4_000_000 });

    /// <summary>
    /// <see cref="ToHtml"/> for text that many people are shown at once (a question's prompt, on every student's
    /// attempt page when a class starts): rendered once, then served from memory while it is still being asked for.
    /// </summary>
    public static MarkupString ToSharedHtml(string markdown) =>
        Rendered.GetOrCreate(markdown, entry =>
        {
            entry.Size = markdown.Length + 1;
            entry.SlidingExpiration = TimeSpan.FromHours(1);
            return ToHtml(markdown);
        });

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
