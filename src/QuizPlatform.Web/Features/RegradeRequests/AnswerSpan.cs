namespace QuizPlatform.Web.Features.RegradeRequests;

/// <summary>
/// Where in an answer the student says a keyword is. The page's script reports the selection's offsets; without a
/// script the student types the words. Either way the server trusts only the answer text: offsets that do not point
/// at the words are ignored and the words are looked up instead (the first match nearest the offsets, ignoring case
/// and runs of white space).
/// </summary>
public static class AnswerSpan
{
    /// <summary>The span (UTF-16 start and length) of <paramref name="words"/> in <paramref name="answer"/>; null when the answer does not say them.</summary>
    public static (int Start, int Length)? Find(string answer, string words, int? start = null, int? length = null)
    {
        var wanted = Squeeze(words);
        if (wanted.Length == 0)
            return null;
        if (start is >= 0 and var s && length is > 0 and var l && s + l <= answer.Length
            && string.Equals(Squeeze(answer.Substring(s, l)), wanted, StringComparison.OrdinalIgnoreCase))
            return (s, l);

        (int Start, int Length)? best = null;
        for (var from = 0; from < answer.Length; from++)
        {
            if (char.IsWhiteSpace(answer[from]) || MatchLength(answer, from, wanted) is not { } matched)
                continue;
            if (best is null || Math.Abs(from - (start ?? 0)) < Math.Abs(best.Value.Start - (start ?? 0)))
                best = (from, matched);
        }
        return best;
    }

    /// <summary>How many characters from <paramref name="from"/> spell <paramref name="wanted"/> (any white space for a space).</summary>
    static int? MatchLength(string answer, int from, string wanted)
    {
        var i = from;
        foreach (var c in wanted)
        {
            if (c == ' ')
            {
                if (i >= answer.Length || !char.IsWhiteSpace(answer[i]))
                    return null;
                while (i < answer.Length && char.IsWhiteSpace(answer[i]))
                    i++;
            }
            else if (i < answer.Length && char.ToUpperInvariant(answer[i]) == char.ToUpperInvariant(c))
                i++;
            else
                return null;
        }
        return i - from;
    }

    static string Squeeze(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
