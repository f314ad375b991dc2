using QuizPlatform.Grading.Text;

namespace QuizPlatform.Grading;

/// <summary>Which phrases of an answer may become keywords.</summary>
internal enum Reading
{
    /// <summary>Every word; a phrase only where it recurs in the answer or the assignment, or is an item of an enumeration.</summary>
    Words,
    /// <summary>Every word, and phrases that name a thing even when said once ("Krebs cycle").</summary>
    WordsAndNounPhrases,
    /// <summary>Only what names a thing: no verbs, adverbs or lone adjectives.</summary>
    NounPhrases,
}

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
    /// <summary>The answer's tokens where the phrase was said, every occurrence: where its meaning is read.</summary>
    public List<int> Words { get; } = [];
    public double Boost { get; set; } = 1;
    /// <summary>A bullet or paragraph head of the answer ("- Hub: ..."): the answer is built on it.</summary>
    public bool IsHead { get; set; }
    /// <summary>What "is" or "are" says of a noun ("damages are inadequate"): it says more than the noun, but does not name it better.</summary>
    public bool IsClause { get; set; }
    /// <summary>Stated negated in the answer ("does not change"): the keyword reads "not change".</summary>
    public bool Denied => Key.StartsWith('!');
}

/// <summary>
/// The candidate phrases of one model answer. Spellings of one thing (an acronym and its expansion, in the text or
/// in the built-in lexicon) share one candidate so their occurrences add up and the keyword lists both.
/// </summary>
internal sealed class CandidateSet(ModelAnswerText answer, CorpusStatistics corpus)
{
    /// <summary>The built-in abbreviations with the keys of their acronym and expansions, worked out once.</summary>
    private static readonly (string Acronym, string[] Expansions, string[] Keys)[] LexiconForms = Lexicon.Abbreviations
        .Select(a => (a.Acronym, a.Expansions, a.Expansions.Prepend(a.Acronym).Select(f => KeyOf(Content(f))).ToArray())).ToArray();

    /// <summary>
    /// The built-in abbreviations the answer uses, by index: written as the acronym, or spelled out in full. A
    /// one-word expansion is not evidence ("you only look once" is "look" once its function words are gone).
    /// </summary>
    public static IEnumerable<int> LexiconEntriesIn(ModelAnswerText answer) =>
        Enumerable.Range(0, LexiconForms.Length).Where(i =>
        {
            var keys = LexiconForms[i].Keys;
            return answer.Occurrences(keys[0]) > 0 || keys.Skip(1).Any(k => k.Contains(' ', StringComparison.Ordinal) && answer.Occurrences(k) > 0);
        });

    private readonly Dictionary<string, Candidate> byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> alias = new(StringComparer.Ordinal);

    public IEnumerable<Candidate> All => byKey.Values.Where(c => c.Count > 0);

    public void Collect(Reading reading)
    {
        foreach (var (expansion, acronym) in answer.Definitions()) Define(expansion, [acronym], 2);
        if (corpus.UsesLexicon)
            foreach (var entry in LexiconEntriesIn(answer))
                Define(LexiconForms[entry].Expansions[0], [LexiconForms[entry].Acronym, .. LexiconForms[entry].Expansions.Skip(1)], 1);

        foreach (var (run, start, length, key) in answer.Phrases)
        {
            if (!WholeWords(run[start], run[start + length - 1])) continue;
            var nounPhrase = reading != Reading.Words && answer.IsNounPhrase(run, start, length);
            if (reading == Reading.NounPhrases && !nounPhrase) continue;
            // Past 20 words an adverb or quantity alone ("even", "forever") qualifies what the answer says, and a verb alone
            // ("sends", "carries") is said of what the answer names: neither names anything.
            if (reading == Reading.WordsAndNounPhrases && length == 1 && answer.Classes[run[start]] is WordClass.Other or WordClass.Verb) continue;
            AddOccurrence(run.GetRange(start, length), key, nounPhrase || answer.IsOneWord(run[start], length));
        }

        if (reading != Reading.Words)
        {
            foreach (var (words, key, needsRecurrence) in answer.Linked)
                if (WholeWords(words[0], words[^1]))
                    AddOccurrence(words, key, isUnit: !needsRecurrence);
            foreach (var (words, key) in answer.Clauses)
                if (AddOccurrence(words, key, isUnit: true) is { } clause) clause.IsClause = true;
            foreach (var (words, percent) in answer.Quantities)
                if (WholeWords(words[0], words[^1]) && AddOccurrence(words, KeyOf(words.Select(i => answer.Tokens[i].Term)), isUnit: true) is { } quantity && percent)
                    quantity.Surface = SurfaceOf(words) + " %";
        }

        // What the answer denies is content too ("Fruitsnap does not change the color"): kept as "not change", which
        // a response earns only by denying it as well.
        foreach (var (index, negator) in NegatedWords(answer))
        {
            var term = answer.Tokens[index].Term;
            var key = "!" + KeyOf([term]);
            if (!byKey.TryGetValue(key, out var candidate))
                candidate = byKey[key] = new Candidate(key, [term], negator + " " + SurfaceOf([index]), index);
            candidate.Count++;
        }

        foreach (var (start, length) in answer.Heads()) Structure(HeadPhrase(answer.Text.Substring(start, length)), 2, head: true);
        foreach (var item in answer.ListItems())
            if (WholeWords(item[0], item[^1])) Structure(answer.Text[answer.Tokens[item[0]].Start..answer.Tokens[item[^1]].End], ListItemBoost);
        foreach (var (first, last) in answer.NamedTerms())
        {
            // The name, not its possessive: "Austria-Hungary" of "Austria-Hungary's ultimatum".
            var said = answer.Text[answer.Tokens[first].Start..answer.Tokens[last].End];
            var name = Structure(said.EndsWith("'s", StringComparison.Ordinal) || said.EndsWith("\u2019s", StringComparison.Ordinal) ? said[..^2] : said,
                1.5, maxTerms: MaxNameTerms);
            // Where the name is said is where its meaning is read; without it a name would rank as close to everything.
            if (name is not { Words.Count: 0 }) continue;
            name.Words.AddRange(Enumerable.Range(first, last - first + 1).Where(i => !answer.Tokens[i].Term.IsStop));
            name.FirstToken = first;
        }
    }

