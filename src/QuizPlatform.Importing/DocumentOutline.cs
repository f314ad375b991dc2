using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;

namespace QuizPlatform.Importing;

internal enum OutlineKind { Item, Heading, Other }

/// <summary>
/// One top-level block of the document, as far as the importer cares: an item of an ordered "N." list (each item
/// on its own, since Markdig joins answers and the next questions into one list), a heading, or anything else.
/// </summary>
/// <param name="Line">0-based line where the block starts.</param>
internal sealed record OutlineBlock(OutlineKind Kind, int Line, int Number = 0, int HeadingLevel = 0, string HeadingText = "")
{
    public bool IsSolutionHeading => Kind == OutlineKind.Heading && IsSolutionText(HeadingText);

    /// <summary>"Solution" or "Solutions", any case, with an optional trailing period.</summary>
    private static bool IsSolutionText(string text)
    {
        var word = text.Trim().TrimEnd('.').TrimEnd();
        return word.Equals("Solution", StringComparison.OrdinalIgnoreCase)
            || word.Equals("Solutions", StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>Uses Markdig to find which lines start list items and headings, so that e.g. a "3." in a code fence is text.</summary>
internal static partial class DocumentOutline
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();

    /// <summary>The top-level blocks, or null when Markdig refuses the document as nested too deeply.</summary>
    public static IReadOnlyList<OutlineBlock>? TryRead(string text, IReadOnlyList<string> lines)
    {
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(text, Pipeline);
        }
        catch (ArgumentException) // Markdig's depth limit: thousands of nested quotes or lists
        {
            return null;
        }
        var blocks = new List<OutlineBlock>();
        foreach (var block in document)
        {
            switch (block)
            {
                case ListBlock { IsOrdered: true, OrderedDelimiter: '.' } list:
                    blocks.AddRange(list.OfType<ListItemBlock>().Select(item => new OutlineBlock(OutlineKind.Item, item.Line, Number: item.Order)));
                    break;
                case HeadingBlock heading:
                    // Markdig puts a setext heading on its underline; the heading starts where its span does.
                    var first = text.AsSpan(0, heading.Span.Start).Count('\n');
                    var last = first + text.AsSpan(heading.Span.Start, heading.Span.Length).Count('\n');
                    blocks.Add(new OutlineBlock(OutlineKind.Heading, first, HeadingLevel: heading.Level, HeadingText: HeadingText(heading, lines, first, last)));
                    break;
                default:
                    blocks.Add(new OutlineBlock(OutlineKind.Other, block.Line));
                    break;
            }
        }
        return blocks;
    }

    /// <summary>The heading's Markdown source without its # markers or its setext underline.</summary>
    private static string HeadingText(HeadingBlock heading, IReadOnlyList<string> lines, int first, int last) =>
        heading.IsSetext
            ? string.Join(' ', Enumerable.Range(first, last - first).Select(i => lines[i].Trim()))
            : AtxHeading().Match(lines[first]).Groups["text"].Value;

    [GeneratedRegex(@"^[ ]{0,3}#{1,6}(?:[ \t]+(?<text>.*?))?(?:[ \t]+#+)?[ \t]*$")]
    private static partial Regex AtxHeading();
}
