using System.Collections.Concurrent;
using QuizPlatform.Grading.Text;

namespace QuizPlatform.Grading;

/// <summary>
/// A question's keywords compiled for matching: every way of writing each keyword (the phrase, its alternatives,
/// hyphen-joined spellings, acronym and expansion from the built-in lexicon) as sequences of word ids. Build once
/// per question with <see cref="Grader.Compile"/> and reuse it for every response; it is immutable and thread-safe.
/// </summary>
public sealed class GradingKey
{
    internal GradingKey(string prompt, IReadOnlyList<Keyword> keywords, GradingOptions options)
    {
        Prompt = prompt;
        Keywords = keywords;
        TypoOptions = (options.TypoMinLength, options.TwoTyposLength);
        foreach (var token in Tokenizer.Tokenize(prompt))
            if (!token.Term.IsStop) PromptWords.Add(token.Term.Canon);
        Compiled = keywords.Select(k => Compile(k)).ToArray();
        foreach (var keyword in Compiled)
        {
            keyword.Starts = new bool[Words.Count];
            foreach (var variant in keyword.Variants)
                if (variant.Words.Length > 0) keyword.Starts[variant.Words[0].Index] = true;
        }
        TotalWeight = keywords.Sum(k => Math.Max(0, k.Weight));
        foreach (var word in Words)
            foreach (var stem in Terms.StemsSharingCanon(word.Stem))
            {
                if (stem.Length == 1 && stem[0] < 128) joinFirstChars[stem[0] >> 6] |= 1UL << stem[0];
                else if (stem.Length >= 2 && stem[0] < 128 && stem[1] < 128)
                    joinPrefixes[(stem[0] << 1) | (stem[1] >> 6)] |= 1UL << stem[1];
            }
    }

    // The first two letters of every stem that stands for a key word. Stemming never changes a word's first two
    // letters (it only rewrites endings past them), so two response words run together ("of the" -> "ofthe")
    // can only join into a key word if they begin with one of these: the rest need no lookup.
    private readonly ulong[] joinPrefixes = new ulong[256];
    private readonly ulong[] joinFirstChars = new ulong[2];

    /// <summary>False when <paramref name="joined"/> (two folded words run together) cannot be a word of the key.</summary>
    internal bool MayJoinTo(ReadOnlySpan<char> joined)
    {
        char first = joined[0], second = joined[1];
        if (first >= 128 || second >= 128 || second == '\'') return true;
        return (joinFirstChars[first >> 6] & (1UL << first)) != 0
            || (joinPrefixes[(first << 1) | (second >> 6)] & (1UL << second)) != 0;
    }

    public string Prompt { get; }
    public IReadOnlyList<Keyword> Keywords { get; }

    /// <summary>The typo settings of the grader that compiled the key: <see cref="TypoMemo"/> holds results for these only.</summary>
    internal (int MinLength, int TwoTyposLength) TypoOptions { get; }
    internal CompiledKeyword[] Compiled { get; }
    internal double TotalWeight { get; }
    internal HashSet<int> PromptWords { get; } = [];

    /// <summary>Word canon id → index into <see cref="Words"/>.</summary>
    internal Dictionary<int, int> Vocabulary { get; } = [];
    internal List<KeyWord> Words { get; } = [];

    /// <summary>Results remembered per key; past this many, typo results are computed and not remembered.</summary>
    internal const int TypoMemoCapacity = 100_000;

