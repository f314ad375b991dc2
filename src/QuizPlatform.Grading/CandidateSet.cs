using QuizPlatform.Grading.Text;

namespace QuizPlatform.Grading;

/// <summary>A phrase that could become a keyword, with the evidence for it.</summary>
internal sealed class Candidate(string key, Term[] terms, string surface, int firstToken)
{
    public string Key { get; } = key;
    public Term[] Terms { get; } = terms;
    public int[] Canons { get; } = terms.Select(t => t.Canon).ToArray();
    public string Surface { get; set; } = surface;
    public List<string> Alternatives { get; } = [];
    public int FirstToken { get; set; } = firstToken;
    public int Count { get; set; }
    public double Boost { get; set; } = 1;
}

/// <summary>
/// The candidate phrases of one model answer. Spellings of one thing (an acronym and its expansion, in the text or
/// in the built-in lexicon) share one candidate so their occurrences add up and the keyword lists both.
/// </summary>
internal sealed class CandidateSet(ModelAnswerText answer, CorpusStatistics corpus)
{
    private const int MaxPhraseWords = 3;
    private readonly Dictionary<string, Candidate> byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> alias = new(StringComparer.Ordinal);

    public IEnumerable<Candidate> All => byKey.Values.Where(c => c.Count > 0);

    public void Collect()
    {
        foreach (var (expansion, acronym) in answer.Definitions()) Define(expansion, [acronym], 2);
        foreach (var (acronym, expansions) in Lexicon.Abbreviations)
            if (expansions.Prepend(acronym).Any(f => Contains(KeyOf(Content(f)))))
                Define(expansions[0], [acronym, .. expansions.Skip(1)], 1);

        foreach (var run in Runs(answer))
            for (var n = 1; n <= Math.Min(MaxPhraseWords, run.Count); n++)
                for (var i = 0; i + n <= run.Count; i++)
                    if (WholeWords(run[i], run[i + n - 1])) AddOccurrence(run.GetRange(i, n));

        foreach (var (start, length) in answer.Heads()) Structure(HeadPhrase(answer.Text.Substring(start, length)), 2);
        foreach (var (first, last) in answer.NamedTerms())
            Structure(answer.Text[answer.Tokens[first].Start..answer.Tokens[last].End], 1.5);
    }

    /// <summary>"pre" of "pre-trained" or "R" of "R-CNN" is not a phrase on its own: phrases keep hyphenated words whole.</summary>
    private bool WholeWords(int first, int last) =>
        !answer.Tokens[first].Has(TokenFlags.JoinedToPrevious)
        && (last + 1 >= answer.Tokens.Count || !answer.Tokens[last + 1].Has(TokenFlags.JoinedToPrevious));

    /// <summary>Runs of content words between stop words, punctuation, numbers and negated stretches.</summary>
    public static IEnumerable<List<int>> Runs(ModelAnswerText answer)
    {
        var run = new List<int>();
        var negatedUntil = -1;
        for (var i = 0; i < answer.Tokens.Count; i++)
        {
            var token = answer.Tokens[i];
            if (token.Term.IsNegator) negatedUntil = i + 3;
            if (token.Has(TokenFlags.ClauseBreakBefore)) negatedUntil = token.Term.IsNegator ? negatedUntil : -1;
            var content = !token.Term.IsStop && !char.IsDigit(token.Term.Folded[0]) && i > negatedUntil;
            if (run.Count > 0 && (!content || token.Has(TokenFlags.ClauseBreakBefore)))
            {
                yield return run;
                run = [];
            }
            if (content) run.Add(i);
        }
        if (run.Count > 0) yield return run;
    }

