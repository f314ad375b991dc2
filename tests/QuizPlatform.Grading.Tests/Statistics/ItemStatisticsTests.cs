using QuizPlatform.Grading.Statistics;
using static QuizPlatform.Grading.Tests.Statistics.Fixtures;

namespace QuizPlatform.Grading.Tests.Statistics;

public class ItemStatisticsTests
{
    [Fact]
    public void FacilityDeviationAndDiscriminationAgainstTheRestOfTheQuiz()
    {
        // Q1 (max 2): 2 1 1 0; Q2 (max 4): 4 3 1 0
        var items = ItemStatistics.Of(Quiz([2, 4], [2, 4], [1, 3], [1, 1], [0, 0]));

        // Q1: mean 1, facility 1/2; SD sqrt((1 + 0 + 0 + 1) / 3) = 0.816
        // rest of the quiz = Q2 = 4 3 1 0: r = 4 / sqrt(2 * 10) = 0.894 (worked out in DescriptiveTests)
        var q1 = items[0];
        Assert.Equal((4, 1.0, 0.5), (q1.Count, q1.Mean!.Value, q1.Facility!.Value));
        Assert.Equal(Math.Sqrt(2.0 / 3), q1.StandardDeviation!.Value, 12);
        Assert.Equal(4 / Math.Sqrt(20), q1.Discrimination!.Value, 12);
        // Q2: mean 2, facility 2/4; SD sqrt((4 + 1 + 1 + 4) / 3) = 1.826; rest = Q1, the same r
        var q2 = items[1];
        Assert.Equal((2.0, 0.5), (q2.Mean!.Value, q2.Facility!.Value));
        Assert.Equal(Math.Sqrt(10.0 / 3), q2.StandardDeviation!.Value, 12);
        Assert.Equal(4 / Math.Sqrt(20), q2.Discrimination!.Value, 12);
        Assert.Equal([ItemWarning.FewAnswers], q1.Warnings);
    }

    [Fact]
    public void HardEasyAndNegativeQuestionsAreWarnedAbout()
    {
        // Q1 = 0 0 0 1 (facility 0.25), Q2 = 1 1 1 0.9 (facility 3.9 / 4 = 0.975), both out of 1.
        // Each is the other's rest of the quiz: dQ1 = -.25 -.25 -.25 .75, dQ2 = .025 .025 .025 -.075
        // sum dQ1 dQ2 = -.01875 - .05625 = -.075; sqrt(.75 * .0075) = .075; r = -1
        var items = ItemStatistics.Of(Quiz([1, 1], [0, 1], [0, 1], [0, 1], [1, 0.9]));

        Assert.Equal(-1, items[0].Discrimination!.Value, 12);
        Assert.Equal([ItemWarning.Hard, ItemWarning.NegativeDiscrimination, ItemWarning.FewAnswers], items[0].Warnings);
        Assert.Equal([ItemWarning.Easy, ItemWarning.NegativeDiscrimination, ItemWarning.FewAnswers], items[1].Warnings);
        Assert.Contains("check the question or its keywords", items[0].WarningTexts.ElementAt(1));
        Assert.StartsWith("Hard: the class earned less than 30%", items[0].WarningTexts.First());
    }

    [Fact]
    public void AQuestionUnrelatedToTheRestHasLowDiscrimination()
    {
        // Q1 = 1 0 1 0, Q2 = 1 1 0 0: dQ1 = .5 -.5 .5 -.5, dQ2 = .5 .5 -.5 -.5, sum of products .25 - .25 - .25 + .25 = 0
        var item = ItemStatistics.Of(Quiz([1, 1], Repeat(8, [1, 1], [0, 1], [1, 0], [0, 0])))[0];

        Assert.Equal(0, item.Discrimination!.Value, 12);
        Assert.Equal([ItemWarning.LowDiscrimination], item.Warnings);
    }

    [Fact]
    public void SharesOfEmptyFlaggedAndOverriddenAnswers()
    {
        AnswerOutcome Answer(bool empty = false, bool flagged = false, bool overridden = false) => new(0, empty, flagged, overridden, []);
        var quiz = new GradedQuiz([new QuestionKey("Q1", 1, [])],
            [new([Answer(empty: true)]), new([Answer(flagged: true)]), new([Answer(flagged: true, overridden: true)]), new([Answer()])]);

        var item = ItemStatistics.Of(quiz)[0];

        Assert.Equal((0.25, 0.5, 0.25), (item.EmptyShare!.Value, item.FlaggedShare!.Value, item.OverriddenShare!.Value));
    }

    [Fact]
    public void AQuestionMostStudentsLeftEmptyIsNotCalledHard()
    {
        // Q2 scores 0.1 0.2 and is left empty by the other two: facility 0.075, as low as a hard question's.
        AnswerOutcome Answer(double? score) => new(score ?? 0, score is null, false, false, []);
        var quiz = new GradedQuiz([new QuestionKey("Q1", 1, []), new QuestionKey("Q2", 1, [])],
            [new([Answer(0.1), Answer(0.1)]), new([Answer(0.2), Answer(0.2)]), new([Answer(0.8), Answer(null)]), new([Answer(0.9), Answer(null)])]);

        var item = ItemStatistics.Of(quiz)[1];

        Assert.Equal(0.5, item.EmptyShare!.Value);
        Assert.Equal(0.075, item.Facility!.Value, 12);
        Assert.Contains(ItemWarning.MostlyUnanswered, item.Warnings);
        Assert.DoesNotContain(ItemWarning.Hard, item.Warnings);
        Assert.StartsWith("Mostly unanswered: at least 50% of the students left it empty", item.WarningTexts.First());
    }

    [Fact]
    public void RandomlyDrawnQuestionsUseOnlyTheStudentsWhoGotThem()
    {
        // Q2 drawn for the first three only: 4 3 1, mean 8/3; rest = Q1 = 2 1 1
        var item = ItemStatistics.Of(Quiz([2, 4], [2, 4], [1, 3], [1, 1], [0, null]))[1];

        Assert.Equal(3, item.Count);
        Assert.Equal(8.0 / 3, item.Mean!.Value, 12);
        // dQ2 = 4/3 1/3 -5/3, dQ1 = 2/3 -1/3 -1/3: sum of products 8/9 - 1/9 + 5/9 = 12/9 = 4/3
        // sum dQ2^2 = (16 + 1 + 25) / 9 = 42/9; sum dQ1^2 = (4 + 1 + 1) / 9 = 6/9; r = (4/3) / sqrt(42 * 6 / 81) = 12 / sqrt(252)
        Assert.Equal(12 / Math.Sqrt(252), item.Discrimination!.Value, 12);
    }

    [Fact]
    public void NoAnswersOneAnswerAndEqualScoresGiveNoNaN()
    {
        var none = ItemStatistics.Of(Quiz([2]))[0];
        var one = ItemStatistics.Of(Quiz([2], [1]))[0];
        var equal = ItemStatistics.Of(Quiz([2, 2], [1, 2], [1, 0], [1, 1]))[0];

        Assert.Equal((0, null, null, null, null), (none.Count, none.Mean, none.Facility, none.StandardDeviation, none.Discrimination));
        Assert.Equal([ItemWarning.FewAnswers], none.Warnings);
        Assert.Equal((null, null), (one.StandardDeviation, one.Discrimination));
        Assert.Equal((0.0, null), (equal.StandardDeviation!.Value, equal.Discrimination));
        foreach (var item in new[] { none, one, equal }) AssertNoNaN(item);
    }
}