    /// <summary>
    /// Response word → key word index (or -1) found by typo tolerance, remembered across responses. Keyed by the
    /// exact spelling, never by stem: two spellings with one stem ("traning", "tranings") can be different distances
    /// from a key word, and a result shared between them would depend on which was graded first. A <see cref="Term"/>
    /// is one spelling (the term cache holds one instance per spelling, so comparing references is comparing
    /// spellings without hashing the string); past that cache's cap a spelling may get two entries, with one result.
    /// </summary>
    internal ConcurrentDictionary<Term, int> TypoMemo { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// The weighted share of the keywords some spelling of which has all its words in the response, and how many
    /// keywords that is: <paramref name="present"/> says which of <see cref="Words"/> the response has (compared by
    /// canon id: stems and the lexicon's synonyms), in any order. Coverage without typos, gaps or negation, the same
    /// measure for every question, so a response's fit to its own question and to another's compare (see
    /// <see cref="QuestionSet"/>).
    /// </summary>
    internal (double Share, int Keywords) Fit(ReadOnlySpan<bool> present)
    {
        if (TotalWeight <= 0) return (0, 0);
        double found = 0;
        var keywords = 0;
        foreach (var keyword in Compiled)
            foreach (var variant in keyword.Variants)
                if (AllPresent(variant.Words, present))
                {
                    found += Math.Max(0, keyword.Keyword.Weight);
                    keywords++;
                    break;
                }
        return (found / TotalWeight, keywords);
    }

    /// <summary><see cref="Fit(ReadOnlySpan{bool})"/> of a response whose words' canon ids are <paramref name="words"/>.</summary>
    internal (double Share, int Keywords) Fit(HashSet<int> words)
    {
        var present = new bool[Words.Count];
        foreach (var word in Words) present[word.Index] = words.Contains(word.Canon);
        return Fit(present);
    }

    private static bool AllPresent(KeyWord[] words, ReadOnlySpan<bool> present)
    {
        foreach (var word in words)
            if (!present[word.Index]) return false;
        return true;
    }

    private CompiledKeyword Compile(Keyword keyword)
    {
        var variants = BuildVariants(keyword);
        var first = Tokenizer.Tokenize(keyword.Phrase).FirstOrDefault();
        return new CompiledKeyword(keyword, variants, variants.Any(v => v.Words.All(w => PromptWords.Contains(w.Canon))),
            first.Term is { IsNegator: true });
    }

    private Variant[] BuildVariants(Keyword keyword)
    {
        var variants = new List<Variant>();
        Add(keyword.Phrase, MatchKind.Exact);
        foreach (var alternative in keyword.Alternatives) Add(alternative, MatchKind.Synonym);
        foreach (var (acronym, expansions) in Lexicon.Abbreviations)
        {
            string[] forms = [acronym, .. expansions];
            var present = forms.Where(f => variants.Any(v => Contains(v, Sequence(f)))).ToList();
            if (present.Count == 0) continue;
            foreach (var form in forms.Except(present))
                foreach (var variant in variants.ToList())
                    foreach (var found in present)
                        if (Contains(variant, Sequence(found))) variants.Add(Replace(variant, Sequence(found), Sequence(form)));
        }
        return variants.DistinctBy(v => string.Join(' ', v.Words)).ToArray();

        void Add(string phrase, MatchKind kind)
        {
            var tokens = Tokenizer.Tokenize(phrase);
            var content = tokens.Where((t, i) => IsKeywordWord(tokens, i)).ToList();
            if (content.Count == 0) content = tokens;
            if (content.Count == 0) return;
            variants.Add(Compile(content.Select(t => (t.Term, t.Has(TokenFlags.Acronym))), kind));
            // "R-CNN" is also written "RCNN": add the spelling with hyphen-joined words run together.
            if (content.Skip(1).Any(t => t.Has(TokenFlags.JoinedToPrevious)))
            {
                var joined = new List<(Term, bool)>();
                for (var i = 0; i < content.Count; i++)
                {
                    if (i > 0 && content[i].Has(TokenFlags.JoinedToPrevious) && content[i].Start - content[i - 1].End == 1)
                        joined[^1] = (Terms.Get(joined[^1].Item1.Folded + content[i].Term.Folded), true);
                    else joined.Add((content[i].Term, content[i].Has(TokenFlags.Acronym)));
                }
                variants.Add(Compile(joined, kind));
            }
        }
    }

    /// <summary>
    /// "switched off", "given up": a particle ending a keyword after its verb says what the verb does, and "switched on"
    /// or "given to" must not earn it. Inside a keyword "in", "on" or "over" is a preposition ("change in price"), which
    /// word order already carries.
    /// </summary>
    private static bool IsParticle(List<Token> tokens, int i) =>
        i == tokens.Count - 1 && i > 0 && !tokens[i - 1].Term.IsStop && Particles.Contains(tokens[i].Term.Folded);

    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal) { "up", "down", "off", "out", "on", "over", "in" };

