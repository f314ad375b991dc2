using System.Buffers;

namespace QuizPlatform.Grading;

/// <summary>
/// The questions a response is graded among (a quiz, an assignment, a module), so the grader can tell an answer
/// written for another of them: a student who pastes their answer to question 7 into question 8 says true things
/// about the wrong question, and in a quiz whose questions share a vocabulary the keywords and the soft recall gave it
/// up to 7 of 10 points. Such a response fits the other question's keywords clearly better than its own
/// (<see cref="GradingKey.Fit"/>): at least <see cref="GradingOptions.OtherQuestionFit"/> of them by weight and
/// <see cref="GradingOptions.OtherQuestionKeywords"/> in number, and <see cref="GradingOptions.OtherQuestionMargin"/>
/// more than of its own (docs/grading.md, "Answers to another question"). Only the questions count, never the other
/// responses, so a grade is the same alone or in any batch. Immutable and thread-safe.
/// </summary>
public sealed class QuestionSet
{
    /// <param name="keys">
    /// Every question's key. The response's own is found among them by reference and never competes with itself; a
    /// key outside the set (a draft being previewed) is compared with all of them.
    /// </param>
    /// <param name="labels">How the explanation names each question ("7" reads "question 7"); by default its position from 1.</param>
    public QuestionSet(IReadOnlyList<GradingKey> keys, IReadOnlyList<string>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (labels is not null && labels.Count != keys.Count)
            throw new ArgumentException("One label per key.", nameof(labels));
        Keys = keys;
        Labels = labels ?? [.. Enumerable.Range(1, keys.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        offsets = new int[keys.Count + 1];
        for (var q = 0; q < keys.Count; q++)
        {
            offsets[q + 1] = offsets[q] + keys[q].Words.Count;
            foreach (var word in keys[q].Words)
            {
                if (!positions.TryGetValue(word.Canon, out var at)) positions[word.Canon] = at = [];
                at.Add(offsets[q] + word.Index);
            }
        }
    }

    // Every key's words end to end (key q's from offsets[q]), and where each canon id stands among them: a response's
    // words are looked up once for the whole quiz, not once per question.
    private readonly int[] offsets;
    private readonly Dictionary<int, List<int>> positions = [];

    public IReadOnlyList<GradingKey> Keys { get; }

    public IReadOnlyList<string> Labels { get; }

    /// <summary>The other question the response fits clearly better than <paramref name="own"/>, the best of them; null if none.</summary>
    internal OtherQuestionFit? BetterFit(GradingKey own, HashSet<int> words, GradingOptions options)
    {
        var present = ArrayPool<bool>.Shared.Rent(offsets[^1]);
        try
        {
            Array.Clear(present, 0, offsets[^1]);
            foreach (var canon in words)
                if (positions.TryGetValue(canon, out var at))
                    foreach (var position in at) present[position] = true;
            OtherQuestionFit? best = null;
            var ownFit = -1.0;
            for (var q = 0; q < Keys.Count; q++)
            {
                if (ReferenceEquals(Keys[q], own)) continue;
                var (fit, keywords) = Keys[q].Fit(Present(present, q));
                if (fit < options.OtherQuestionFit || keywords < options.OtherQuestionKeywords || fit <= (best?.Fit ?? 0)) continue;
                if (ownFit < 0) ownFit = OwnFit(own, words, present);
                if (fit - ownFit >= options.OtherQuestionMargin) best = new OtherQuestionFit(Labels[q], Math.Round(fit, 4), Math.Round(ownFit, 4));
            }
            return best;
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(present);
        }
    }

    private ReadOnlySpan<bool> Present(bool[] present, int question) => present.AsSpan(offsets[question], offsets[question + 1] - offsets[question]);

    /// <summary>The fit to the response's own question, which a preview's draft key may not be one of the set's.</summary>
    private double OwnFit(GradingKey own, HashSet<int> words, bool[] present)
    {
        for (var q = 0; q < Keys.Count; q++)
            if (ReferenceEquals(Keys[q], own)) return own.Fit(Present(present, q)).Share;
        return own.Fit(words).Share;
    }
}

/// <summary>
/// With <see cref="GradeFlags.OtherQuestion"/>: the question of the set the response reads as an answer to, and the
/// share of its keywords the response has, against the share of its own question's (<see cref="GradingKey.Fit"/>).
/// </summary>
public sealed record OtherQuestionFit(string Question, double Fit, double OwnFit);
