using QuizPlatform.Data.Configurations;
using QuizPlatform.Grading;

namespace QuizPlatform.Web.Features.Assignments;

/// <summary>One keyword row of the editor as typed: alternatives are one comma-separated string.</summary>
public sealed class KeywordDraft
{
    public string Phrase { get; set; } = "";
    public string Alternatives { get; set; } = "";
    public double Weight { get; set; } = 1;
    public bool Required { get; set; }

    /// <summary>A stored keyword as the editor's row.</summary>
    public static KeywordDraft From(QuizPlatform.Grading.Keyword keyword) => new()
    {
        Phrase = keyword.Phrase, Alternatives = string.Join(", ", keyword.Alternatives), Weight = keyword.Weight, Required = keyword.Required,
    };

    /// <summary>A copy that later edits of this row do not change.</summary>
    public KeywordDraft Copy() => (KeywordDraft)MemberwiseClone();

    public IReadOnlyList<string> AlternativeList =>
        Alternatives.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// Most keywords of one question, and alternatives of one keyword: every answer is compared with each, so a pasted
    /// list would slow every grade of the question. Extraction gives at most 19; instructors rarely need half of these.
    /// </summary>
    public const int MaxKeywords = 50, MaxAlternatives = 20;

    /// <summary>
    /// The largest weight: weights count against each other (extraction gives 0.5 to 3), and one of a billion, a slip
    /// of the keyboard, would leave every other keyword 0 % of the score.
    /// </summary>
    public const double MaxWeight = 100;

    /// <summary>What a weight must be, said where it is wrong.</summary>
    public static readonly string WeightRule = $"Enter a weight greater than 0 and at most {MaxWeight:0}, such as 1 or 2.5.";

    /// <summary>A problem with one field of one row; <see cref="Row"/> is -1 for the list as a whole.</summary>
    public sealed record Error(int Row, string Field, string Message)
    {
        /// <summary>The question's keywords changed after the edit began (<see cref="KeywordVersions.ChangedSince"/>).</summary>
        public bool ChangedMeanwhile => Field == nameof(QuizPlatform.Data.Entities.Question.KeywordVersion);
    }

    public static IReadOnlyList<Error> Validate(IReadOnlyList<KeywordDraft> drafts)
    {
        var errors = new List<Error>();
        if (drafts.Count == 0)
            errors.Add(new Error(-1, "", "Keep at least one keyword: the grader has nothing to look for without one."));
        else if (drafts.Count > MaxKeywords)
            errors.Add(new Error(-1, "", $"Keep at most {MaxKeywords} keywords: this list has {drafts.Count}."));
        // Each phrase and alternative by the words the grader finds it by ("filters" is "filter" to it), and the row and
        // text it was first given in: one said in two keywords would earn an answer both; in one, it adds nothing.
        var terms = new Dictionary<string, (int Row, string Text)>(StringComparer.Ordinal);
        for (var row = 0; row < drafts.Count; row++)
            if (drafts[row].Phrase.Trim() is { Length: > 0 and <= Limits.Phrase } phrase)
                terms.TryAdd(KeywordIdentity.OfPhrase(phrase), (row, phrase));
        for (var row = 0; row < drafts.Count; row++)
        {
            var draft = drafts[row];
            var phrase = draft.Phrase.Trim();
            if (phrase.Length == 0)
                errors.Add(new Error(row, nameof(Phrase), "Enter the phrase to look for."));
            else if (phrase.Length > Limits.Phrase)
                errors.Add(new Error(row, nameof(Phrase), $"Use at most {Limits.Phrase} characters."));
            else if (terms[KeywordIdentity.OfPhrase(phrase)] is var first && first.Row != row)
                errors.Add(new Error(row, nameof(Phrase), string.Equals(first.Text, phrase, StringComparison.OrdinalIgnoreCase)
                    ? "This phrase is already in the list."
                    : $"This is keyword {first.Row + 1}, '{first.Text}', to the grader, {EveryForm}: an answer would count for both."));
            if (draft.AlternativeList.FirstOrDefault(a => a.Length > Limits.Phrase) is not null)
                errors.Add(new Error(row, nameof(Alternatives), $"Each alternative may have at most {Limits.Phrase} characters."));
            else if (draft.AlternativeList.Count > MaxAlternatives)
                errors.Add(new Error(row, nameof(Alternatives), $"Give at most {MaxAlternatives} alternatives: this one has {draft.AlternativeList.Count}."));
            else if (Repeated(draft, row) is { } repeated)
                errors.Add(new Error(row, nameof(Alternatives), repeated));
            if (!double.IsFinite(draft.Weight) || draft.Weight <= 0 || draft.Weight > MaxWeight)
                errors.Add(new Error(row, nameof(Weight), WeightRule));
        }
        return errors;

        // The first alternative the grader finds as a phrase or an alternative given before, said in words.
        string? Repeated(KeywordDraft draft, int row)
        {
            foreach (var alternative in draft.AlternativeList)
            {
                if (terms.TryAdd(KeywordIdentity.OfPhrase(alternative), (row, alternative)))
                    continue;
                var (firstRow, firstText) = terms[KeywordIdentity.OfPhrase(alternative)];
                var same = string.Equals(firstText, alternative, StringComparison.OrdinalIgnoreCase);
                if (firstRow == row)
                    return same ? $"'{alternative}' is given twice: leave one out." : $"'{alternative}' adds nothing: the grader finds it as '{firstText}' already, since it matches every form of a word.";
                return (same ? $"'{alternative}' is in keyword {firstRow + 1} already" : $"'{alternative}' is keyword {firstRow + 1}, '{firstText}', to the grader, {EveryForm}")
                    + ": an answer that says it would count for both. Keep it in one of them.";
            }
            return null;
        }
    }

    const string EveryForm = "which matches every form of a word";
}