    /// <summary>
    /// A content word, a closing particle, or a function word inside a hyphenated word: "over-sampling" is not
    /// "under-sampling", nor "over-fitting" "under-fitting" (without "over" both were "sampling", "fitting").
    /// </summary>
    private static bool IsKeywordWord(List<Token> tokens, int i) =>
        !tokens[i].Term.IsStop || IsParticle(tokens, i) || Tokenizer.InHyphenatedWord(tokens, i);

    private static string[] Sequence(string phrase) =>
        Tokenizer.Tokenize(phrase) is var tokens ? tokens.Where((t, i) => IsKeywordWord(tokens, i)).Select(t => t.Term.Folded).ToArray() : [];

    private static bool Contains(Variant variant, string[] sequence) => IndexOf(variant, sequence) >= 0;

    private static int IndexOf(Variant variant, string[] sequence)
    {
        if (sequence.Length == 0) return -1;
        for (var i = 0; i + sequence.Length <= variant.Words.Length; i++)
        {
            var all = true;
            for (var j = 0; j < sequence.Length && all; j++)
                all = Terms.Get(sequence[j]).StemId == variant.Words[i + j].StemId;
            if (all) return i;
        }
        return -1;
    }

    private Variant Replace(Variant variant, string[] found, string[] replacement)
    {
        var at = IndexOf(variant, found);
        if (at < 0) return variant;
        var words = variant.Words.Take(at).Select(w => (Terms.Get(w.Folded), w.Acronym))
            .Concat(replacement.Select(r => (Terms.Get(r), Lexicon.AcronymForms.Contains(r))))
            .Concat(variant.Words.Skip(at + found.Length).Select(w => (Terms.Get(w.Folded), w.Acronym)));
        return Compile(words, MatchKind.Acronym);
    }

    private Variant Compile(IEnumerable<(Term Term, bool Acronym)> words, MatchKind kind)
    {
        var compiled = new List<KeyWord>();
        foreach (var (term, acronym) in words)
        {
            if (!Vocabulary.TryGetValue(term.Canon, out var index))
            {
                index = Words.Count;
                Vocabulary.Add(term.Canon, index);
                Words.Add(new KeyWord(index, term.Folded, term.Stem, term.StemId, term.Canon,
                    acronym || Lexicon.AcronymForms.Contains(term.Folded)));
            }
            compiled.Add(Words[index] with { Folded = term.Folded, Stem = term.Stem, StemId = term.StemId, Acronym = acronym || Words[index].Acronym });
        }
        return new Variant(compiled.ToArray(), kind);
    }
}

/// <summary>A word of the key; <see cref="Index"/> is what response words are mapped to.</summary>
internal sealed record KeyWord(int Index, string Folded, string Stem, int StemId, int Canon, bool Acronym)
{
    public override string ToString() => Folded;
}

internal sealed record Variant(KeyWord[] Words, MatchKind Kind);

/// <param name="InPrompt">Every word of the phrase is in the question: restating the question does not earn it.</param>
/// <param name="Denied">The phrase starts with a negation ("not change", "no vitamin"): only a negated occurrence earns it.</param>
internal sealed record CompiledKeyword(Keyword Keyword, Variant[] Variants, bool InPrompt, bool Denied = false)
{
    /// <summary>The result for a response without this keyword: immutable, so every such result shares it.</summary>
    public KeywordMatch Missing { get; } = new(Keyword, false, null, Array.Empty<TextSpan>());

    /// <summary>Key word index → some variant starts with it: a response word that is none of these cannot begin a match.</summary>
    public bool[] Starts { get; set; } = [];
}
