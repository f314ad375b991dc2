namespace QuizPlatform.Grading.Text;

/// <summary>
/// Typo tolerance: a response word one edit (two for long words) from a key word, with the same first letter,
/// stands for it. Never for short words or acronyms, where one letter changes the meaning ("RNN" vs "CNN").
/// </summary>
internal static class Typos
{
    public static int Closest(Term term, IReadOnlyList<KeyWord> words, GradingOptions options)
    {
        var best = -1;
        var bestDistance = int.MaxValue;
        foreach (var candidate in words)
        {
            if (candidate.Acronym || candidate.Folded.Length < options.TypoMinLength) continue;
            if (candidate.Folded[0] != term.Folded[0]) continue;
            var distance = Math.Min(Edits(term.Folded, candidate.Folded, options), Edits(term.Stem, candidate.Stem, options));
            if (distance < bestDistance) (best, bestDistance) = (candidate.Index, distance);
        }
        return best;
    }

    /// <summary>
    /// The edits between two spellings when their length allows that many (two only between long ones), else
    /// <see cref="int.MaxValue"/>. Stems are measured by their own length: "inflation" and "inelastic" are words apart,
    /// though their stems ("inflat", "inelast") are two edits apart.
    /// </summary>
    private static int Edits(string a, string b, GradingOptions options)
    {
        var allowed = Math.Min(a.Length, b.Length) >= options.TwoTyposLength ? 2 : 1;
        var distance = Distance(a, b, allowed);
        return distance <= allowed ? distance : int.MaxValue;
    }

    /// <summary>Optimal string alignment distance (Damerau-Levenshtein with adjacent swaps), or limit + 1 past the limit.</summary>
    public static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit) return limit + 1;
        Span<int> previous2 = stackalloc int[b.Length + 1];
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) value = Math.Min(value, previous2[j - 2] + 1);
                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }
            if (rowMin > limit) return limit + 1;
            var recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }
        return previous[b.Length];
    }
}
