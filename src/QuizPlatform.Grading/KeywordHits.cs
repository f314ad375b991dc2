using QuizPlatform.Grading.Statistics;

namespace QuizPlatform.Grading;

/// <summary>
/// A grade's keyword outcomes in one short string, a character per keyword in key order, stored beside the grade so
/// that statistics over a class read a few bytes per answer instead of parsing every explanation document:
/// <c>e</c> exact, <c>s</c> stem, <c>y</c> synonym, <c>a</c> acronym, <c>t</c> typo, <c>m</c> meaning, <c>n</c> stated only negated,
/// <c>-</c> missing. "es-n" is: keyword 1 exact, 2 by its stem, 3 missing, 4 negated.
/// </summary>
public static class KeywordHits
{
    public static string Encode(IReadOnlyList<KeywordMatch> keywords) =>
        Encode([.. keywords.Select(k => KeywordOutcome.Of(k.Matched, k.How, k.Negated))]);

    public static string Encode(IReadOnlyList<KeywordOutcome> outcomes) =>
        string.Create(outcomes.Count, outcomes, static (chars, items) =>
        {
            for (var i = 0; i < chars.Length; i++)
                chars[i] = CodeOf(items[i]);
        });

    public static KeywordOutcome[] Decode(string hits)
    {
        var decoded = new KeywordOutcome[hits.Length];
        for (var i = 0; i < hits.Length; i++)
            decoded[i] = hits[i] switch
            {
                'e' => new(MatchKind.Exact, false),
                's' => new(MatchKind.Stem, false),
                'y' => new(MatchKind.Synonym, false),
                'a' => new(MatchKind.Acronym, false),
                't' => new(MatchKind.Typo, false),
                'm' => new(MatchKind.Meaning, false),
                'n' => new(null, true),
                '-' => new(null, false),
                var other => throw new FormatException($"'{other}' at {i} is not a keyword outcome (\"{hits}\")."),
            };
        return decoded;
    }

    static char CodeOf(KeywordOutcome outcome) => outcome.How switch
    {
        null => outcome.Negated ? 'n' : '-',
        MatchKind.Exact => 'e',
        MatchKind.Stem => 's',
        MatchKind.Synonym => 'y',
        MatchKind.Acronym => 'a',
        MatchKind.Typo => 't',
        MatchKind.Meaning => 'm',
        var other => throw new ArgumentOutOfRangeException(nameof(outcome), other, null),
    };
}
