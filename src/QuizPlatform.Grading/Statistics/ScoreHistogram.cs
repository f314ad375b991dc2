namespace QuizPlatform.Grading.Statistics;

/// <summary>One bar: the attempts scoring from <see cref="FromPercent"/> up to, not including, <see cref="ToPercent"/> (the last bar includes 100).</summary>
public sealed record HistogramBin(int FromPercent, int ToPercent, int Count)
{
    public string Label => $"{FromPercent}-{ToPercent} %";
}

/// <summary>Ten equal bins of 0-100 %, the last one closed, so a full score falls in 90-100.</summary>
public static class ScoreHistogram
{
    public const int Bins = 10;

    public static IReadOnlyList<HistogramBin> Of(GradedQuiz quiz) => Of(quiz.Percentages);

    public static IReadOnlyList<HistogramBin> Of(IEnumerable<double> percentages)
    {
        var counts = new int[Bins];
        foreach (var p in percentages) counts[BinOf(p)]++;
        return counts.Select((c, i) => new HistogramBin(i * 100 / Bins, (i + 1) * 100 / Bins, c)).ToArray();
    }

    /// <summary>
    /// The bin of a percentage. 3 of 10 points computes as 30.000000000000004 % and 0.7 * 100 as 70.00000000000001,
    /// but other boundaries land just below (e.g. 56.99999999999999): the small allowance puts a score a reader
    /// sees as 30 % in 30-40 whichever way the rounding went. Out-of-range scores (an override above the maximum)
    /// go to the end bins.
    /// </summary>
    public static int BinOf(double percentage) =>
        double.IsNaN(percentage) ? 0 : (int)Math.Clamp(Math.Floor(percentage / (100.0 / Bins) + 1e-9), 0, Bins - 1);
}
