using System.Numerics.Tensors;

namespace QuizPlatform.Grading.Meaning;

/// <summary>
/// Maximal marginal relevance over one model answer's candidate phrases (KeyBERT's anchor): the next keyword is the
/// phrase whose salience times closeness to the whole answer, less its closeness to the keywords already chosen, is
/// highest. A phrase's meaning is the mean of its words' contextual vectors wherever the answer says it; the answer's
/// is the mean of its content words'. Deterministic: ties keep the salience order.
/// </summary>
internal sealed class MeaningRanking(MeaningText meaning, ModelAnswerText answer)
{
    /// <summary>How much closeness to a chosen keyword counts against a phrase (KeyBERT's diversity).</summary>
    internal const double Diversity = 0.3;

    private readonly float[] whole = Mean(meaning, Enumerable.Range(0, answer.Tokens.Count).Where(i => !answer.Tokens[i].Term.IsStop));
    private readonly Dictionary<Candidate, float[]> vectors = [];
    private readonly Dictionary<Candidate, double> closeness = [];

    /// <param name="open">Candidates not yet taken, in salience order, best first.</param>
    public (Candidate Candidate, double Score) Next(List<(Candidate Candidate, double Score)> open, List<(Candidate Candidate, double Score)> chosen)
    {
        var top = open.Max(x => x.Score);
        var best = open[0];
        var bestValue = double.NegativeInfinity;
        foreach (var x in open)
        {
            var vector = Vector(x.Candidate);
            // A chosen part of this phrase does not count against it: the phrase would take its place ("monarchy" →
            // "absolute monarchy"), not repeat it.
            var redundancy = vector is null ? 0 : chosen.Where(c => !c.Candidate.Canons.All(x.Candidate.Canons.Contains))
                .Select(c => Vector(c.Candidate)).OfType<float[]>()
                .Select(v => (double)TensorPrimitives.Dot(vector, v)).DefaultIfEmpty(0).Max();
            var value = (1 - Diversity) * x.Score / top * Closeness(x.Candidate, vector) - Diversity * redundancy;
            if (value > bestValue) (best, bestValue) = (x, value);
        }
        return best;
    }

    /// <summary>A phrase that is nowhere in the running text (a bullet head's spelling, an expansion) keeps its salience.</summary>
    private double Closeness(Candidate candidate, float[]? vector)
    {
        if (!closeness.TryGetValue(candidate, out var value))
            closeness[candidate] = value = vector is null ? 1 : Math.Max(0, TensorPrimitives.Dot(vector, whole));
        return value;
    }

    private float[]? Vector(Candidate candidate)
    {
        if (!vectors.TryGetValue(candidate, out var vector))
            vectors[candidate] = vector = candidate.Words.Count == 0 ? [] : Mean(meaning, candidate.Words.Where(i => !answer.Tokens[i].Term.IsStop));
        return vector.Length == 0 ? null : vector;
    }

    private static float[] Mean(MeaningText meaning, IEnumerable<int> words)
    {
        var sum = new float[meaning.Dimensions];
        foreach (var w in words) TensorPrimitives.Add(sum, meaning.Vector(w), sum);
        var norm = TensorPrimitives.Norm(sum);
        if (norm > 0) TensorPrimitives.Divide(sum, norm, sum);
        return sum;
    }
}
