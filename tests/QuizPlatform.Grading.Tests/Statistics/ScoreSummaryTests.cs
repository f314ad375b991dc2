using QuizPlatform.Grading.Statistics;
using static QuizPlatform.Grading.Tests.Statistics.Fixtures;

namespace QuizPlatform.Grading.Tests.Statistics;

public class ScoreSummaryTests
{
    // Q1 is worth 2 points, Q2 4: totals 6 4 2 0 out of 6, that is 100 % 66.7 % 33.3 % 0 %.
    private static readonly GradedQuiz FourStudents = Quiz([2, 4], [2, 4], [1, 3], [1, 1], [0, 0]);

    [Fact]
    public void SummarisesTotalsInPointsAndPercent()
    {
        var summary = ScoreSummary.Of(FourStudents);

        Assert.Equal(4, summary.Count);
        // mean (6 + 4 + 2 + 0) / 4 = 3; median (2 + 4) / 2 = 3; SD sqrt((9 + 1 + 1 + 9) / 3) = 2.582
        var points = summary.Points!;
        Assert.Equal((3.0, 3.0, 0.0, 6.0), (points.Mean, points.Median, points.Lowest, points.Highest));
        Assert.Equal(Math.Sqrt(20.0 / 3), points.StandardDeviation!.Value, 12);
        // the same in % of 6: mean 50, median 50, SD 2.582 * 100 / 6 = 43.03
        var percent = summary.Percent!;
        Assert.Equal(50, percent.Mean, 12);
        Assert.Equal((50.0, 0.0, 100.0), (percent.Median, percent.Lowest, percent.Highest));
        Assert.Equal(Math.Sqrt(20.0 / 3) * 100 / 6, percent.StandardDeviation!.Value, 12);
    }

    [Fact]
    public void ReliabilityWaitsForThirtyGradedAttempts()
    {
        var summary = ScoreSummary.Of(FourStudents);

        Assert.Equal((null, null), (summary.Reliability.Alpha, summary.Reliability.StandardErrorOfMeasurement));
        Assert.Equal("Shown from 30 graded attempts on (4 so far).", summary.Reliability.NotShownBecause);
    }

    [Fact]
    public void CronbachsAlphaAndTheStandardErrorOfMeasurement()
    {
        // rows (0,0) (1,2) (2,1), ten times each: 30 attempts.
        // Q1 = 0 1 2 and Q2 = 0 2 1: variance 2/3 each (as population variances; n - 1 cancels in the ratio)
        // totals 0 3 3: mean 2, variance (4 + 1 + 1) / 3 = 2
        // alpha = 2 / (2 - 1) * (1 - (2/3 + 2/3) / 2) = 2 * (1 - 2/3) = 2/3
        // SEM = sample SD of the totals * sqrt(1 - 2/3) = sqrt(2 * 30/29) * sqrt(1/3) = sqrt(20/29) = 0.830
        var summary = ScoreSummary.Of(Quiz([2, 2], Repeat(10, [0, 0], [1, 2], [2, 1])));

        Assert.Null(summary.Reliability.NotShownBecause);
        Assert.Equal(2.0 / 3, summary.Reliability.Alpha!.Value, 12);
        Assert.Equal(Math.Sqrt(20.0 / 29), summary.Reliability.StandardErrorOfMeasurement!.Value, 12);
    }

    [Fact]
    public void RandomDrawsJudgeEachAttemptOnItsOwnQuestionsAndHaveNoAlpha()
    {
        // attempt 1 got Q1 and Q2 (max 2 + 4 = 6), attempt 2 only Q2 (max 4): 3/6 = 50 %, 4/4 = 100 %
        var quiz = Quiz([2, 4], Repeat(15, [1, 2], [null, 4]));
        var summary = ScoreSummary.Of(quiz);

        Assert.Equal([50.0, 100.0], quiz.Percentages.Take(2));
        Assert.Equal(75, summary.Percent!.Mean, 12);
        Assert.Equal(3.5, summary.Points!.Mean, 12);
        Assert.Equal("Questions are drawn at random: students did not all answer the same questions.", summary.Reliability.NotShownBecause);
    }

    [Fact]
    public void NoAttemptsMeansNoFiguresAndNoNaN()
    {
        var summary = ScoreSummary.Of(Quiz([2, 4]));

        Assert.Equal((0, null, null), (summary.Count, summary.Points, summary.Percent));
        Assert.NotNull(summary.Reliability.NotShownBecause);
    }

    [Fact]
    public void OneAttemptHasNoStandardDeviation()
    {
        var points = ScoreSummary.Of(Quiz([2, 4], [1, 3])).Points!;

        Assert.Equal((4.0, 4.0, null, 4.0, 4.0), (points.Mean, points.Median, points.StandardDeviation, points.Lowest, points.Highest));
    }

    [Fact]
    public void EqualScoresHaveZeroSpreadAndNoAlpha()
    {
        var summary = ScoreSummary.Of(Quiz([2, 4], Repeat(30, [1, 3])));

        Assert.Equal(0, summary.Points!.StandardDeviation);
        Assert.Equal("Every attempt has the same total: there is no spread to explain.", summary.Reliability.NotShownBecause);
        AssertNoNaN(summary.Reliability);
    }

    [Fact]
    public void AOneQuestionQuizHasNoAlpha()
    {
        var summary = ScoreSummary.Of(Quiz([2], Repeat(15, [1], [2])));

        Assert.Equal("A quiz of one question has no internal consistency to measure.", summary.Reliability.NotShownBecause);
    }

    [Fact]
    public void AnAttemptMustHaveAnEntryPerQuestion()
    {
        Assert.Throws<ArgumentException>(() => Quiz([2, 4], [1]));
    }
}
