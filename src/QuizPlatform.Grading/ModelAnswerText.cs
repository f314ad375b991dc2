using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using QuizPlatform.Grading.Text;

namespace QuizPlatform.Grading;

/// <summary>
/// A model answer prepared for keyword extraction: Markdown markup removed, words tokenised, and the structure a
/// marker reads: bullet heads ("- Max Pooling: ..."), acronyms defined in the text ("Region Proposal Networks
/// (RPNs)", "GPUs (Graphics Processing Units)") and named terms ("Faster R-CNN", "U-Net", "PyTorch").
/// </summary>
internal sealed partial class ModelAnswerText
{
    public ModelAnswerText(string markdown)
    {
        Text = Clean(markdown);
        Tokens = Tokenizer.Tokenize(Text);
        SentenceStart = Tokens.Select(t => IsSentenceStart(Text, t.Start)).ToArray();
        Classes = WordClasses.Classify(Tokens);
        Runs = FindRuns();
        Phrases = FindPhrases();
        Linked = FindLinked();
        foreach (var key in Phrases.Select(p => p.Key).Concat(Linked.Select(l => l.Key)))
            CollectionsMarshal.GetValueRefOrAddDefault(phraseCounts, key, out _)++;
    }

    public const int MaxPhraseWords = 3;
    private readonly Dictionary<string, int> phraseCounts = new(StringComparer.Ordinal);

    public string Text { get; }
    public List<Token> Tokens { get; }
    public bool[] SentenceStart { get; }

    /// <summary>Each token's word class in its sentence (<see cref="WordClasses"/>).</summary>
    public WordClass[] Classes { get; }

    /// <summary>
    /// Whether the window could name a thing: nouns and the words that describe them, ending on a noun ("stable
    /// storage", "initial sequence number"), with no verb or adverb ("concurrency control assumes", "happens").
    /// </summary>
    public bool IsNounPhrase(List<int> run, int start, int length)
    {
        if (Classes[run[start + length - 1]] != WordClass.Noun) return false;
        for (var k = start; k < start + length - 1; k++)
            if (Classes[run[k]] is WordClass.Verb or WordClass.Other) return false;
        return true;
    }

    /// <summary>Whether the tokens from <paramref name="first"/> on are one hyphenated word ("free-rider", "end-to-end").</summary>
    public bool IsOneWord(int first, int count) =>
        count > 1 && first + count <= Tokens.Count && Enumerable.Range(first + 1, count - 1).All(i => Tokens[i].Has(TokenFlags.JoinedToPrevious));

    /// <summary>Runs of content words (token indexes) between stop words, punctuation, numbers and negated stretches.</summary>
    public IReadOnlyList<List<int>> Runs { get; }

    /// <summary>The one- to three-word windows of the runs with their keys, run by run, shorter windows first.</summary>
    public IReadOnlyList<(List<int> Run, int Start, int Length, string Key)> Phrases { get; }

    /// <summary>How often the phrase (a key of up to three word ids) occurs in the runs.</summary>
    public int Occurrences(string key) => phraseCounts.GetValueOrDefault(key);

    /// <summary>The distinct keys of the answer's phrases, for document frequencies.</summary>
    public IEnumerable<string> PhraseKeys => phraseCounts.Keys;

    private List<(List<int> Run, int Start, int Length, string Key)> FindPhrases()
    {
        var phrases = new List<(List<int>, int, int, string)>();
        foreach (var run in Runs)
            for (var n = 1; n <= Math.Min(MaxPhraseWords, run.Count); n++)
                for (var i = 0; i + n <= run.Count; i++)
                    phrases.Add((run, i, n, CandidateSet.KeyOf(run, i, n, Tokens)));
        return phrases;
    }

    private List<List<int>> FindRuns()
    {
        var runs = new List<List<int>>();
        var run = new List<int>();
        var negatedUntil = -1;
        for (var i = 0; i < Tokens.Count; i++)
        {
            var token = Tokens[i];
            if (token.Term.IsNegator) negatedUntil = i + 3;
            if (token.Has(TokenFlags.ClauseBreakBefore)) negatedUntil = token.Term.IsNegator ? negatedUntil : -1;
            var content = (!token.Term.IsStop || InsideCompound(i)) && !char.IsDigit(token.Term.Folded[0]) && i > negatedUntil && !InIdiom(i);
            if (run.Count > 0 && (!content || token.Has(TokenFlags.ClauseBreakBefore)))
            {
                runs.Add(run);
                run = [];
            }
            if (content) run.Add(i);
        }
        if (run.Count > 0) runs.Add(run);
        return runs;
    }

