using QuizPlatform.Web.Features.Grading;

namespace QuizPlatform.Web.Features.StudentResults;

/// <summary>Cuts an answer into plain and marked stretches from the grader's keyword spans, for highlighting.</summary>
public static class AnswerHighlighter
{
    /// <summary>
    /// The whole of <paramref name="text"/>, in order, as segments. Only matched keywords are marked. Spans that
    /// overlap merge into one mark carrying every keyword involved; spans reaching outside the text (a grade stored
    /// against an older text) are ignored; a span edge inside a surrogate pair widens to keep the character whole.
    /// </summary>
    public static IReadOnlyList<AnswerSegment> Segments(string text, IEnumerable<ExplainedKeyword> keywords)
    {
        var spans = keywords.Where(k => k.Matched)
            .SelectMany(k => k.Spans.Select(s => (Start: s.Start, End: s.Start + s.Length, Keyword: k)))
            .Where(s => s.Start >= 0 && s.End > s.Start && s.End <= text.Length)
            .Select(s => (Start: WholeCharacterStart(text, s.Start), End: WholeCharacterEnd(text, s.End), s.Keyword))
            .OrderBy(s => s.Start).ThenByDescending(s => s.End)
            .ToList();

        var segments = new List<AnswerSegment>();
        var position = 0;
        for (var i = 0; i < spans.Count;)
        {
            var (start, end) = (spans[i].Start, spans[i].End);
            var marked = new List<ExplainedKeyword>();
            for (; i < spans.Count && spans[i].Start < end; i++)
            {
                end = Math.Max(end, spans[i].End);
                if (!marked.Contains(spans[i].Keyword))
                    marked.Add(spans[i].Keyword);
            }
            if (start > position)
                segments.Add(new AnswerSegment(text[position..start], []));
            segments.Add(new AnswerSegment(text[start..end], marked));
            position = end;
        }
        if (position < text.Length)
            segments.Add(new AnswerSegment(text[position..], []));
        return segments;
    }

    static int WholeCharacterStart(string text, int start) =>
        start > 0 && char.IsLowSurrogate(text[start]) && char.IsHighSurrogate(text[start - 1]) ? start - 1 : start;

    static int WholeCharacterEnd(string text, int end) =>
        end < text.Length && char.IsLowSurrogate(text[end]) && char.IsHighSurrogate(text[end - 1]) ? end + 1 : end;
}
