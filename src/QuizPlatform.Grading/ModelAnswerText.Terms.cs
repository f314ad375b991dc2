using QuizPlatform.Grading.Text;

namespace QuizPlatform.Grading;

/// <summary>Terms that runs of content words cut apart or miss: nouns linked by a function word, short clauses, and listed items.</summary>
internal sealed partial class ModelAnswerText
{
    /// <summary>
    /// A noun joined by "of", "to", "in" or "for" to the noun phrase that ends its run ("duty to mitigate", "change in
    /// price", "ratio of nominal GDP"), as its content words' token indexes and key: runs stop at the function word, so
    /// such terms came apart. A determiner after the link ("capacity of the parties") makes it a description, and a
    /// noun after it ("assassination of Archduke Franz") a longer name, neither a term. "To" before a verb is a term
    /// after an abstract noun ("duty to mitigate"), elsewhere only where the answer or the assignment says it again
    /// ("invitation to treat", not "allows the network to adapt").
    /// </summary>
    public IReadOnlyList<(List<int> Words, string Key, bool NeedsRecurrence)> Linked { get; }

    private List<(List<int> Words, string Key, bool NeedsRecurrence)> FindLinked()
    {
        var linked = new List<(List<int> Words, string Key, bool NeedsRecurrence)>();
        for (var i = 1; i + 1 < Tokens.Count; i++)
        {
            if (!LinkWords.Contains(Tokens[i].Term.Folded) || Tokenizer.InHyphenatedWord(Tokens, i)) continue;
            if (Tokens[i].Has(TokenFlags.ClauseBreakBefore) || Tokens[i + 1].Has(TokenFlags.ClauseBreakBefore)) continue;
            if (!runAt.ContainsKey(i - 1) || !runAt.TryGetValue(i + 1, out var at) || Classes[i - 1] != WordClass.Noun) continue;
            var after = at.Run;
            // The run after a function word starts right after it.
            var toVerb = Tokens[i].Term.Folded == "to" && IsBaseForm(i + 1);
            var length = toVerb ? 1 : Tokens[i].Term.Folded == "to" ? 0 : NounPhraseAt(after);
            if (length == 0) continue;
            List<int> words = [i - 1, .. after.GetRange(0, length)];
            linked.Add((words, CandidateSet.KeyOf(words, 0, words.Count, Tokens), toVerb && !IsAbstract(i - 1)));
        }
        // "rate of change" and "change of flux linkage" make "rate of change of flux linkage": a term of art can be longer
        // than one link. Only through "of": "Ferdinand in Sarajevo in June" is a place and a time.
        var ofLinks = linked.Where(l => Tokens[l.Words[0] + 1].Term.Folded == "of").ToList();
        foreach (var (first, _, _) in ofLinks)
            foreach (var (second, _, _) in ofLinks.Where(l => l.Words[0] == first[^1]))
            {
                List<int> words = [.. first, .. second.Skip(1)];
                linked.Add((words, CandidateSet.KeyOf(words, 0, words.Count, Tokens), false));
            }
        return linked;
    }

    /// <summary>
    /// A noun and what "is" or "are" says of it, where that ends the clause: "conflicts are rare", "its leaves are
    /// linked", "damages are inadequate". An instructor lists the statement, and neither word says it alone.
    /// </summary>
    public IReadOnlyList<(List<int> Words, string Key)> Clauses { get; }

