using System.Globalization;
using System.Text;

namespace QuizPlatform.Grading.Statistics;

/// <summary>How answers to one question are grouped for marking a group at once.</summary>
public enum AnswerGrouping
{
    /// <summary>The same words: case, whitespace and punctuation folded.</summary>
    Text,
    /// <summary>The same keywords matched (or only negated) and the same grader flags.</summary>
    Keywords,
}

/// <summary>
/// One answer as grouping reads it: <see cref="Score"/> is the counted score (an override included);
/// <see cref="KeywordHits"/> the grade's outcomes (<see cref="Grading.KeywordHits"/>), null on grades stored before them.
/// </summary>
public sealed record GroupableAnswer(int GradeId, string Text, double Score, string? KeywordHits, GradeFlags Flags, bool Overridden);

/// <summary>
/// Answers that share a <see cref="Key"/>, the <see cref="Representative"/> first: the most frequent wording in the group
/// (then the shortest), so a reader sees the typical answer, not an outlier.
/// </summary>
public sealed record AnswerGroup(string Key, IReadOnlyList<GroupableAnswer> Answers, Spread Scores)
{
    public GroupableAnswer Representative => Answers[0];
    public int Size => Answers.Count;
    public int Overridden => Answers.Count(a => a.Overridden);
}

public static class AnswerGroups
{
    /// <summary>
    /// The groups of <paramref name="answers"/>, largest first (then by key, so the order is stable between reads);
    /// within a group answers keep their given order after the representative.
    /// </summary>
    public static IReadOnlyList<AnswerGroup> Of(IReadOnlyList<GroupableAnswer> answers, AnswerGrouping by)
    {
        var groups = new Dictionary<string, List<GroupableAnswer>>(StringComparer.Ordinal);
        foreach (var answer in answers)
        {
            var key = by == AnswerGrouping.Text ? NormalisedText(answer.Text) : KeywordKey(answer.KeywordHits, answer.Flags);
            if (!groups.TryGetValue(key, out var members))
                groups[key] = members = [];
            members.Add(answer);
        }
        return [.. groups
            .Select(g => new AnswerGroup(g.Key, RepresentativeFirst(g.Value), Spread.Of([.. g.Value.Select(a => a.Score)])!))
            .OrderByDescending(g => g.Size).ThenBy(g => g.Key, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The text lower-cased, punctuation and symbols dropped, whitespace runs made one space and trimmed:
    /// "Edges, Filters!" and "edges filters" are the same answer.
    /// </summary>
    public static string NormalisedText(string text)
    {
        var folded = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
                space = folded.Length > 0;
            else if (!char.IsPunctuation(c) && !char.IsSymbol(c))
            {
                if (space)
                    folded.Append(' ');
                space = false;
                folded.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
        }
        return folded.ToString();
    }

    /// <summary>
    /// One character per keyword, matched (<c>+</c>, however it matched), only negated (<c>n</c>) or missing (<c>-</c>),
    /// then the flags: "+-n|Negated". Grades without recorded hits share "?" for their keywords.
    /// </summary>
    public static string KeywordKey(string? hits, GradeFlags flags)
    {
        var keywords = hits is null ? "?" : string.Concat(Grading.KeywordHits.Decode(hits)
            .Select(k => k.How is not null ? '+' : k.Negated ? 'n' : '-'));
        return $"{keywords}|{flags}";
    }

    /// <summary>
    /// Which keywords (by index in key order) a <see cref="KeywordKey"/> says matched, and which were only negated.
    /// </summary>
    public static (IReadOnlyList<int> Matched, IReadOnlyList<int> Negated) KeywordsOf(string keywordKey)
    {
        var keywords = keywordKey[..keywordKey.IndexOf('|')];
        return ([.. Enumerable.Range(0, keywords.Length).Where(i => keywords[i] == '+')],
            [.. Enumerable.Range(0, keywords.Length).Where(i => keywords[i] == 'n')]);
    }

    static List<GroupableAnswer> RepresentativeFirst(List<GroupableAnswer> members)
    {
        if (members.Count < 2)
            return members;
        var representative = members.GroupBy(a => a.Text, StringComparer.Ordinal)
            .OrderByDescending(w => w.Count()).ThenBy(w => w.Key.Length).First().First();
        return [representative, .. members.Where(a => !ReferenceEquals(a, representative))];
    }
}
