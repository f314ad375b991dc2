namespace QuizPlatform.Grading.Statistics;

public enum ItemWarning { Hard, Easy, MostlyUnanswered, LowDiscrimination, NegativeDiscrimination, FewAnswers }

/// <summary>
/// How one question worked: over the students who were given it. Null figures mean "not enough data" (fewer than
/// two answers, or no spread in the scores to correlate).
/// </summary>
public sealed record ItemStatistics(
    int Question, string Title, int Count, double? Mean, double? Facility, double? StandardDeviation, double? Discrimination,
    double? EmptyShare, double? FlaggedShare, double? OverriddenShare, IReadOnlyList<ItemWarning> Warnings)
{
    public const double HardBelow = 0.3, EasyAbove = 0.8, DiscriminationBelow = 0.1, MostlyEmptyFrom = 0.5;
    public const int CautionBelow = 30;

    /// <summary>The warnings as an instructor reads them.</summary>
    public IEnumerable<string> WarningTexts => Warnings.Select(Describe);

    /// <summary>
    /// Every question of the quiz. Facility = mean / maximum points. Discrimination follows Moodle's statistics report
    /// (its discrimination index, there shown x 100): Pearson's r between the score on this question and the score on
    /// the rest of the quiz (the total minus this question), so a question is not correlated with itself.
    /// </summary>
    public static IReadOnlyList<ItemStatistics> Of(GradedQuiz quiz) =>
        quiz.Questions.Select((question, q) => Of(q, question, quiz.AnswersTo(q).ToArray())).ToArray();

    private static ItemStatistics Of(int q, QuestionKey question, QuestionAnswer[] answers)
    {
        var n = answers.Length;
        var scores = answers.Select(a => a.Answer.Score).ToArray();
        var mean = Descriptive.Mean(scores);
        var facility = question.MaxPoints > 0 ? mean / question.MaxPoints : null;
        var discrimination = Descriptive.Correlation(scores, answers.Select(a => a.RestOfQuiz).ToArray());
        double? Share(Func<AnswerOutcome, bool> has) => n == 0 ? null : (double)answers.Count(a => has(a.Answer)) / n;

        var emptyShare = Share(a => a.Empty);
        var warnings = new List<ItemWarning>();
        // Left empty by most, a question's low facility tells of students who skipped it or ran out of time, not of
        // how hard it is.
        if (emptyShare >= MostlyEmptyFrom) warnings.Add(ItemWarning.MostlyUnanswered);
        else if (facility < HardBelow) warnings.Add(ItemWarning.Hard);
        if (facility > EasyAbove) warnings.Add(ItemWarning.Easy);
        if (discrimination < 0) warnings.Add(ItemWarning.NegativeDiscrimination);
        else if (discrimination < DiscriminationBelow) warnings.Add(ItemWarning.LowDiscrimination);
        if (n < CautionBelow) warnings.Add(ItemWarning.FewAnswers);
        return new(q, question.Title, n, mean, facility, Descriptive.StandardDeviation(scores), discrimination,
            emptyShare, Share(a => a.Flagged), Share(a => a.Overridden), warnings);
    }

    public static string Describe(ItemWarning warning) => warning switch
    {
        ItemWarning.Hard => FormattableString.Invariant($"Hard: the class earned less than {HardBelow:0%} of the points on average."),
        ItemWarning.Easy => FormattableString.Invariant($"Easy: the class earned more than {EasyAbove:0%} of the points on average."),
        ItemWarning.MostlyUnanswered => FormattableString.Invariant(
            $"Mostly unanswered: at least {MostlyEmptyFrom:0%} of the students left it empty (skipped, or out of time?), so its facility says little about how hard it is."),
        ItemWarning.LowDiscrimination =>
            "Low discrimination: this question barely separates stronger from weaker students; check the question or its keywords.",
        ItemWarning.NegativeDiscrimination =>
            "Negative discrimination: students who did well on the rest of the quiz did worse here; check the question or its keywords.",
        ItemWarning.FewAnswers => $"Fewer than {CautionBelow} answers: read these figures with caution.",
        _ => throw new ArgumentOutOfRangeException(nameof(warning), warning, null),
    };
}