    private List<(List<int> Words, string Key)> FindClauses()
    {
        var clauses = new List<(List<int>, string)>();
        for (var i = 1; i + 1 < Tokens.Count; i++)
        {
            if (Tokens[i].Term.Folded is not ("is" or "are" or "was" or "were") || Tokens[i].Has(TokenFlags.ClauseBreakBefore)) continue;
            int subject = i - 1, said = i + 1;
            if (Tokens[subject].Term.IsStop || Classes[subject] != WordClass.Noun || char.IsDigit(Tokens[subject].Term.Folded[0])) continue;
            if (Tokens[said].Term.IsStop || Tokens[said].Has(TokenFlags.ClauseBreakBefore) || Classes[said] == WordClass.Other
                || Tokenizer.InHyphenatedWord(Tokens, said) || Tokens[said].Term.Folded.EndsWith("ing", StringComparison.Ordinal)) continue;
            // "is calculated by the chain rule" goes on; "are rare:" or "are likely and" ends.
            var endsThere = said + 1 == Tokens.Count || Tokens[said + 1].Has(TokenFlags.ClauseBreakBefore)
                            || Tokens[said + 1].Term.Folded is "and" or "or" or "but" or "so";
            if (endsThere) clauses.Add(([subject, said], CandidateSet.KeyOf([subject, said], 0, 2, Tokens)));
        }
        return clauses;
    }

    /// <summary>
    /// A number with what it counts or measures ("450 volts", "two weeks", "hundreds of kilovolts") or a percentage
    /// ("65 %"), as its token indexes and whether a "%" follows: an instructor lists the quantity, and the runs of content
    /// words stop at a number. "One" is left out: mostly it is an article ("one plate and leave the other").
    /// </summary>
    public IReadOnlyList<(List<int> Words, bool Percent)> Quantities { get; }

    private List<(List<int> Words, bool Percent)> FindQuantities()
    {
        var quantities = new List<(List<int>, bool)>();
        for (var i = 0; i + 1 < Tokens.Count; i++)
        {
            var word = Tokens[i].Term.Folded;
            // "two-phase locking": the runs have a number word inside a hyphenated word (digits they leave out: "8-bit integers").
            if (!char.IsDigit(word[0]) && (!NumberWords.Contains(word) || Tokens[i + 1].Has(TokenFlags.JoinedToPrevious))) continue;
            if (Text[Tokens[i].End..Tokens[i + 1].Start].Trim() == "%") { quantities.Add(([i], true)); continue; }
            if (Tokens[i + 1].Has(TokenFlags.ClauseBreakBefore)) continue;
            // "hundreds of kilovolts": a large round number counts through "of".
            var counted = Tokens[i + 1].Term.Folded == "of" && word is "hundreds" or "thousands" or "millions" && i + 2 < Tokens.Count ? i + 2 : i + 1;
            if (!runAt.TryGetValue(counted, out var at) || Tokens[counted].Has(TokenFlags.ClauseBreakBefore)) continue;
            var length = NounPhraseAt(at.Run.GetRange(at.At, at.Run.Count - at.At));
            // "100,000 men": the number starts at its first group of digits.
            var first = i;
            while (first > 0 && char.IsDigit(Tokens[first - 1].Term.Folded[0]) && Text[Tokens[first - 1].End..Tokens[first].Start] == ",") first--;
            if (length > 0) quantities.Add(([.. Enumerable.Range(first, i - first + 1), .. at.Run.GetRange(at.At, length)], false));
        }
        return quantities;
    }

    private static readonly HashSet<string> NumberWords = new(StringComparer.Ordinal)
    {
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty",
        "fifty", "hundred", "hundreds", "thousand", "thousands", "million", "millions",
    };

    /// <summary>The longest noun phrase of at most two words at the start of the run that no noun or modifier continues.</summary>
    private int NounPhraseAt(List<int> run)
    {
        for (var length = Math.Min(MaxPhraseWords - 1, run.Count); length > 0; length--)
            if (IsNounPhrase(run, 0, length) && (length == run.Count || Classes[run[length]] is WordClass.Verb or WordClass.Other))
                return length;
        return 0;
    }

    /// <summary>"duty", "invitation", "obligation": a noun of this form takes its verb as a term ("duty to mitigate").</summary>
    private bool IsAbstract(int i)
    {
        var word = Tokens[i].Term.Folded;
        return !Lexicon.GeneralWords.Contains(word) && Array.Exists(AbstractEndings, e => word.Length > e.Length + 1 && word.EndsWith(e, StringComparison.Ordinal));
    }

