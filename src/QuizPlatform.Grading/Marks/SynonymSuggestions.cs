using QuizPlatform.Grading.Text;

namespace QuizPlatform.Grading.Marks;

/// <summary>
/// A phrase to add as an alternative of a keyword: <see cref="Raised"/> answers the instructor raised above the
/// grader contain it (of which <see cref="MissingKeyword"/> missed the keyword), <see cref="Low"/> answers rightly
/// left low do.
/// </summary>
public sealed record SynonymSuggestion(string Phrase, Keyword Keyword, int Raised, int MissingKeyword, int Low);

/// <summary>
/// Mines the instructor's marks on one question for the words the key lacks: phrases of one to three content words
/// (stemmed, as the grader reads them) common in answers the instructor raised above the grader's score and rare in
/// answers the instructor left low in agreement with the grader. Each is tied to the keyword the raised answers
/// containing it miss more often than the other raised answers do. Phrases with a word of the question or of the key
/// are left out: the grader reads those already, and a question's own words say nothing about understanding it.
/// </summary>
public static class SynonymSuggestions
{
    /// <summary>A phrase needs at least this many raised answers: two could be one student's words copied.</summary>
    public const int MinimumRaised = 3;

    /// <summary>An instructor's share at least this far above the grader's is a raise; within it, agreement.</summary>
    public const double Margin = 0.1;

    /// <summary>An answer marked at or below this share of the points is low.</summary>
    public const double LowShare = 0.5;

    /// <summary>"Rare" in low answers: at most this fraction of the phrase's rate in raised answers.</summary>
    public const double RareRatio = 0.25;

    public const int MaxWords = 3;

    public const int Shown = 5;

    /// <param name="marks">Each marked answer's text and the instructor's share of the points, 0 to 1.</param>
    public static IReadOnlyList<SynonymSuggestion> Mine(Grader grader, GradingKey key, IReadOnlyList<HumanMark> marks)
    {
        ArgumentNullException.ThrowIfNull(grader);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(marks);
        var known = Canons(key.Prompt);
        foreach (var keyword in key.Keywords)
            foreach (var text in keyword.Alternatives.Prepend(keyword.Phrase))
                known.UnionWith(Canons(text));

        var raised = new List<(HashSet<string> Phrases, HashSet<int> Missing)>();
        var low = new List<HashSet<string>>();
        var surfaces = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var mark in marks)
        {
            var result = grader.Grade(key, mark.Response, 1);
            var isRaised = mark.Share >= result.Score + Margin;
            var isLow = mark.Share <= LowShare && Math.Abs(mark.Share - result.Score) < Margin;
            if (!isRaised && !isLow) continue;
            var phrases = Phrases(mark.Response, known, isRaised ? surfaces : null);
            if (isLow) low.Add(phrases);
            else raised.Add((phrases, [.. result.Keywords.Select((k, i) => (k, i)).Where(x => !x.k.Matched).Select(x => x.i)]));
        }

        var candidates = new List<SynonymSuggestion>();
        foreach (var (phrase, forms) in surfaces)
        {
            var with = raised.Where(r => r.Phrases.Contains(phrase)).ToList();
            var lowWith = low.Count(l => l.Contains(phrase));
            if (with.Count < MinimumRaised || lowWith * raised.Count > RareRatio * with.Count * low.Count) continue;
            // The keyword its answers miss more often than the other raised answers do: one every raised answer misses
            // ("previous layers") is not what "learned" stands for.
            var without = raised.Where(r => !r.Phrases.Contains(phrase)).ToList();
            var missed = with.SelectMany(r => r.Missing).GroupBy(k => k)
                .Select(g => (Keyword: g.Key, Count: g.Count(), Lift: (double)g.Count() / with.Count - (double)without.Count(r => r.Missing.Contains(g.Key)) / Math.Max(1, without.Count)))
                .OrderByDescending(m => m.Lift).ThenByDescending(m => m.Count).ThenByDescending(m => key.Keywords[m.Keyword].Weight).ThenBy(m => m.Keyword)
                .FirstOrDefault();
            if (missed.Count == 0) continue;
            var written = forms.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).First().Key;
            candidates.Add(new SynonymSuggestion(written, key.Keywords[missed.Keyword], with.Count, missed.Count, lowWith));
        }

        // One suggestion per idea: "pretrained", "pretrained model" and "pretrained network" share a word, and the
        // best of them stands for all; on ties the longer phrase, which says more and matches fewer answers by chance.
        var chosen = new List<(SynonymSuggestion Suggestion, HashSet<int> Canons)>();
        foreach (var candidate in candidates.OrderByDescending(c => c.MissingKeyword - c.Low).ThenByDescending(c => c.Raised)
                     .ThenByDescending(c => c.Phrase.Count(ch => ch == ' ')).ThenBy(c => c.Phrase, StringComparer.Ordinal))
        {
            var canons = Canons(candidate.Phrase);
            if (chosen.Any(c => c.Canons.Overlaps(canons))) continue;
            chosen.Add((candidate, canons));
            if (chosen.Count == Shown) break;
        }
        return [.. chosen.Select(c => c.Suggestion)];
    }

    /// <summary>
    /// The answer's phrases of one to <see cref="MaxWords"/> content words in a row within a clause, by stems; with
    /// <paramref name="surfaces"/>, each phrase's folded spelling is counted there.
    /// </summary>
    private static HashSet<string> Phrases(string text, HashSet<int> known, Dictionary<string, Dictionary<string, int>>? surfaces)
    {
        var phrases = new HashSet<string>(StringComparer.Ordinal);
        var run = new List<Token>();
        foreach (var token in Tokenizer.Tokenize(text).Append(default))
        {
            var content = token.Term is { IsStop: false, IsNegator: false } term && term.Folded.Length >= 3
                && term.Folded.Any(char.IsLetter) && !known.Contains(term.Canon);
            if (!content || token.Has(TokenFlags.ClauseBreakBefore))
            {
                Add(run);
                run.Clear();
            }
            if (content) run.Add(token);
        }
        return phrases;

        void Add(List<Token> words)
        {
            for (var start = 0; start < words.Count; start++)
                for (var end = start; end < words.Count && end < start + MaxWords; end++)
                {
                    var span = words[start..(end + 1)];
                    var stems = string.Join(' ', span.Select(t => t.Term.Stem));
                    if (!phrases.Add(stems) || surfaces is null) continue;
                    var forms = surfaces.TryGetValue(stems, out var found) ? found : surfaces[stems] = new(StringComparer.Ordinal);
                    var written = string.Join(' ', span.Select(t => t.Term.Folded));
                    forms[written] = forms.GetValueOrDefault(written) + 1;
                }
        }
    }

    private static HashSet<int> Canons(string text) => [.. Tokenizer.Tokenize(text).Where(t => !t.Term.IsStop).Select(t => t.Term.Canon)];
}
