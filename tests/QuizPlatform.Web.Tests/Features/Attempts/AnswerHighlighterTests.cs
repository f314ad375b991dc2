using QuizPlatform.Grading;
using QuizPlatform.Web.Features.Grading;
using QuizPlatform.Web.Features.StudentResults;

namespace QuizPlatform.Web.Tests.Features.Attempts;

public sealed class AnswerHighlighterTests
{
    // Keywords are written "phrase@start+length,start+length"; a trailing "!" makes a keyword unmatched.
    // Segments come back as plain text, marks as [text]{phrase|phrase}.
    [Theory]
    [InlineData("no spans", "", "", "")]
    [InlineData("no keywords: all plain", "pooling helps", "", "pooling helps")]
    [InlineData("one mark in the middle", "use pooling here", "pooling@4+7", "use [pooling]{pooling} here")]
    [InlineData("marks at both ends", "edges and filters", "edges@0+5;filters@10+7", "[edges]{edges} and [filters]{filters}")]
    [InlineData("two spans of one keyword", "edge, edge", "edge@0+4,6+4", "[edge]{edge}, [edge]{edge}")]
    [InlineData("overlapping spans merge with both keywords", "max pooling layer", "max pooling@0+11;pooling layer@4+13", "[max pooling layer]{max pooling|pooling layer}")]
    [InlineData("a span inside another merges into it", "convolution layer", "convolution layer@0+17;layer@12+5", "[convolution layer]{convolution layer|layer}")]
    [InlineData("touching spans stay two marks", "ab", "a@0+1;b@1+1", "[a]{a}[b]{b}")]
    [InlineData("unmatched keyword is not marked", "no pooling", "pooling!@3+7", "no pooling")]
    [InlineData("span past the end is ignored", "short", "long@2+10", "short")]
    [InlineData("negative start is ignored", "short", "x@-1+3", "short")]
    [InlineData("empty span is ignored", "short", "x@2+0", "short")]
    [InlineData("span ending inside a surrogate pair takes the whole character", "a\U0001F600b", "smile@0+2", "[a\U0001F600]{smile}b")]
    [InlineData("span starting inside a surrogate pair takes the whole character", "a\U0001F600b", "smile@2+2", "a[\U0001F600b]{smile}")]
    public void CutsTheAnswerIntoPlainAndMarkedStretches(string behaviour, string text, string keywords, string expected)
    {
        var segments = AnswerHighlighter.Segments(text, Parse(keywords));

        Assert.True(expected == Render(segments), $"{behaviour}: got {Render(segments)}");
        Assert.Equal(text, string.Concat(segments.Select(s => s.Text)));
    }

    static string Render(IEnumerable<AnswerSegment> segments) => string.Concat(segments.Select(s =>
        s.Marked ? $"[{s.Text}]{{{string.Join("|", s.Keywords.Select(k => k.Phrase))}}}" : s.Text));

    static List<ExplainedKeyword> Parse(string keywords) => [.. keywords.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(k =>
    {
        var (phrase, spans) = (k.Split('@')[0], k.Split('@')[1]);
        return new ExplainedKeyword(phrase.TrimEnd('!'), 1, false, !phrase.EndsWith('!'), MatchKind.Exact, false,
            [.. spans.Split(',').Select(s => new ExplainedSpan(int.Parse(s.Split('+')[0]), int.Parse(s.Split('+')[1])))]);
    })];
}