    private void AddOccurrence(List<int> tokenIndexes)
    {
        var terms = tokenIndexes.Select(i => answer.Tokens[i].Term).ToArray();
        var key = Resolve(KeyOf(terms));
        var multiWord = terms.Length > 1;
        if (!byKey.TryGetValue(key, out var candidate))
        {
            // A multi-word phrase needs evidence that it is a unit: it recurs here or elsewhere in the assignment.
            if (multiWord && corpus.PhraseDocuments(key) < 2 && !RecursHere(tokenIndexes)) return;
            candidate = byKey[key] = new Candidate(key, terms, SurfaceOf(tokenIndexes), tokenIndexes[0]);
        }
        candidate.Count++;
        candidate.FirstToken = Math.Min(candidate.FirstToken, tokenIndexes[0]);
    }

    private bool RecursHere(List<int> tokenIndexes)
    {
        var key = KeyOf(tokenIndexes.Select(i => answer.Tokens[i].Term));
        return Runs(answer).Sum(run => CountIn(run, tokenIndexes.Count, key)) >= 2;
    }

    private int CountIn(List<int> run, int n, string key)
    {
        var count = 0;
        for (var i = 0; i + n <= run.Count; i++)
            if (KeyOf(run.GetRange(i, n).Select(t => answer.Tokens[t].Term)) == key) count++;
        return count;
    }

    private void Define(string phrase, string[] others, double boost)
    {
        var key = KeyOf(Content(phrase));
        if (key.Length == 0) return;
        if (!byKey.TryGetValue(Resolve(key), out var candidate))
            candidate = byKey[key] = new Candidate(key, Content(phrase), phrase, int.MaxValue);
        candidate.Boost = Math.Max(candidate.Boost, boost);
        foreach (var other in others)
        {
            alias.TryAdd(KeyOf(Content(other)), candidate.Key);
            var otherKey = KeyOf(Content(other));
            if (otherKey != candidate.Key && candidate.Alternatives.All(a => KeyOf(Content(a)) != otherKey)) candidate.Alternatives.Add(other);
        }
    }

    private void Structure(string phrase, double boost)
    {
        var key = Resolve(KeyOf(Content(phrase)));
        if (key.Length == 0) return;
        if (!byKey.TryGetValue(key, out var candidate))
        {
            var terms = Content(phrase);
            if (terms.Length > 5) return;
            candidate = byKey[key] = new Candidate(key, terms, phrase, int.MaxValue) { Count = 1 };
        }
        if (boost > candidate.Boost && candidate.Alternatives.Count == 0) candidate.Surface = phrase;
        candidate.Boost = Math.Max(candidate.Boost, boost);
    }

    private bool Contains(string key) => key.Length > 0 && Runs(answer).Any(run => Enumerable.Range(1, MaxPhraseWords)
        .Any(n => CountIn(run, n, key) > 0));

    private string Resolve(string key) => alias.TryGetValue(key, out var target) ? target : key;

    private string SurfaceOf(List<int> tokenIndexes)
    {
        var first = answer.Tokens[tokenIndexes[0]];
        var text = answer.Text[first.Start..answer.Tokens[tokenIndexes[^1]].End];
        var keepCase = first.Has(TokenFlags.Acronym) || first.Has(TokenFlags.MixedCase) || !answer.SentenceStart[tokenIndexes[0]];
        return keepCase ? text : char.ToLowerInvariant(text[0]) + text[1..];
    }

    /// <summary>"Horizontal/Vertical Flipping" is looked for as "Flipping": either direction earns it.</summary>
    private static string HeadPhrase(string head)
    {
        var slash = head.LastIndexOf('/');
        if (slash < 0) return head.Trim();
        var space = head.IndexOf(' ', slash);
        return space < 0 ? head[(head.LastIndexOf(' ', slash) + 1)..slash].Trim() : head[(space + 1)..].Trim();
    }

    internal static Term[] Content(string phrase)
    {
        var tokens = Tokenizer.Tokenize(phrase);
        var content = tokens.Where(t => !t.Term.IsStop).Select(t => t.Term).ToArray();
        return content.Length > 0 ? content : tokens.Select(t => t.Term).ToArray();
    }

    internal static string KeyOf(IEnumerable<Term> terms) => string.Join(' ', terms.Select(t => t.Canon.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
