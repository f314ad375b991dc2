namespace QuizPlatform.Grading.Statistics;

/// <summary>A question as the statistics see it: its maximum and its keywords, in the key's order.</summary>
public sealed record QuestionKey(string Title, double MaxPoints, IReadOnlyList<Keyword> Keywords);

/// <summary>What the grader found for one keyword of one answer: how it matched (null: missed), and whether the answer stated it only negated.</summary>
public readonly record struct KeywordOutcome(MatchKind? How, bool Negated = false)
{
    public bool Hit => How is not null;

    /// <summary>The outcome of a keyword the grader matched (a match without a kind counts as exact) or missed; a
    /// missed keyword is "negated" when the answer stated it only in a negation.</summary>
    public static KeywordOutcome Of(bool matched, MatchKind? how, bool negated) =>
        matched ? new(how ?? MatchKind.Exact) : new(null, negated);
}

/// <summary>
/// One graded answer: the score that counts (after any override), its flags, and an outcome per keyword of the
/// question, in the key's order (empty when the caller has no keyword record).
/// </summary>
public sealed record AnswerOutcome(double Score, bool Empty, bool Flagged, bool Overridden, IReadOnlyList<KeywordOutcome> Keywords)
{
    public static AnswerOutcome Scored(double score) => new(score, false, false, false, []);
}

/// <summary>An answer to one question with the same attempt's score on the rest of the quiz (its total minus this answer).</summary>
public readonly record struct QuestionAnswer(AnswerOutcome Answer, double RestOfQuiz);

/// <summary>One counted, graded attempt: an answer per question of the quiz, null where the question was not drawn for this student.</summary>
public sealed record GradedAttempt(IReadOnlyList<AnswerOutcome?> Answers);

/// <summary>
/// The counted attempts of one quiz, graded, with the figures every report needs computed once: each attempt's total
/// and its maximum (the sum over the questions it was given, so a random draw is judged on its own questions).
/// </summary>
public sealed class GradedQuiz
{
    public GradedQuiz(IReadOnlyList<QuestionKey> questions, IReadOnlyList<GradedAttempt> attempts)
    {
        if (attempts.FirstOrDefault(a => a.Answers.Count != questions.Count) is { } wrong)
            throw new ArgumentException(
                $"Every attempt needs one entry per question ({questions.Count}); one has {wrong.Answers.Count}.", nameof(attempts));
        Questions = questions;
        Attempts = attempts;
        Totals = attempts.Select(a => a.Answers.Sum(x => x?.Score ?? 0)).ToArray();
        MaxTotals = attempts.Select(a => a.Answers.Select((x, q) => x is null ? 0 : questions[q].MaxPoints).Sum()).ToArray();
        Percentages = Totals.Select((t, i) => MaxTotals[i] > 0 ? 100 * t / MaxTotals[i] : 0).ToArray();
    }

    public IReadOnlyList<QuestionKey> Questions { get; }
    public IReadOnlyList<GradedAttempt> Attempts { get; }

    /// <summary>Each attempt's total score, in points.</summary>
    public IReadOnlyList<double> Totals { get; }

    /// <summary>Each attempt's maximum: the points of the questions it was given.</summary>
    public IReadOnlyList<double> MaxTotals { get; }

    /// <summary>Each attempt's total as a percentage of its own maximum (0 when the maximum is 0).</summary>
    public IReadOnlyList<double> Percentages { get; }

    /// <summary>
    /// The answers to question <paramref name="question"/>, each with the score on the rest of the quiz (the total
    /// minus this answer), which is what discrimination correlates against; attempts without the question are left out.
    /// </summary>
    public IEnumerable<QuestionAnswer> AnswersTo(int question)
    {
        for (var i = 0; i < Attempts.Count; i++)
            if (Attempts[i].Answers[question] is { } answer)
                yield return new(answer, Totals[i] - answer.Score);
    }
}