    /// <summary>An item of an enumeration weighs as a named term does.</summary>
    private const double ListItemBoost = 1.5;

    /// <summary>"pre" of "pre-trained" or "R" of "R-CNN" is not a phrase on its own: phrases keep hyphenated words whole.</summary>
    private bool WholeWords(int first, int last) =>
        !answer.Tokens[first].Has(TokenFlags.JoinedToPrevious)
        && (last + 1 >= answer.Tokens.Count || !answer.Tokens[last + 1].Has(TokenFlags.JoinedToPrevious));

    /// <summary>
    /// The word each negation denies, the first content word of the stretch <see cref="ModelAnswerText.Runs"/> leaves out,
    /// with the negation to write: "does not allocate resources efficiently" denies "allocate", not "resources".
    /// </summary>
    private static IEnumerable<(int Index, string Negator)> NegatedWords(ModelAnswerText answer)
    {
        var negatedUntil = -1;
        var negator = "not";
        for (var i = 0; i < answer.Tokens.Count; i++)
        {
            var token = answer.Tokens[i];
            if (token.Term.IsNegator)
            {
                negatedUntil = i + 3;
                negator = token.Term.Folded is "no" or "without" or "never" ? token.Term.Folded : "not";
            }
            if (token.Has(TokenFlags.ClauseBreakBefore) && !token.Term.IsNegator) negatedUntil = -1;
            if (i <= negatedUntil && !token.Term.IsStop && !token.Term.IsNegator && !char.IsDigit(token.Term.Folded[0]))
            {
                negatedUntil = -1;
                yield return (i, negator);
            }
        }
    }

    private Candidate? AddOccurrence(List<int> tokenIndexes, string phraseKey, bool isUnit)
    {
        var key = Resolve(phraseKey);
        if (!byKey.TryGetValue(key, out var candidate))
        {
            // A multi-word phrase needs evidence that it is a unit: it names a thing, is one hyphenated word, or recurs here or elsewhere.
            if (tokenIndexes.Count > 1 && !isUnit && corpus.PhraseDocuments(key) < 2 && answer.Occurrences(phraseKey) < 2) return null;
            var terms = tokenIndexes.Select(i => answer.Tokens[i].Term).ToArray();
            candidate = byKey[key] = new Candidate(key, terms, SurfaceOf(tokenIndexes), tokenIndexes[0]);
        }
        candidate.Count++;
        candidate.Words.AddRange(tokenIndexes);
        candidate.FirstToken = Math.Min(candidate.FirstToken, tokenIndexes[0]);
        return candidate;
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

    /// <summary>A head or list item of more words is a sentence; a name may be longer ("Central London Property Trust v High Trees House").</summary>
    private const int MaxStructureTerms = 5, MaxNameTerms = 8;

    private Candidate? Structure(string phrase, double boost, bool head = false, int maxTerms = MaxStructureTerms)
    {
        var key = Resolve(KeyOf(Content(phrase)));
        if (key.Length == 0) return null;
        if (!byKey.TryGetValue(key, out var candidate))
        {
            var terms = Content(phrase);
            if (terms.Length > maxTerms) return null;
            candidate = byKey[key] = new Candidate(key, terms, phrase, int.MaxValue) { Count = 1 };
        }
        if (boost > candidate.Boost && candidate.Alternatives.Count == 0) candidate.Surface = phrase;
        candidate.Boost = Math.Max(candidate.Boost, boost);
        candidate.IsHead |= head;
        return candidate;
    }

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

    internal static string KeyOf(List<int> run, int start, int length, List<Token> tokens)
    {
        var canons = new int[length];
        for (var k = 0; k < length; k++) canons[k] = tokens[run[start + k]].Term.Canon;
        return KeyOf(canons);
    }

    internal static string KeyOf(IEnumerable<Term> terms) => KeyOf(terms.Select(t => t.Canon));

    private static string KeyOf(IEnumerable<int> canons) => string.Join(' ', canons.Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
