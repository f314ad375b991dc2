using QuizPlatform.Grading.Text;

namespace QuizPlatform.Grading;

/// <summary>
/// One response read against one key: its words, each mapped to the key word it stands for (directly, by synonym,
/// by typo tolerance, or as the second half of a split spelling such as "r cnn"). Reused per thread so grading a
/// response allocates little beyond its result.
/// </summary>
internal sealed class ResponseWords
{
    private readonly List<Token> tokens = new(256);
    private readonly HashSet<int> promptWordsSaid = [];
    private readonly HashSet<int> canons = [];
    private readonly List<TextSpan> found = new(16);
    private readonly List<TextSpan> negated = new(16);
    private readonly KeywordPadding padding = new();
    private int[] word = new int[256];
    private int[] joined = new int[256];
    private bool[] typo = new bool[256];
    // Positions whose word (or the pair it starts) is a word of the key: the only places a keyword can begin.
    private int[] hits = new int[256];
    private int hitCount;
    private string text = "";
    private GradingKey key = null!;

    public void Read(string response, GradingKey gradingKey, GradingOptions options)
    {
        text = response;
        key = gradingKey;
        tokens.Clear();
        Tokenizer.Tokenize(response, tokens);
        if (word.Length < tokens.Count + 1)
        {
            word = new int[tokens.Count * 2];
            joined = new int[tokens.Count * 2];
            typo = new bool[tokens.Count * 2];
            hits = new int[tokens.Count * 2];
        }
        hitCount = 0;
        Span<char> pair = stackalloc char[64];
        for (var i = 0; i < tokens.Count; i++)
        {
            var term = tokens[i].Term;
            typo[i] = false;
            word[i] = key.Vocabulary.TryGetValue(term.Canon, out var index) ? index : TypoIndex(tokens[i], options, out typo[i]);
            joined[i] = -1;
            // "R-CNN", "r cnn", "U Net" stand for one word of the key ("rcnn", "unet").
            if (i + 1 < tokens.Count && (tokens[i + 1].Has(TokenFlags.JoinedToPrevious) || term.Folded.Length <= 2 || tokens[i + 1].Term.Folded.Length <= 2))
            {
                var second = tokens[i + 1].Term.Folded;
                if (term.Folded.Length + second.Length <= pair.Length)
                {
                    term.Folded.CopyTo(pair);
                    second.CopyTo(pair[term.Folded.Length..]);
                    var both = pair[..(term.Folded.Length + second.Length)];
                    if (key.MayJoinTo(both) && key.Vocabulary.TryGetValue(Terms.Get(both).Canon, out var pairIndex)) joined[i] = pairIndex;
                }
            }
            if (word[i] >= 0 || joined[i] >= 0) hits[hitCount++] = i;
        }
    }

    public KeywordMatch Find(CompiledKeyword keyword, GradingOptions options)
    {
        found.Clear();
        negated.Clear();
        MatchKind how = MatchKind.Exact;
        var starts = keyword.Starts;
        var after = -1;
        for (var h = 0; h < hitCount; h++)
        {
            var start = hits[h];
            if (start <= after) continue;
            int w = word[start], pairWord = joined[start];
            if (!(w >= 0 && starts[w]) && !(pairWord >= 0 && starts[pairWord])) continue;
            foreach (var variant in keyword.Variants)
            {
                var first = variant.Words[0].Index;
                if (first != w && first != pairWord) continue;
                if (!TryMatch(variant, start, options.PhraseGap, out var end, out var kind)) continue;
                var span = new TextSpan(tokens[start].Start, tokens[end].End - tokens[start].Start);
                if (IsNegated(start, end, options.NegationWindow) != keyword.Denied) negated.Add(span);
                else
                {
                    how = found.Count == 0 ? Max(kind, variant.Kind) : (MatchKind)Math.Min((int)how, (int)Max(kind, variant.Kind));
                    found.Add(span);
                }
                after = end;
                break;
            }
        }
        return found.Count > 0 ? new KeywordMatch(keyword.Keyword, true, how, found.ToArray())
            : negated.Count > 0 ? new KeywordMatch(keyword.Keyword, false, null, negated.ToArray(), true)
            : keyword.Missing;
    }

