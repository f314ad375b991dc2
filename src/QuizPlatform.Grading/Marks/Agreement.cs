namespace QuizPlatform.Grading.Marks;

/// <summary>One answer both graded and marked: the grader's score and the instructor's, in points.</summary>
public sealed record MarkedScore(int Id, double Grader, double Instructor)
{
    /// <summary>Instructor minus grader: positive where the instructor gave more.</summary>
    public double Difference => Instructor - Grader;
}

/// <summary>
/// How far one question's grader agrees with its instructor, over the answers the instructor marked:
/// <see cref="Exact"/> the share scored the same, <see cref="WithinHalfPoint"/> the share within half a point
/// (questions worth more than a point), the mean difference, Spearman's rank correlation (null when either side gives
/// every answer the same score) and the answers they disagree on most, largest gap first.
/// </summary>
public sealed record Agreement(int Marks, double Exact, double? WithinHalfPoint, double MeanDifference, double? Spearman,
    IReadOnlyList<MarkedScore> Disagreements)
{
    /// <summary>Below this many marks the figures say more about which answers were marked than about the grader.</summary>
    public const int MinimumMarks = 20;

    public const int Shown = 5;

    /// <summary>Scores are stored to four decimals and shown to two: scores this close read the same.</summary>
    public const double Tolerance = 0.005;

    /// <summary>The figures for <paramref name="marks"/> on a question worth <paramref name="points"/>; null below <see cref="MinimumMarks"/>.</summary>
    public static Agreement? Of(IReadOnlyList<MarkedScore> marks, double points)
    {
        ArgumentNullException.ThrowIfNull(marks);
        if (marks.Count < MinimumMarks) return null;
        double Share(double within) => (double)marks.Count(m => Math.Abs(m.Difference) <= within + Tolerance) / marks.Count;
        var spearman = GradingMetrics.Spearman([.. marks.Select(m => m.Grader)], [.. marks.Select(m => m.Instructor)]);
        return new Agreement(marks.Count, Share(0), points > 1 ? Share(0.5) : null, marks.Average(m => m.Difference),
            double.IsNaN(spearman) ? null : spearman,
            [.. marks.Where(m => Math.Abs(m.Difference) > Tolerance).OrderByDescending(m => Math.Abs(m.Difference)).ThenBy(m => m.Id).Take(Shown)]);
    }
}
