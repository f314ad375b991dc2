using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Caching.Memory;

namespace QuizPlatform.Web.Components.Shared;

/// <summary>
/// Renders user-supplied Markdown safely: raw HTML is emitted as text, and a link or image whose address is not
/// http(s), mailto or relative is left as its words (so a <c>javascript:</c> link is no link at all).
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
        // An empty address would still be a link (to the home page, by the base address): keep only the words.
        foreach (var link in document.Descendants<LinkInline>().Where(l => !IsSafe(l.Url)).ToList())
            Unwrap(link);
        foreach (var autolink in document.Descendants<AutolinkInline>().Where(a => !a.IsEmail && !IsSafe(a.Url)).ToList())
            autolink.Remove();
        return new MarkupString(document.ToHtml(Pipeline));
    }

    /// <summary>Puts a link's text (an image's alternative text) in its place.</summary>
    static void Unwrap(LinkInline link)
    {
        for (var child = link.FirstChild; child is not null;)
        {
            var next = child.NextSibling;
            child.Remove();
            link.InsertBefore(child);
            child = next;
        }
        link.Remove();
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