    /// <summary>
    /// Flags about the response as a whole: copying the question, bare lists. Not repetition: a word said many times
    /// earns its keyword once, and real answers say their subject again and again (through 1.10.0 repetition capped
    /// such answers at half the points: 6 % of Mohler's computer-science answers, the markers' mean 4.25 of 5).
    /// </summary>
    public GradeFlags Style(GradingOptions options)
    {
        int content = 0, functionWords = 0, novel = 0, reproduced = 0, run = 0, longestRun = 0;
        promptWordsSaid.Clear();
        var previousCapitalised = false;
        foreach (var token in tokens)
        {
            var sameName = previousCapitalised && token.Has(TokenFlags.Capitalised) && !token.Has(TokenFlags.ClauseBreakBefore);
            previousCapitalised = token.Has(TokenFlags.Capitalised);
            if (token.Term.IsStop)
            {
                // A list has at most the "and" or "or" before its last item: not counted, so that it does not pass as prose.
                if (token.Term.Folded is not ("and" or "or")) functionWords++;
                run = 0;
                continue;
            }
            // A number is no term a list would stuff ("20 grams plus 10 grams equals 30 grams"); "recursion-selection" is one
            // word, and so is a name ("Central London Property Trust").
            if (!char.IsDigit(token.Term.Folded[0]) && !token.Has(TokenFlags.JoinedToPrevious) && !sameName)
                run = token.Has(TokenFlags.ClauseBreakBefore) ? 1 : run + 1;
            longestRun = Math.Max(longestRun, run);
            content++;
            if (!key.PromptWords.Contains(token.Term.Canon)) novel++;
            else if (promptWordsSaid.Add(token.Term.Canon)) reproduced++;
        }
        // A copy reproduces much of the question; a short answer that picks one option out of a long scenario
        // ("Overly Orange has more vitamin C") also uses only question words but is not a copy.
        var flags = GradeFlags.None;
        if (content >= 3 && novel <= content * (1 - options.CopiedPromptShare)
            && reproduced >= key.PromptWords.Count * options.CopiedPromptCoverage) flags |= GradeFlags.CopiesPrompt;
        // Written sentences are a third to a half function words; a list of terms has almost none, and no verb. A terse
        // sentence may have as few ("pooling reduces spatial size"), but it has a verb after its subject, and no clause
        // runs on for eight words without one: in a run that long a plural reads as a verb by chance ("convolutional
        // layers filters kernels input images patterns ...": "layers filters" as "the membrane pumps protons").
        if (longestRun >= MaxClauseRun || tokens.Count >= 6 && functionWords < tokens.Count * 0.12
            && !WordClasses.HasVerbAfterItsSubject(tokens, Tokenizer.SentenceStarts(text, tokens)))
            flags |= GradeFlags.KeywordList | GradeFlags.NeedsReview;
        return flags;
    }

    /// <summary>Content words in a row, with no function word or punctuation between, that no written clause reaches.</summary>
    private const int MaxClauseRun = 8;

    /// <summary>The response's words as canon ids (see <see cref="GradingKey.Fit"/>); reused, so read it before the next response.</summary>
    public HashSet<int> Canons()
    {
        canons.Clear();
        foreach (var token in tokens) canons.Add(token.Term.Canon);
        return canons;
    }

    /// <summary>Null unless the matched keywords sit in filler clauses (see <see cref="KeywordPadding"/>).</summary>
    public string? Padding(KeywordMatch[] matches) => padding.Detect(text, tokens, matches);

    private bool TryMatch(Variant variant, int start, int gap, out int end, out MatchKind kind)
    {
        end = -1;
        kind = MatchKind.Exact;
        var position = start;
        for (var j = 0; j < variant.Words.Length; j++)
        {
            var target = variant.Words[j];
            var last = j == 0 ? start : Math.Min(tokens.Count - 1, position + gap);
            var matched = false;
            for (var q = position; q <= last && q < tokens.Count; q++)
            {
                if (j > 0 && tokens[q].Has(TokenFlags.ClauseBreakBefore)) break;
                if (word[q] == target.Index)
                {
                    kind = Max(kind, typo[q] ? MatchKind.Typo : KindOf(tokens[q].Term, target));
                    end = q;
                    position = q + 1;
                    matched = true;
                    break;
                }
                if (joined[q] == target.Index && !tokens[q + 1].Has(TokenFlags.ClauseBreakBefore))
                {
                    kind = Max(kind, MatchKind.Stem);
                    end = q + 1;
                    position = q + 2;
                    matched = true;
                    break;
                }
            }
            if (!matched) return false;
        }
        return true;
    }

    internal bool IsNegated(int start, int end, int window)
    {
        for (var i = start - 1; i >= 0 && i >= start - window; i--)
        {
            if (tokens[i + 1].Has(TokenFlags.ClauseBreakBefore)) break;
            if (tokens[i].Term.IsNegator && tokens[i + 1].Term.Folded != "only") return true;
        }
        for (var i = start + 1; i < end; i++)
            if (tokens[i].Term.IsNegator) return true;
        return false;
    }

    private int TypoIndex(Token token, GradingOptions options, out bool isTypo)
    {
        isTypo = false;
        var term = token.Term;
        if (term.IsStop || token.Has(TokenFlags.Acronym) || term.Folded.Length < options.TypoMinLength) return -1;
        // A key graded with other typo settings than it was compiled with computes them afresh.
        var remembered = key.TypoOptions == (options.TypoMinLength, options.TwoTyposLength);
        if (!remembered || !key.TypoMemo.TryGetValue(term, out var index))
        {
            index = Typos.Closest(term, key.Words, options);
            if (remembered && key.TypoMemo.Count < GradingKey.TypoMemoCapacity) key.TypoMemo.TryAdd(term, index);
        }
        isTypo = index >= 0;
        return index;
    }

    private static MatchKind KindOf(Term response, KeyWord target) =>
        response.StemId != target.StemId ? MatchKind.Synonym
        : string.Equals(response.Folded, target.Folded, StringComparison.Ordinal) ? MatchKind.Exact : MatchKind.Stem;

    private static MatchKind Max(MatchKind a, MatchKind b) => a > b ? a : b;
}
