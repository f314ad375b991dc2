namespace QuizPlatform.Grading.Statistics;

/// <summary>
/// The formulas every report shares. Each returns null where the figure does not exist for the data (too few values,
/// or no spread), so no NaN or infinity ever reaches a page: a page shows null as "not enough data".
/// </summary>
public static class Descriptive
{
    public static double? Mean(IReadOnlyList<double> values) => values.Count == 0 ? null : values.Average();

    /// <summary>The middle value, or the mean of the two middle values when the count is even.</summary>
    public static double? Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>
    /// The sample standard deviation, sqrt(sum (x - mean)^2 / (n - 1)), as Moodle's reports use: the class is taken
    /// as a sample of the students who could take the quiz. Null below two values.
    /// </summary>
    public static double? StandardDeviation(IReadOnlyList<double> values) =>
        SampleVariance(values) is { } variance ? Math.Sqrt(variance) : null;

    /// <summary>sum (x - mean)^2 / (n - 1); null below two values.</summary>
    public static double? SampleVariance(IReadOnlyList<double> values)
    {
        if (values.Count < 2) return null;
        var mean = values.Average();
        var squares = 0.0;
        foreach (var x in values) squares += (x - mean) * (x - mean);
        return squares / (values.Count - 1);
    }

    /// <summary>
    /// Pearson's r = sum (x - mx)(y - my) / sqrt(sum (x - mx)^2 * sum (y - my)^2). Null below two pairs or when
    /// either side has no spread (every value equal), where the correlation is undefined rather than zero.
    /// </summary>
    public static double? Correlation(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count) throw new ArgumentException("The two series must have the same length.", nameof(y));
        if (x.Count < 2) return null;
        // Plain loops: this runs once per question and keyword, 300 times over 500 attempts on a large quiz.
        double mx = 0, my = 0, sxy = 0, sxx = 0, syy = 0, scaleX = 0, scaleY = 0;
        for (var i = 0; i < x.Count; i++)
        {
            mx += x[i];
            my += y[i];
            scaleX = Math.Max(scaleX, Math.Abs(x[i]));
            scaleY = Math.Max(scaleY, Math.Abs(y[i]));
        }
        mx /= x.Count;
        my /= y.Count;
        for (var i = 0; i < x.Count; i++)
        {
            double dx = x[i] - mx, dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (IsNoSpread(sxx, scaleX, x.Count) || IsNoSpread(syy, scaleY, y.Count)) return null;
        return Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1);
    }

    /// <summary>Whether the values differ by more than floating-point rounding (the same test the correlation uses).</summary>
    public static bool HasSpread(IReadOnlyList<double> values)
    {
        if (values.Count < 2) return false;
        var mean = values.Average();
        double squares = 0, scale = 0;
        foreach (var x in values)
        {
            squares += (x - mean) * (x - mean);
            scale = Math.Max(scale, Math.Abs(x));
        }
        return !IsNoSpread(squares, scale, values.Count);
    }

    // Rounding leaves a tiny non-zero spread on equal values (0.1 + 0.2 style); relative to the values' size it is noise.
    private static bool IsNoSpread(double sumOfSquares, double scale, int count) =>
        sumOfSquares <= 1e-18 * Math.Max(1, scale * scale) * count;
}
