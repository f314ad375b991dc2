namespace QuizPlatform.Grading;

/// <summary>A 2×2 table of grader decisions (score ≥ threshold) against human labels.</summary>
public sealed record ConfusionMatrix(double Threshold, int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives)
{
    public int Total => TruePositives + FalsePositives + TrueNegatives + FalseNegatives;
    public double Accuracy => Total == 0 ? 0 : (double)(TruePositives + TrueNegatives) / Total;
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);
}

/// <summary>Agreement between grader scores and human marking, for `quiz evaluate` and the accuracy tests.</summary>
public static class GradingMetrics
{
    public static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        CheckLengths(x.Count, y.Count);
        if (x.Count < 2) return double.NaN;
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Count; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? double.NaN : sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>Pearson correlation of ranks, ties sharing their average rank.</summary>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        CheckLengths(x.Count, y.Count);
        return Pearson(Ranks(x), Ranks(y));
    }

    /// <summary>
    /// Area under the ROC curve: the chance that a randomly chosen positive scores above a randomly chosen negative
    /// (ties count half). NaN when either class is absent.
    /// </summary>
    public static double RocAuc(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        CheckLengths(scores.Count, positive.Count);
        var ranks = Ranks(scores);
        double positives = 0, rankSum = 0;
        for (var i = 0; i < ranks.Length; i++)
            if (positive[i]) { positives++; rankSum += ranks[i]; }
        var negatives = scores.Count - positives;
        if (positives == 0 || negatives == 0) return double.NaN;
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
    }

    public static ConfusionMatrix Confusion(IReadOnlyList<double> scores, IReadOnlyList<bool> positive, double threshold)
    {
        CheckLengths(scores.Count, positive.Count);
        int tp = 0, fp = 0, tn = 0, fn = 0;
        for (var i = 0; i < scores.Count; i++)
        {
            var predicted = scores[i] >= threshold;
            if (predicted && positive[i]) tp++;
            else if (predicted) fp++;
            else if (positive[i]) fn++;
            else tn++;
        }
        return new ConfusionMatrix(threshold, tp, fp, tn, fn);
    }

    /// <summary>The threshold (one of the scores) with the highest accuracy; the lowest such on ties.</summary>
    public static ConfusionMatrix BestThreshold(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        CheckLengths(scores.Count, positive.Count);
        ConfusionMatrix? best = null;
        foreach (var threshold in scores.Distinct().Order())
        {
            var confusion = Confusion(scores, positive, threshold);
            if (best is null || confusion.Accuracy > best.Accuracy) best = confusion;
        }
        return best ?? Confusion(scores, positive, 0.5);
    }

    private static double[] Ranks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ThenBy(i => i).ToArray();
        var ranks = new double[values.Count];
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j < order.Length && values[order[j]] == values[order[i]]) j++;
            for (var k = i; k < j; k++) ranks[order[k]] = (i + j + 1) / 2.0;
            i = j;
        }
        return ranks;
    }

    private static void CheckLengths(int a, int b)
    {
        if (a != b) throw new ArgumentException($"Both lists must have the same length ({a} and {b}).");
    }
}
