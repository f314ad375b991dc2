using System.Collections.Concurrent;
using System.Text;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace QuizPlatform.Grading.Text;

/// <summary>
/// One folded word form with its stem. <see cref="Canon"/> is shared by stems the built-in lexicon treats as the
/// same word (synonyms), so matching compares integers rather than strings.
/// </summary>
internal sealed class Term(string folded, string stem, int stemId, int canon, bool isStop, bool isNegator)
{
    public string Folded { get; } = folded;
    public string Stem { get; } = stem;
    public int StemId { get; } = stemId;
    public int Canon { get; } = canon;
    public bool IsStop { get; } = isStop;
    public bool IsNegator { get; } = isNegator;
}

/// <summary>
/// Process-wide cache from folded word to <see cref="Term"/>. Stemming is the slow part of grading; the vocabulary
/// of responses is small, so after warm-up a word costs one dictionary lookup and no allocation.
/// </summary>
internal static class Terms
{
    private const int MaxCachedTerms = 500_000;
    private const int MaxStemIds = 500_000;
    private static readonly ConcurrentDictionary<string, Term> ByFolded = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Term>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        ByFolded.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly ConcurrentDictionary<string, int> StemIds = new(StringComparer.Ordinal);
    private static readonly object IdLock = new();
    /// <summary>An irregular verb's other forms → its base form (<see cref="Lexicon.IrregularVerbs"/>). Before the synonyms, which are stemmed.</summary>
    private static readonly Dictionary<string, string> IrregularBase = Lexicon.IrregularVerbs
        .Select(v => v.Split(' '))
        .SelectMany(forms => forms.Skip(1).Select(form => (Form: form, Base: forms[0])))
        .ToDictionary(f => f.Form, f => f.Base, StringComparer.Ordinal);
    private static readonly Dictionary<string, string> SynonymCanon = BuildSynonymCanon();

    [ThreadStatic] private static EnglishStemmer? stemmer;

    public static Term Get(ReadOnlySpan<char> folded)
    {
        if (BySpan.TryGetValue(folded, out var term)) return term;
        term = Create(new string(folded));
        return ByFolded.Count < MaxCachedTerms ? ByFolded.GetOrAdd(term.Folded, term) : term;
    }

    public static Term Get(string folded) => Get(folded.AsSpan());

    /// <summary>Folds and looks up a whole word as written (used for keywords and lexicon entries).</summary>
    public static Term ForWord(string word)
    {
        Span<char> buffer = stackalloc char[Math.Min(word.Length, 256)];
        var length = Folding.Fold(word.AsSpan(0, buffer.Length), buffer);
        return Get(buffer[..length]);
    }

    public static int StemIdOf(string stem)
    {
        if (StemIds.TryGetValue(stem, out var id)) return id;
        lock (IdLock)
        {
            if (StemIds.Count < MaxStemIds) return StemIds.GetOrAdd(stem, StemIds.Count);
            if (StemIds.TryGetValue(stem, out id)) return id;
        }
        return OverflowId(stem);
    }

    /// <summary>
    /// The id of a stem first seen after the table is full, so that a server fed endless new spellings stays
    /// bounded: a hash, so the same stem always gets the same id; negative, so it never equals a stored id (every
    /// key word compiled before the cap keeps its own). Two such stems may share an id (about one pair in two
    /// billion), and only then is a grade past the cap different from one before it.
    /// </summary>
    private static int OverflowId(string stem)
    {
        var hash = 2166136261u;
        foreach (var c in stem) hash = (hash ^ c) * 16777619u;
        return -1 - (int)(hash & 0x7FFF_FFFF);
    }

    /// <summary>Every stem the built-in synonyms give the same <see cref="Term.Canon"/> as <paramref name="stem"/>, itself included.</summary>
    public static IEnumerable<string> StemsSharingCanon(string stem)
    {
        var head = SynonymCanon.TryGetValue(stem, out var c) ? c : stem;
        yield return head;
        foreach (var (member, memberHead) in SynonymCanon)
            if (memberHead == head && member != head) yield return member;
    }

    public static string Stem(string folded)
    {
        var word = folded.EndsWith("'s", StringComparison.Ordinal) ? folded[..^2] : folded.Replace("'", "", StringComparison.Ordinal);
        if (word.Length <= 2) return word;
        if (IrregularBase.TryGetValue(word, out var baseForm)) word = baseForm;
        // Snowball keeps the "s" of acronym plurals ("rpns", "gpus"): strip it when the rest is a known acronym
        // or has no vowel, since no English word does.
        if (word[^1] == 's' && (Lexicon.AcronymForms.Contains(word[..^1]) || word.AsSpan(0, word.Length - 1).IndexOfAny("aeiouy") < 0))
            return word[..^1];
        stemmer ??= new EnglishStemmer();
        stemmer.SetCurrent(word);
        stemmer.Stem();
        return stemmer.Current;
    }

    private static Term Create(string folded)
    {
        var stem = Stem(folded);
        var canonStem = SynonymCanon.TryGetValue(stem, out var c) ? c : stem;
        return new Term(folded, stem, StemIdOf(stem), StemIdOf(canonStem),
            Lexicon.StopWords.Contains(folded), Lexicon.IsNegator(folded));
    }

    private static Dictionary<string, string> BuildSynonymCanon()
    {
        var canon = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in Lexicon.SynonymGroups)
        {
            var words = group.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var head = Stem(words[0]);
            foreach (var word in words) canon.TryAdd(Stem(word), head);
        }
        return canon;
    }
}

/// <summary>Case, Unicode and apostrophe folding shared by keywords and responses.</summary>
internal static class Folding
{
    private static readonly char[] Latin = BuildLatin();

    public static int Fold(ReadOnlySpan<char> source, Span<char> target)
    {
        var n = 0;
        foreach (var c in source)
        {
            if (n == target.Length) break;
            target[n++] = FoldChar(c);
        }
        return n;
    }

    public static string Fold(string text)
    {
        var chars = new char[text.Length];
        return new string(chars, 0, Fold(text, chars));
    }

    public static char FoldChar(char c)
    {
        if (c < 128) return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        if (c is '\u2019' or '\u2018' or '\u02BC') return '\'';
        return c < Latin.Length ? Latin[c] : char.ToLowerInvariant(c);
    }

    private static char[] BuildLatin()
    {
        var table = new char[0x250];
        for (var i = 0; i < table.Length; i++)
        {
            var c = (char)i;
            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            table[i] = char.ToLowerInvariant(decomposed.Length > 0 && decomposed[0] < 0x250 ? decomposed[0] : c);
        }
        return table;
    }
}