    /// <summary>
    /// A noun joined by "of", "to", "in" or "for" to the noun phrase that ends its run ("duty to mitigate", "change in
    /// price", "ratio of nominal GDP"): runs stop at the function word, so such terms came apart; as the content words' token indexes, with the key. A determiner after the link ("capacity of the parties") makes it a description, and a
    /// noun after it ("assassination of Archduke Franz") a longer name, neither a term. "To" before a verb is a term
    /// only where the answer or the assignment says it again ("invitation to treat", not "allows the network to adapt").
    /// </summary>
    public IReadOnlyList<(List<int> Words, string Key, bool NeedsRecurrence)> Linked { get; }

    private List<(List<int> Words, string Key, bool NeedsRecurrence)> FindLinked()
    {
        var linked = new List<(List<int>, string, bool)>();
        var runOf = new Dictionary<int, List<int>>();
        foreach (var run in Runs)
            foreach (var i in run) runOf[i] = run;
        for (var i = 1; i + 1 < Tokens.Count; i++)
        {
            if (!LinkWords.Contains(Tokens[i].Term.Folded) || InsideCompound(i)) continue;
            if (Tokens[i].Has(TokenFlags.ClauseBreakBefore) || Tokens[i + 1].Has(TokenFlags.ClauseBreakBefore)) continue;
            if (!runOf.ContainsKey(i - 1) || !runOf.TryGetValue(i + 1, out var after) || Classes[i - 1] != WordClass.Noun) continue;
            // The run after a function word starts right after it.
            var toVerb = Tokens[i].Term.Folded == "to" && IsBaseForm(i + 1);
            var length = toVerb ? 1 : Tokens[i].Term.Folded == "to" ? 0 : NounPhraseAt(after);
            if (length == 0) continue;
            List<int> words = [i - 1, .. after.GetRange(0, length)];
            linked.Add((words, CandidateSet.KeyOf(words, 0, words.Count, Tokens), toVerb && !IsAbstract(i - 1)));
        }
        return linked;
    }

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

    /// <summary>"for" of "wait-for graph", "to" of "peer-to-peer": a function word in a hyphenated word is part of a term.</summary>
    private bool InsideCompound(int i) =>
        Tokens[i].Has(TokenFlags.JoinedToPrevious) || i + 1 < Tokens.Count && Tokens[i + 1].Has(TokenFlags.JoinedToPrevious);

    /// <summary>"respect" of "with respect to", "order" of "in order to": words of a fixed phrase that only links.</summary>
    private bool InIdiom(int i) =>
        i > 0 && !Tokens[i].Has(TokenFlags.ClauseBreakBefore) && Idioms.Contains((Tokens[i - 1].Term.Folded, Tokens[i].Term.Folded));

    private static readonly HashSet<(string, string)> Idioms =
    [
        ("with", "respect"), ("in", "terms"), ("in", "order"), ("in", "addition"), ("for", "example"), ("for", "instance"),
        ("in", "particular"), ("in", "general"), ("in", "spite"), ("in", "front"), ("on", "behalf"), ("in", "fact"),
        ("in", "case"), ("as", "well"), ("in", "turn"), ("at", "times"), ("by", "means"), ("in", "practice"),
    ];

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
                if (IsItem(item)) items.Add(item);
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
    private bool IsItem(List<int> item)
    {
        var start = item.FindIndex(i => !Tokens[i].Term.IsStop);
        if (start < 0 || item.Skip(start).Any(i => Tokens[i].Term.IsStop) || item.Count - start > MaxPhraseWords) return false;
        if (item.Take(start).Any(i => !Determiners.Contains(Tokens[i].Term.Folded))) return false;
        item.RemoveRange(0, start);
        return IsNounPhrase(item, 0, item.Count) && item.All(i => !char.IsDigit(Tokens[i].Term.Folded[0]));
    }

