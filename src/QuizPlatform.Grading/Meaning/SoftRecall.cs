using System.Numerics.Tensors;

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
        var similarities = new float[response.Count];
        for (var r = 0; r < reference.Count; r++)
        {
            if (!reference.IsContent(r)) continue;
            var weight = questionStems?.Contains(reference.Stem(r)) == true ? questionWordWeight : 1;
            response.Similarities(reference.Vector(r), similarities);
            total += weight * Best(reference, r, response, similarities);
            weights += weight;
        }
        return weights > 0 ? total / weights : 0;
    }

    /// <summary>
    /// The largest similarity, as <see cref="MeaningText.Similarity"/> gives it. The fast products of
    /// <see cref="MeaningText.Similarities"/> may differ from it in the last bits (their sums run in another order),
    /// enough to move a recall's fourth decimal now and then; so the few words near the best are measured again, and
    /// the recall keeps its exact figures. Near: a float sum of n products of unit vectors is within n × 2⁻²⁴ of the
    /// true dot product, so two sums differ by at most 2n × 2⁻²⁴, and the exact best is within twice that of the fast
    /// best; the reach is twice that again.
    /// </summary>
    private static float Best(MeaningText reference, int word, MeaningText response, ReadOnlySpan<float> similarities)
    {
        var reach = 8f * response.Dimensions / (1 << 24);
        var fast = TensorPrimitives.Max(similarities);
        var best = float.MinValue;
        for (var s = 0; s < similarities.Length; s++)
            if (similarities[s] >= fast - reach) best = Math.Max(best, MeaningText.Similarity(reference, word, response, s));
        return best;
    }
}
