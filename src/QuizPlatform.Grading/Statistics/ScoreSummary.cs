namespace QuizPlatform.Grading.Statistics;

/// <summary>Mean, median, sample standard deviation (null below two values), lowest and highest of a set of scores.</summary>
public sealed record Spread(double Mean, double Median, double? StandardDeviation, double Lowest, double Highest)
{
    public static Spread? Of(IReadOnlyList<double> values) => values.Count == 0 ? null
        : new(Descriptive.Mean(values)!.Value, Descriptive.Median(values)!.Value, Descriptive.StandardDeviation(values),
            values.Min(), values.Max());
}

/// <summary>
/// Cronbach's alpha and the standard error of measurement in points, or why they are not shown
/// (<see cref="NotShownBecause"/>): both are unstable on small classes, so they wait for
/// <see cref="ScoreSummary.MinAttemptsForReliability"/> graded attempts.
/// </summary>
public sealed record Reliability(double? Alpha, double? StandardErrorOfMeasurement, string? NotShownBecause)
{
    public static Reliability NotShown(string reason) => new(null, null, reason);
}

/// <summary>
/// How a class did on a quiz as a whole: <see cref="Points"/> over the attempts' totals, <see cref="Percent"/> over
/// each total as a percentage of that attempt's maximum (the two differ only when questions are drawn at random).
/// Both are null when no attempt is graded.
/// </summary>
public sealed record ScoreSummary(int Count, Spread? Points, Spread? Percent, Reliability Reliability)
{
    public const int MinAttemptsForReliability = 30;

    public static ScoreSummary Of(GradedQuiz quiz) =>
        new(quiz.Attempts.Count, Spread.Of(quiz.Totals), Spread.Of(quiz.Percentages), ReliabilityOf(quiz));

    /// <summary>
    /// alpha = k / (k - 1) * (1 - sum of the questions' variances / variance of the totals), with k questions and
    /// sample variances throughout; SEM = SD of the totals * sqrt(1 - alpha).
    /// </summary>
    private static Reliability ReliabilityOf(GradedQuiz quiz)
    {
        var n = quiz.Attempts.Count;
        var k = quiz.Questions.Count;
        if (n < MinAttemptsForReliability)
            return Reliability.NotShown($"Shown from {MinAttemptsForReliability} graded attempts on ({n} so far).");
        if (k < 2)
            return Reliability.NotShown("A quiz of one question has no internal consistency to measure.");
        if (quiz.Attempts.Any(a => a.Answers.Any(x => x is null)))
            return Reliability.NotShown("Questions are drawn at random: students did not all answer the same questions.");
        if (!Descriptive.HasSpread(quiz.Totals))
            return Reliability.NotShown("Every attempt has the same total: there is no spread to explain.");
        var questionVariances = Enumerable.Range(0, k)
            .Sum(q => Descriptive.SampleVariance(quiz.Attempts.Select(a => a.Answers[q]!.Score).ToArray())!.Value);
        var totalVariance = Descriptive.SampleVariance(quiz.Totals)!.Value;
        var alpha = k / (k - 1.0) * (1 - questionVariances / totalVariance);
        // alpha <= 1 in exact arithmetic (Cauchy-Schwarz); the clamp only absorbs rounding.
        return new(alpha, Math.Sqrt(totalVariance) * Math.Sqrt(Math.Max(0, 1 - alpha)), null);
    }
}