    /// <summary>The longest noun phrase of up to three content words that ends the words and follows their last function word.</summary>
    private List<int>? LastNounPhrase(List<int> words)
    {
        var tail = words.Skip(words.FindLastIndex(i => Tokens[i].Term.IsStop) + 1).ToList();
        for (var length = Math.Min(MaxPhraseWords, tail.Count); length > 0; length--)
            if (IsNounPhrase(tail, tail.Count - length, length)) return tail.GetRange(tail.Count - length, length);
        return null;
    }

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal) { "a", "an", "the", "its", "their", "his", "her", "our" };

    /// <summary>Text of a bullet or paragraph head: a short phrase at the start of a line, followed by a colon.</summary>
    public IEnumerable<(int Start, int Length)> Heads() =>
        HeadPattern().Matches(Text).Select(m => m.Groups["head"]).Where(g => WordCount(g.Value) <= 5).Select(g => (g.Index, g.Length));

    /// <summary>Acronym definitions as (expansion, acronym) pairs, in order of appearance.</summary>
    public IEnumerable<(string Expansion, string Acronym)> Definitions()
    {
        // Matched right to left so that only a closing bracket can start a match: left to right, every letter of
        // the text would start a search through up to seven words.
        foreach (var m in AcronymAfter().Matches(Text).Reverse())
        {
            var expansion = ExpansionEnding(m.Groups["words"].Value, m.Groups["acr"].Value);
            if (expansion is not null) yield return (expansion, m.Groups["acr"].Value);
        }
        foreach (Match m in AcronymBefore().Matches(Text))
        {
            var words = m.Groups["exp"].Value.Trim();
            if (WordCount(words) <= 6 && Initials(m.Groups["acr"].Value, words)) yield return (words, m.Groups["acr"].Value);
        }
    }

    /// <summary>Runs of capitalised, mixed-case or acronym words inside sentences: names of methods and tools.</summary>
    public IEnumerable<(int First, int Last)> NamedTerms()
    {
        var i = 0;
        while (i < Tokens.Count)
        {
            if (!IsName(i)) { i++; continue; }
            var first = i;
            while (true)
            {
                if (i + 1 < Tokens.Count && IsName(i + 1) && !Tokens[i + 1].Has(TokenFlags.ClauseBreakBefore)
                    && Tokens[i + 1].Start - Tokens[i].End <= 1) i++;
                // A case name is one term: "Hadley v Baxendale", "Williams v Roffey".
                else if (i + 2 < Tokens.Count && Tokens[i + 1].Term.Folded is "v" or "vs" && IsName(i + 2)
                         && !Tokens[i + 1].Has(TokenFlags.ClauseBreakBefore) && !Tokens[i + 2].Has(TokenFlags.ClauseBreakBefore)) i += 2;
                else break;
            }
            yield return (first, i);
            i++;
        }
    }

    private bool IsName(int i)
    {
        var t = Tokens[i];
        if (t.Has(TokenFlags.Acronym) || t.Has(TokenFlags.MixedCase)) return !char.IsDigit(Text[t.Start]);
        return t.Has(TokenFlags.Capitalised) && !SentenceStart[i] && !t.Term.IsStop;
    }

    /// <summary>The last words of <paramref name="words"/> whose letters spell the acronym, starting with its first letter.</summary>
    private static string? ExpansionEnding(string words, string acronym)
    {
        var parts = words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var k = 1; k <= Math.Min(parts.Length, Letters(acronym).Length + 1); k++)
        {
            var candidate = string.Join(' ', parts[^k..]);
            if (Initials(acronym, candidate)) return candidate;
        }
        return null;
    }

    private static bool Initials(string acronym, string expansion)
    {
        var letters = Letters(acronym);
        var words = Letters(expansion);
        if (letters.Length < 2 || words.Length <= letters.Length || letters[0] != words[0]) return false;
        var at = 0;
        foreach (var c in words)
            if (at < letters.Length && c == letters[at]) at++;
        return at == letters.Length;
    }

    private static string Letters(string text)
    {
        var letters = new string(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        // "RPNs", "GPUs": the plural s is not part of the acronym.
        return text.Length > 2 && text[^1] == 's' && char.IsUpper(text[^2]) ? letters[..^1] : letters;
    }

    private static int WordCount(string text) => text.Split([' ', '/', '-'], StringSplitOptions.RemoveEmptyEntries).Length;

    private static bool IsSentenceStart(string text, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            var c = text[i];
            if (c is ' ' or '\t' or '"' or '(' or '*' or '_') continue;
            // A bullet dash starts a sentence; a hyphen inside a word ("U-Net") does not.
            if (c == '-') return i == 0 || char.IsWhiteSpace(text[i - 1]);
            return c is '.' or '!' or '?' or ':' or '\n';
        }
        return true;
    }

    private static string Clean(string markdown)
    {
        var text = markdown.Replace("\r\n", "\n", StringComparison.Ordinal);
        text = LinkPattern().Replace(text, "$1");
        text = CrossReference().Replace(text, "");
        return text.Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^[ \t]*(?:[-*+][ \t]+)?(?<head>[^:\n]{2,60}?):[ \t]*\S", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex HeadPattern();

    [GeneratedRegex(@"(?<words>(?:[A-Za-z][\w'-]*[ ]+){1,7})\((?<acr>[A-Z][A-Za-z-]*[A-Z][a-z]?s?)\)", RegexOptions.CultureInvariant | RegexOptions.RightToLeft)]
    private static partial Regex AcronymAfter();

    [GeneratedRegex(@"\b(?<acr>[A-Z][A-Za-z-]*[A-Z][a-z]?s?)[ ]*\((?<exp>[A-Za-z][A-Za-z' -]{3,80})\)", RegexOptions.CultureInvariant)]
    private static partial Regex AcronymBefore();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"[ ]?\((?:see )?questions? \d+\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CrossReference();
}
