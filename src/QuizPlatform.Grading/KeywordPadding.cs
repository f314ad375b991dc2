using System.Runtime.InteropServices;
using QuizPlatform.Grading.Text;

namespace QuizPlatform.Grading;

/// <summary>
/// Finds keywords padded into throwaway sentences: a student who has seen the missing keywords answers "the
/// convolution is in it and the kernel is in it and the stride is in it". Such an answer has sentences, so the
/// bare-list rule does not see it. The response is cut into clauses (at punctuation and at "and", "or"); the ones
/// that carry a keyword are padding when most of them share a filler template, or carry a single keyword and at most
/// one other content word, or when the words around the keywords are a handful repeated over and over with next to
/// nothing of the writer's own, in clauses or strung in one run ("the convolution the kernel the stride the padding").
/// An honest answer says something about each term, so its clauses differ and carry words of their own. Reused per thread (it is part of <see cref="ResponseWords"/>), so it allocates only its verdict.
/// </summary>
internal sealed class KeywordPadding
{
    /// <summary>Fewer clauses with a keyword than this are never padding: a short answer naming three terms is fine.</summary>
    const int MinClauses = 4;

    /// <summary>
    /// Thin clauses (one keyword, nothing else) it takes to be padding: an honest short answer enumerates four or five
    /// things ("It leads to queues, black markets and a deadweight loss; rent control is an example.").
    /// </summary>
    const int MinThinClauses = 6;

    /// <summary>Different keywords a run needs before its filler is read (<see cref="Filler"/>).</summary>
    const int MinStrung = 6;

    static readonly int[] Connectors = [Terms.Get("and").StemId, Terms.Get("or").StemId, Terms.Get("plus").StemId];

    readonly List<Clause> clauses = new(32);
    readonly Dictionary<ulong, int> templates = [];
    readonly HashSet<int> filler = [];
    readonly HashSet<int> own = [];
    bool[] inKeyword = new bool[256];
    bool[] startsKeyword = new bool[256];

    /// <summary>Null for an answer that is not padded; else what a teacher reads: which shape, with an example.</summary>
    public string? Detect(string text, List<Token> tokens, KeywordMatch[] matches)
    {
        var spans = 0;
        foreach (var match in matches)
            if (match.Matched) spans += match.Spans.Count;
        if (spans < MinClauses) return null;

        if (inKeyword.Length < tokens.Count)
        {
            inKeyword = new bool[tokens.Count * 2];
            startsKeyword = new bool[tokens.Count * 2];
        }
        Array.Clear(inKeyword, 0, tokens.Count);
        Array.Clear(startsKeyword, 0, tokens.Count);
        var distinct = 0;
        foreach (var match in matches)
        {
            if (!match.Matched) continue;
            distinct++;
            foreach (var span in match.Spans)
            {
                var i = FirstAtOrAfter(tokens, span.Start);
                // Overlapping keywords ("pooling" inside "max pooling") are one occurrence.
                if (i < tokens.Count && !inKeyword[i]) startsKeyword[i] = true;
                for (; i < tokens.Count && tokens[i].End <= span.End; i++) inKeyword[i] = true;
            }
        }

        ReadClauses(text, tokens);
        return (clauses.Count >= MinClauses ? Clauses(text, matches.Length) : null) ?? Filler(tokens, distinct);
    }

    /// <param name="keyKeywords">How many keywords the key has.</param>
    string? Clauses(string text, int keyKeywords)
    {
        // One template repeated around the keywords ("the … is in it"), or a few templates taking turns.
        templates.Clear();
        foreach (var clause in clauses)
            if (clause.Filler >= 2) CollectionsMarshal.GetValueRefOrAddDefault(templates, clause.Template, out _)++;
        int templated = 0, most = 0;
        ulong example = 0;
        foreach (var (template, count) in templates)
        {
            if (count < 2) continue;
            templated += count;
            if (count > most) (most, example) = (count, template);
        }
        if (templated >= 3 && templated * 2 >= clauses.Count)
        {
            var first = clauses.Find(c => c.Filler >= 2 && c.Template == example);
            return $"{templated} of its {clauses.Count} clauses with a keyword repeat a filler template, such as \"{text[first.Start..first.End]}\"";
        }

        // Clauses that carry one keyword and nothing else: "Stride matters. Then padding. Pooling helps." Counted
        // against the keywords, not the clauses: an enumeration closing a sentence rich in keywords ("It causes queues,
        // black markets and a deadweight loss") is three thin clauses beside one that says the point. And at least half
        // the key's keywords: an honest sentence may enumerate six of fourteen symptoms, padding pads what it lacks.
        int thin = 0, keywords = 0;
        foreach (var clause in clauses)
        {
            keywords += clause.Keywords;
            if (clause.Keywords == 1 && clause.OwnWords <= 1) thin++;
        }
        if (thin >= MinThinClauses && thin * 2 >= keyKeywords && thin * 4 >= keywords * 3)
            return $"{thin} of its {clauses.Count} clauses with a keyword carry that one keyword and nothing else";
        return null;
    }

