using System.Globalization;
using QuizPlatform.Grading;

namespace QuizPlatform.Web.Features.Regrading;

/// <summary>
/// What an edit did to a key, in words for a grade's history: "added 'filters' as an alternative of 'kernels';
/// removed 'bias'". Keywords are matched by phrase, ignoring case.
/// </summary>
public static class KeyChanges
{
    public static string Describe(IReadOnlyList<Keyword> before, IReadOnlyList<Keyword> after)
    {
        var changes = new List<string>();
        var old = before.GroupBy(k => k.Phrase, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        foreach (var keyword in after)
        {
            if (!old.Remove(keyword.Phrase, out var was))
            {
                changes.Add($"added '{keyword.Phrase}'");
                continue;
            }
            var alternatives = was.Alternatives;
            var now = keyword.Alternatives;
            changes.AddRange(now.Except(alternatives, StringComparer.OrdinalIgnoreCase).Select(a => $"added '{a}' as an alternative of '{keyword.Phrase}'"));
            changes.AddRange(alternatives.Except(now, StringComparer.OrdinalIgnoreCase).Select(a => $"removed '{a}' as an alternative of '{keyword.Phrase}'"));
            if (was.Weight != keyword.Weight)
                changes.Add(string.Create(CultureInfo.InvariantCulture, $"weight of '{keyword.Phrase}' {was.Weight:0.##} → {keyword.Weight:0.##}"));
            if (was.Required != keyword.Required)
                changes.Add(keyword.Required ? $"'{keyword.Phrase}' made required" : $"'{keyword.Phrase}' no longer required");
        }
        changes.AddRange(old.Keys.Select(phrase => $"removed '{phrase}'"));
        return changes.Count == 0 ? "no keyword changed" : string.Join("; ", changes);
    }
}
