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
        SentenceStart = Tokenizer.SentenceStarts(Text, Tokens);
        Classes = WordClasses.Classify(Tokens, SentenceStart);
        ContentWords = Tokens.Count(t => !t.Term.IsStop);
        Runs = FindRuns();
        foreach (var run in Runs)
            for (var k = 0; k < run.Count; k++) runAt[run[k]] = (run, k);
        Phrases = FindPhrases();
        Linked = FindLinked();
        Clauses = FindClauses();
        Quantities = FindQuantities();
        foreach (var key in Phrases.Select(p => p.Key).Concat(Linked.Select(l => l.Key)).Concat(Clauses.Select(c => c.Key)))
            CollectionsMarshal.GetValueRefOrAddDefault(phraseCounts, key, out _)++;
    }

    public const int MaxPhraseWords = 3;

    /// <summary>Answers with at most this many content words keep all of them as keywords.</summary>
    public const int ShortAnswerWords = 20;

    public int ContentWords { get; }

    public bool IsShort => ContentWords <= ShortAnswerWords;

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
        var last = run[start + length - 1];
        if (Classes[last] != WordClass.Noun) return false;
        // "new long-term" of "new long-term memories": a hyphenated word before a noun describes it.
        if (Tokens[last].Has(TokenFlags.JoinedToPrevious) && !IsOneWord(run[start], length) && start + length < run.Count && Classes[run[start + length]] == WordClass.Noun
            && !Tokens[run[start + length]].Has(TokenFlags.JoinedToPrevious)) return false;
        for (var k = start; k < start + length - 1; k++)
            if (Classes[run[k]] is WordClass.Verb or WordClass.Other) return false;
        return true;
    }

    /// <summary>Whether the tokens from <paramref name="first"/> on are one hyphenated word ("free-rider", "end-to-end").</summary>
    public bool IsOneWord(int first, int count) =>
        count > 1 && first + count <= Tokens.Count && Enumerable.Range(first + 1, count - 1).All(i => Tokens[i].Has(TokenFlags.JoinedToPrevious));

    /// <summary>Runs of content words (token indexes) between stop words, punctuation, numbers and negated stretches.</summary>
    public IReadOnlyList<List<int>> Runs { get; }

    /// <summary>Each token of a run: its run and where in it (what linked nouns and quantities read on from).</summary>
    private readonly Dictionary<int, (List<int> Run, int At)> runAt = [];

    /// <summary>The one- to three-word windows of the runs with their keys, run by run, shorter windows first.</summary>
    public IReadOnlyList<(List<int> Run, int Start, int Length, string Key)> Phrases { get; }

    /// <summary>How often the phrase (a key of up to three word ids) occurs in the runs.</summary>
    public int Occurrences(string key) => phraseCounts.GetValueOrDefault(key);

    /// <summary>The distinct keys of the answer's phrases, for document frequencies.</summary>
    public IEnumerable<string> PhraseKeys => phraseCounts.Keys;

    private List<(List<int> Run, int Start, int Length, string Key)> FindPhrases()
    {
        var phrases = new List<(List<int>, int, int, string)>();
        // Up to three words, a hyphenated one counting once: "strict two-phase locking" is three words and four tokens.
        foreach (var run in Runs)
            for (var n = 1; n <= run.Count; n++)
                for (var i = 0; i + n <= run.Count; i++)
                    if (WordsIn(run, i, n) <= MaxPhraseWords) phrases.Add((run, i, n, CandidateSet.KeyOf(run, i, n, Tokens)));
        return phrases;
    }

    private int WordsIn(List<int> run, int start, int length) =>
        Enumerable.Range(start, length).Count(k => k == start || !Tokens[run[k]].Has(TokenFlags.JoinedToPrevious));

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
            var content = (!token.Term.IsStop || Tokenizer.InHyphenatedWord(Tokens, i)) && !char.IsDigit(token.Term.Folded[0]) && i > negatedUntil && !InIdiom(i)
                          && token.Term.Folded is not ("other's" or "another's" or "one's");
            // In a long answer a negation denies the phrase it reaches ("without new laws", "no longer form"), not the nouns
            // after its verb: "cannot found a cause of action" keeps "cause of action". In a short one, whose every word is
            // a keyword, the object stays out too: "does not change the color" would credit "color" to "changes the color".
            if (!IsShort && i <= negatedUntil && !token.Term.IsStop && !token.Term.IsNegator && Classes[i] is WordClass.Noun or WordClass.Verb
                && !(token.Term.Folded == "longer" && Tokens[i - 1].Term.Folded == "no")) negatedUntil = i;
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

    /// <summary>"respect" of "with respect to", "order" of "in order to": words of a fixed phrase that only links.</summary>
    private bool InIdiom(int i) =>
        i > 0 && !Tokens[i].Has(TokenFlags.ClauseBreakBefore) && Idioms.Contains((Tokens[i - 1].Term.Folded, Tokens[i].Term.Folded));

    private static readonly HashSet<(string, string)> Idioms =
    [
        ("with", "respect"), ("in", "terms"), ("in", "order"), ("in", "addition"), ("for", "example"), ("for", "instance"),
        ("in", "particular"), ("in", "general"), ("in", "spite"), ("in", "front"), ("on", "behalf"), ("in", "fact"),
        ("in", "case"), ("as", "well"), ("in", "turn"), ("at", "times"), ("by", "means"), ("in", "practice"),
    ];

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
                // "Article 231", "Apollo 11": a number after a name is part of it; a year after one is a date.
                else if (i + 1 < Tokens.Count && Tokens[i + 1].Term.Folded is { Length: < 4 } number && number.All(char.IsDigit)
                         && !Tokens[i + 1].Has(TokenFlags.ClauseBreakBefore) && Tokens[i + 1].Start - Tokens[i].End == 1) i++;
                // "Treaty of Versailles", "Declaration of the Rights of Man": a name goes on through "of" and "of the".
                else if (LinkedName(i) is > 0 and var next) i = next;
                else break;
            }
            yield return (first, i);
            i++;
        }
    }

    /// <summary>The name's next word after "of" or "of the" at <paramref name="i"/> + 1, or 0.</summary>
    private int LinkedName(int i)
    {
        if (i + 2 >= Tokens.Count || Tokens[i + 1].Term.Folded != "of" || Tokens[i + 1].Has(TokenFlags.ClauseBreakBefore)) return 0;
        var next = Tokens[i + 2].Term.Folded == "the" && i + 3 < Tokens.Count ? i + 3 : i + 2;
        return IsName(next) && !Tokens[next].Has(TokenFlags.ClauseBreakBefore) && !Tokens[i + 2].Has(TokenFlags.ClauseBreakBefore) ? next : 0;
    }

    private bool IsName(int i)
    {
        var t = Tokens[i];
        if (t.Has(TokenFlags.Acronym) || t.Has(TokenFlags.MixedCase)) return !char.IsDigit(Text[t.Start]);
        return t.Has(TokenFlags.Capitalised) && !SentenceStart[i] && !t.Term.IsStop && !Lexicon.CalendarNames.Contains(t.Term.Folded);
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
