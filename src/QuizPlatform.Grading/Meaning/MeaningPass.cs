namespace QuizPlatform.Grading.Meaning;

/// <summary>
/// The grader's second look, with the sentence model: keywords not found by spelling may be found by meaning (a run
/// of the response's words close to the keyword in context), and the soft recall of the model answer, or of the
/// closest reference answer or answer the instructor marked correct, joins keyword coverage in the score.
/// </summary>
internal static class MeaningPass
{
    /// <summary>
    /// Replaces missing keywords found by meaning. Negated stretches, negated or denied keywords, and words of the
    /// opposite direction (<see cref="Opposites"/>) are never matched.
    /// </summary>
    public static void MatchKeywords(KeywordMatch[] matches, KeyMeaning meaning, MeaningText response, ResponseWords words, GradingOptions options)
    {
        // Each missing keyword's longest window (0: not looked for by meaning).
        var lengths = new int[matches.Length];
        var longest = 0;
        for (var k = 0; k < matches.Length; k++)
        {
            var match = matches[k];
            if (match.Matched || match.Negated || !meaning.HasKeywordVector(k) || match.Keyword.Phrase.StartsWith("not ", StringComparison.OrdinalIgnoreCase)) continue;
            lengths[k] = Math.Clamp(match.Keyword.Phrase.Count(c => c == ' ') + 1, 1, 3);
            longest = Math.Max(longest, lengths[k]);
        }
        if (longest == 0 || response.Count == 0) return;
        using var windows = new WordWindows(response, longest);
        var similarities = new float[windows.Runs.Count];
        for (var k = 0; k < matches.Length; k++)
        {
            if (lengths[k] == 0) continue;
            var match = matches[k];
            var keywordWords = Opposites.FoldedWords(match.Keyword.Phrase).ToList();
            windows.Similarities(meaning.KeywordVector(k), similarities);
            var best = (Similarity: double.MinValue, Start: -1, End: -1);
            for (var w = 0; w < similarities.Length; w++)
            {
                var (start, end) = windows.Runs[w];
                if (end - start >= lengths[k]) continue;
                var similarity = (double)similarities[w];
                if (similarity > best.Similarity && !words.IsNegated(start, end, options.NegationWindow)
                    && !Opposites.Oppose(keywordWords, Enumerable.Range(start, end - start + 1).Select(response.Folded)))
                    best = (similarity, start, end);
            }
            if (best.Start < 0 || best.Similarity < options.MeaningMatchThreshold) continue;
            var first = response.Span(best.Start);
            var span = new TextSpan(first.Start, response.Span(best.End).End - first.Start);
            matches[k] = match with { Matched = true, How = MatchKind.Meaning, Spans = [span], Similarity = Math.Round(best.Similarity, 2) };
        }
    }

    /// <summary>
    /// The best soft recall over the model answer, the question's other reference answers and the instructor's
    /// references, and which of them gave it (an index into <see cref="KeyMeaning.ReferenceAnswers"/> or
    /// <see cref="KeyMeaning.References"/>; both null for the model answer).
    /// </summary>
    public static (double Recall, int? ReferenceAnswer, int? Reference) Recall(KeyMeaning meaning, MeaningText response, GradingOptions options)
    {
        var best = (Recall: SoftRecall.Of(meaning.ModelAnswer, response, meaning.QuestionStems, options.QuestionWordWeight), ReferenceAnswer: (int?)null, Reference: (int?)null);
        for (var r = 0; r < meaning.ReferenceAnswers.Count; r++)
        {
            var other = SoftRecall.Of(meaning.ReferenceAnswers[r], response, meaning.QuestionStems, options.QuestionWordWeight);
            if (other > best.Recall) best = (other, r, null);
        }
        for (var r = 0; r < meaning.References.Count; r++)
        {
            var other = SoftRecall.Of(meaning.References[r], response, meaning.QuestionStems, options.QuestionWordWeight);
            if (other > best.Recall) best = (other, null, r);
        }
        return best;
    }

    /// <summary>Keyword coverage and soft recall into one coverage figure, in [0, 1].</summary>
    public static double Combine(double coverage, double recall, GradingOptions options)
    {
        var span = options.SoftRecallFull - options.SoftRecallFloor;
        var recallShare = span > 0 ? Math.Clamp((recall - options.SoftRecallFloor) / span, 0, 1) : 0;
        return ((1 - options.SoftRecallWeight) * coverage) + (options.SoftRecallWeight * recallShare);
    }
}