    /// <summary>
    /// A handful of words around the keywords, used again and again, and next to nothing said of one's own: across
    /// clauses ("in it the X is the Y, it is the Z in the W"), or between keywords strung in one run, where there are
    /// no clauses to compare ("the X the Y the Z the W the V the U"). Prose never repeats so few words so often, but a
    /// short answer's comparison can ("the longer the string the lower the pitch"), so a run needs
    /// <see cref="MinStrung"/> different keywords.
    /// </summary>
    string? Filler(List<Token> tokens, int keywords)
    {
        filler.Clear();
        own.Clear();
        var fillerCount = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (inKeyword[i] || Connectors.Contains(tokens[i].Term.StemId)) continue;
            fillerCount++;
            filler.Add(tokens[i].Term.StemId);
            if (!tokens[i].Term.IsStop) own.Add(tokens[i].Term.StemId);
        }
        if (filler.Count * 10 > fillerCount * 3) return null;
        if (clauses.Count >= MinClauses && fillerCount >= 12 && own.Count * 2 < clauses.Count)
            return $"the words around its keywords are {filler.Count} different words used {fillerCount} times";
        if (keywords >= MinStrung && own.Count * 2 < keywords)
            return $"its {keywords} keywords are strung together, with {filler.Count} other word{(filler.Count == 1 ? "" : "s")} used {fillerCount} times";
        return null;
    }

    static int FirstAtOrAfter(List<Token> tokens, int position)
    {
        int low = 0, high = tokens.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (tokens[middle].Start < position) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    /// <param name="Template">A hash of the clause's words with each keyword replaced by one placeholder.</param>
    readonly record struct Clause(int Keywords, int OwnWords, int Filler, ulong Template, int Start, int End);

    /// <summary>The clauses that carry at least one keyword.</summary>
    void ReadClauses(string text, List<Token> tokens)
    {
        clauses.Clear();
        int keywords = 0, ownWords = 0, fillerWords = 0, start = -1, end = 0;
        var template = EmptyTemplate;
        for (var i = 0; i <= tokens.Count; i++)
        {
            var connector = i < tokens.Count && Connectors.Contains(tokens[i].Term.StemId);
            if (i == tokens.Count || connector
                || i > 0 && tokens[i].Has(TokenFlags.ClauseBreakBefore) && !Continues(text, tokens[i - 1], tokens[i]))
            {
                if (keywords > 0) clauses.Add(new Clause(keywords, ownWords, fillerWords, template, start, end));
                keywords = ownWords = fillerWords = 0;
                start = -1;
                template = EmptyTemplate;
                if (i == tokens.Count || connector) continue;
            }
            var term = tokens[i].Term;
            if (start < 0) start = tokens[i].Start;
            end = tokens[i].End;
            if (inKeyword[i])
            {
                if (!startsKeyword[i]) continue;
                keywords++;
                template = Mix(template, -1);
                continue;
            }
            fillerWords++;
            if (!term.IsStop) ownWords++;
            template = Mix(template, term.StemId);
        }
    }

    // FNV-1a over the clause's stem ids: equal templates hash equal, and a collision only joins two clauses' counts.
    const ulong EmptyTemplate = 14695981039346656037;

    static ulong Mix(ulong hash, int value) => (hash ^ (uint)value) * 1099511628211;

    /// <summary>
    /// A heading and what it introduces are one clause: "- Max pooling: keeps the largest value" says something
    /// about its keyword, as does "Max pooling (the largest value)".
    /// </summary>
    static bool Continues(string text, Token before, Token next)
    {
        var gap = text.AsSpan(before.End, next.Start - before.End);
        return gap.IndexOfAny(".;!?,\n") < 0 && gap.IndexOfAny(":()[]\u2013\u2014-") >= 0;
    }
}
