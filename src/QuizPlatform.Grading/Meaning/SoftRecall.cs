namespace QuizPlatform.Grading.Meaning;

/// <summary>
/// BERTScore-style recall: each content word of the reference (a model answer) takes its most similar word of the
/// response; the result is their weighted mean, in [-1, 1] (in practice 0.2 to 1). A paraphrase scores high where
/// the keyword matcher finds nothing. Words of the question weigh <see cref="QuestionWordWeight"/>: repeating the
/// question is not an answer.
/// </summary>
public static class SoftRecall
{
    /// <summary>Tuned on eval/ with the model's third layer (0.3, the extractor's discount, does worse; see docs/grading.md).</summary>
    public const double QuestionWordWeight = 0.05;

    /// <param name="questionStems">Stems of the question's words (see <see cref="MeaningText.Stem"/>).</param>
    public static double Of(MeaningText reference, MeaningText response, IReadOnlySet<string>? questionStems = null, double questionWordWeight = QuestionWordWeight)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(response);
        if (response.Count == 0) return 0;
        double total = 0, weights = 0;
        for (var r = 0; r < reference.Count; r++)
        {
            if (!reference.IsContent(r)) continue;
            var weight = questionStems?.Contains(reference.Stem(r)) == true ? questionWordWeight : 1;
            var best = float.MinValue;
            for (var s = 0; s < response.Count; s++)
                best = Math.Max(best, MeaningText.Similarity(reference, r, response, s));
            total += weight * best;
            weights += weight;
        }
        return weights > 0 ? total / weights : 0;
    }
}
