using QuizPlatform.Grading;

namespace QuizPlatform.Grading.Tests;

public sealed class ReviewSelectionTests
{
    const double FullMarks = 0.7;

    [Theory]
    [InlineData(GradeFlags.NeedsReview)]
    [InlineData(GradeFlags.CopiesPrompt)]
    [InlineData(GradeFlags.Negated)]
    [InlineData(GradeFlags.RequiredMissing)]
    public void AFlaggedAnswerIsInTheQueueWhateverItsCoverage(GradeFlags flag) =>
        Assert.Equal(ReviewReason.Flagged, ReviewSelection.Why(flag, coverage: 1, quizId: 1, responseId: 1, spotCheckShare: 0, FullMarks));

    [Theory]
    [InlineData(0.65, true)]
    [InlineData(0.70, true)]
    [InlineData(0.75, true)]
    [InlineData(0.60, false)]
    [InlineData(0.80, false)]
    public void AnAnswerNearTheFullMarksPointIsBorderline(double coverage, bool borderline) =>
        Assert.Equal(borderline ? ReviewReason.Borderline : null,
            ReviewSelection.Why(GradeFlags.None, coverage, quizId: 1, responseId: 1, spotCheckShare: 0, FullMarks));

    [Fact]
    public void AnEmptyAnswerIsNotBorderlineButAStuffedOneCanBe()
    {
        Assert.Null(ReviewSelection.Why(GradeFlags.Empty, FullMarks, 1, 1, 0, FullMarks));
        Assert.Equal(ReviewReason.Borderline, ReviewSelection.Why(GradeFlags.KeywordList, FullMarks, 1, 1, 0, FullMarks));
    }

    [Fact]
    public void TheSpotCheckDrawsAboutItsShareAndTheSameAnswersEveryTime()
    {
        var drawn = Enumerable.Range(1, 10_000)
            .Where(id => ReviewSelection.Why(GradeFlags.None, 0.2, quizId: 7, id, spotCheckShare: 0.1, FullMarks) == ReviewReason.SpotCheck)
            .ToList();

        Assert.InRange(drawn.Count, 900, 1100);
        Assert.Equal(drawn, Enumerable.Range(1, 10_000)
            .Where(id => ReviewSelection.Why(GradeFlags.None, 0.2, quizId: 7, id, spotCheckShare: 0.1, FullMarks) == ReviewReason.SpotCheck));
        Assert.Null(ReviewSelection.Why(GradeFlags.None, 0.2, 7, drawn[0], spotCheckShare: 0, FullMarks));
        Assert.Equal(ReviewReason.SpotCheck, ReviewSelection.Why(GradeFlags.None, 0.2, 7, 1, spotCheckShare: 1, FullMarks));
    }

    [Fact]
    public void TheOrderIsAStableShuffleNotTheStudentsOrder()
    {
        var order = Enumerable.Range(1, 100).OrderBy(id => ReviewSelection.Order(3, id)).ToList();

        Assert.Equal(order, Enumerable.Range(1, 100).OrderBy(id => ReviewSelection.Order(3, id)));
        Assert.NotEqual(Enumerable.Range(1, 100), order);
        Assert.NotEqual(order, Enumerable.Range(1, 100).OrderBy(id => ReviewSelection.Order(4, id)));
    }
}