    private static readonly string[] AbstractEndings = ["tion", "sion", "ty", "ment", "ance", "ence"];

    private bool IsBaseForm(int i)
    {
        var word = Tokens[i].Term.Folded;
        return Classes[i] is WordClass.Noun or WordClass.Verb && !word.EndsWith('s') && !word.EndsWith("ed", StringComparison.Ordinal)
               && !word.EndsWith("ing", StringComparison.Ordinal);
    }

    private static readonly HashSet<string> LinkWords = new(StringComparer.Ordinal) { "of", "to", "in", "for" };

    /// <summary>
    /// The items of an enumeration of three or more noun phrases ("militarism, the alliance system, imperialism and
    /// nationalism"), each as its content words' token indexes: what an answer lists, an instructor lists too. Items are
    /// parted by commas, "and" or "or"; a bracket inside an item is skipped, other punctuation ends the list.
    /// </summary>
    public IEnumerable<List<int>> ListItems()
    {
        var items = new List<List<int>>();
        var item = new List<int>();
        var commas = 0;
        var bracket = false;
        for (var i = 0; i <= Tokens.Count; i++)
        {
            var gap = i == 0 ? "" : Text[Tokens[i - 1].End..(i < Tokens.Count ? Tokens[i].Start : Text.Length)];
            if (gap.Contains('(', StringComparison.Ordinal)) bracket = true;
            var closes = gap.Contains(')', StringComparison.Ordinal);
            if (bracket && !closes) continue;
            bracket = false;
            var end = i == Tokens.Count || gap.AsSpan().IndexOfAny(".;:!?\n") >= 0;
            var comma = gap.Contains(',', StringComparison.Ordinal);
            var conjunction = !end && Tokens[i].Term.Folded is "and" or "or";
            if (comma || conjunction || end)
            {
                if (ItemWords(item) is { } words) items.Add(words);
                else
                {
                    foreach (var listed in Listed(items, commas)) yield return listed;
                    // The first item follows what introduces the list: "its parts are the nucleus, ...".
                    items = LastNounPhrase(item) is { } first ? [first] : [];
                    commas = 0;
                }
                item = [];
                if (comma) commas++;
            }
            if (end)
            {
                foreach (var listed in Listed(items, commas)) yield return listed;
                items = [];
                commas = 0;
            }
            if (i < Tokens.Count && !conjunction) item.Add(i);
        }
    }

    private static IEnumerable<List<int>> Listed(List<List<int>> items, int commas) => items.Count >= 3 && commas > 0 ? items : [];

    /// <summary>An item names one thing: after its determiners, one to three content words that make a noun phrase.</summary>
    private List<int>? ItemWords(List<int> item)
    {
        var start = item.FindIndex(i => !Tokens[i].Term.IsStop);
        if (start < 0 || item.Skip(start).Any(i => Tokens[i].Term.IsStop) || item.Count - start > MaxPhraseWords) return null;
        if (item.Take(start).Any(i => !WordClasses.Determiners.Contains(Tokens[i].Term.Folded))) return null;
        var words = item.GetRange(start, item.Count - start);
        return IsNounPhrase(words, 0, words.Count) && words.All(i => !char.IsDigit(Tokens[i].Term.Folded[0])) ? words : null;
    }

    /// <summary>The longest noun phrase of up to three content words that ends the words and follows their last function word.</summary>
    private List<int>? LastNounPhrase(List<int> words)
    {
        var tail = words.Skip(words.FindLastIndex(i => Tokens[i].Term.IsStop) + 1).ToList();
        for (var length = Math.Min(MaxPhraseWords, tail.Count); length > 0; length--)
            if (IsNounPhrase(tail, tail.Count - length, length)) return tail.GetRange(tail.Count - length, length);
        return null;
    }
}
