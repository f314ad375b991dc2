namespace QuizPlatform.Grading.Text;

[Flags]
internal enum TokenFlags : byte
{
    None = 0,
    /// <summary>Sentence or clause punctuation (. , ; : ! ? brackets, line break) separates it from the previous token.</summary>
    ClauseBreakBefore = 1,
    /// <summary>Joined to the previous token by a hyphen or slash with no space ("R-CNN", "U-Net").</summary>
    JoinedToPrevious = 2,
    /// <summary>Written in capitals, at least two letters ("CNN", "RPNs"): never typo-corrected.</summary>
    Acronym = 4,
    /// <summary>Starts with a capital letter.</summary>
    Capitalised = 8,
    /// <summary>Has a capital after its first letter or mixes letters and digits ("ResNet", "YOLOv3").</summary>
    MixedCase = 16,
}

/// <summary>A word of a text: where it is in the original string, what it folds and stems to.</summary>
internal readonly record struct Token(int Start, int Length, Term Term, TokenFlags Flags)
{
    public int End => Start + Length;
    public bool Has(TokenFlags flag) => (Flags & flag) != 0;
}

/// <summary>
/// Splits text into words: runs of letters and digits, with apostrophes inside words kept ("doesn't").
/// Hyphens and other punctuation separate words, so "R-CNN", "r cnn" and (through joining in the matcher) "RCNN"
/// all meet. Positions refer to the original string, so spans can be highlighted as written.
/// </summary>
internal static class Tokenizer
{
    private const int MaxWordChars = 64;

    public static List<Token> Tokenize(string text)
    {
        var list = new List<Token>();
        Tokenize(text, list);
        return list;
    }

    public static void Tokenize(string text, List<Token> into)
    {
        Span<char> folded = stackalloc char[MaxWordChars];
        var i = 0;
        var previousEnd = -1;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || IsInnerApostrophe(text, i))) i++;
            var length = i - start;
            var word = text.AsSpan(start, length);
            var n = Folding.Fold(word[..Math.Min(length, MaxWordChars)], folded);
            into.Add(new Token(start, length, Terms.Get(folded[..n]), Classify(word) | Gap(text, previousEnd, start)));
            previousEnd = i;
        }
    }

    /// <summary>
    /// Whether token <paramref name="i"/> is part of a hyphenated word: "over" of "over-sampling", "to" of "peer-to-peer",
    /// a function word there being part of a term.
    /// </summary>
    public static bool InHyphenatedWord(List<Token> tokens, int i) =>
        tokens[i].Has(TokenFlags.JoinedToPrevious) || i + 1 < tokens.Count && tokens[i + 1].Has(TokenFlags.JoinedToPrevious);

    /// <summary>Which tokens open a sentence: after . ! ? : or a line break, or a bullet dash (not a hyphen inside a word).</summary>
    public static bool[] SentenceStarts(string text, List<Token> tokens)
    {
        var starts = new bool[tokens.Count];
        for (var t = 0; t < tokens.Count; t++) starts[t] = IsSentenceStart(text, tokens[t].Start);
        return starts;
    }

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

    private static bool IsInnerApostrophe(string text, int i) =>
        text[i] is '\'' or '\u2019' && i + 1 < text.Length && char.IsLetter(text[i + 1]) && i > 0 && char.IsLetter(text[i - 1]);

    private static TokenFlags Gap(string text, int previousEnd, int start)
    {
        if (previousEnd < 0) return TokenFlags.ClauseBreakBefore;
        var gap = text.AsSpan(previousEnd, start - previousEnd);
        if (gap.Length == 1 && gap[0] is '-' or '\u2010' or '\u2011' or '/') return TokenFlags.JoinedToPrevious;
        foreach (var c in gap)
            // A hyphen with a space beside it is a dash ("structure - Iteration", "-Recursion"), not a joint.
            if (c is '.' or ',' or ';' or ':' or '!' or '?' or '(' or ')' or '[' or ']' or '\n' or '"' or '\u2014' or '\u2013' or '-')
                return TokenFlags.ClauseBreakBefore;
        return TokenFlags.None;
    }

    private static TokenFlags Classify(ReadOnlySpan<char> word)
    {
        int upper = 0, letters = 0, digits = 0, innerUpper = 0;
        for (var k = 0; k < word.Length; k++)
        {
            var c = word[k];
            if (char.IsDigit(c)) { digits++; continue; }
            if (!char.IsLetter(c)) continue;
            letters++;
            if (char.IsUpper(c)) { upper++; if (k > 0) innerUpper++; }
        }
        var flags = TokenFlags.None;
        if (letters > 0 && char.IsUpper(word[0])) flags |= TokenFlags.Capitalised;
        // "RPNs" and "GPUs" are acronyms too: all capitals but a trailing plural s.
        var capitals = word.Length > 1 && word[^1] == 's' && upper == letters - 1 ? upper : upper == letters ? upper : 0;
        if (capitals >= 2) flags |= TokenFlags.Acronym;
        else if (innerUpper > 0 || (digits > 0 && letters > 0)) flags |= TokenFlags.MixedCase;
        return flags;
    }
}
