using QuizPlatform.Grading.Statistics;

namespace QuizPlatform.Grading.Tests.Statistics;

/// <summary>Small quizzes built from score tables, so each test reads as the table it works its arithmetic on.</summary>
internal static class Fixtures
{
    /// <summary>A quiz whose question q is worth maxPoints[q]; each row is one attempt, null where the question was not drawn.</summary>
    public static GradedQuiz Quiz(double[] maxPoints, params double?[][] rows) =>
        new(maxPoints.Select((max, q) => new QuestionKey($"Q{q + 1}", max, [])).ToArray(),
            rows.Select(row => new GradedAttempt(row.Select(s => s is { } score ? AnswerOutcome.Scored(score) : null).ToArray())).ToArray());

    /// <summary>The same rows repeated, for the fixtures that need 30 attempts.</summary>
    public static double?[][] Repeat(int times, params double?[][] rows) =>
        Enumerable.Repeat(rows, times).SelectMany(r => r).ToArray();

    public static Keyword Key(string phrase, double weight = 1, bool required = false) => new(phrase, [], weight, required);

    public static KeywordOutcome Hit(MatchKind how) => new(how);
    public static readonly KeywordOutcome Missed = new(null);
    public static readonly KeywordOutcome NegatedOnly = new(null, Negated: true);

    public static void AssertNoNaN(object? record)
    {
        foreach (var property in record!.GetType().GetProperties())
            if (property.GetValue(record) is double value)
                Assert.True(double.IsFinite(value), $"{property.Name} is {value}");
    }
}
