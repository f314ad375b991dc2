using QuizPlatform.Grading.Statistics;

namespace QuizPlatform.Grading.Tests.Statistics;

public class DescriptiveTests
{
    [Fact]
    public void SampleStandardDeviationDividesByNMinusOne()
    {
        // 0, 2, 4, 6: mean 3; squared deviations 9 + 1 + 1 + 9 = 20; 20 / (4 - 1) = 6.667; sqrt = 2.582
        Assert.Equal(Math.Sqrt(20.0 / 3), Descriptive.StandardDeviation([0, 2, 4, 6])!.Value, 12);
    }

    [Fact]
    public void MedianOfAnEvenCountIsTheMeanOfTheMiddleTwo()
    {
        Assert.Equal(3.5, Descriptive.Median([9, 1, 3, 4]));   // sorted 1 3 4 9: (3 + 4) / 2
        Assert.Equal(4, Descriptive.Median([9, 1, 4]));        // sorted 1 4 9
    }

    [Fact]
    public void CorrelationOfTwoSmallSeries()
    {
        // x = 2 1 1 0 (mean 1), y = 4 3 1 0 (mean 2); dx = 1 0 0 -1, dy = 2 1 -1 -2
        // sum dx dy = 2 + 0 + 0 + 2 = 4; sum dx^2 = 2; sum dy^2 = 10; r = 4 / sqrt(20) = 0.894
        Assert.Equal(4 / Math.Sqrt(20), Descriptive.Correlation([2, 1, 1, 0], [4, 3, 1, 0])!.Value, 12);
    }

    [Fact]
    public void NoFigureWithoutEnoughData()
    {
        Assert.Null(Descriptive.Mean([]));
        Assert.Null(Descriptive.Median([]));
        Assert.Null(Descriptive.StandardDeviation([5]));
        Assert.Null(Descriptive.Correlation([1], [2]));
    }

    [Fact]
    public void CorrelationIsUndefinedWhenOneSideHasNoSpread()
    {
        Assert.Null(Descriptive.Correlation([0.1, 0.1, 0.1], [1, 2, 3]));
        Assert.Null(Descriptive.Correlation([1, 2, 3], [0.7, 0.7, 0.7]));
    }

    [Fact]
    public void RoundingIsNotSpread()
    {
        Assert.False(Descriptive.HasSpread([0.1 + 0.2, 0.3])); // 0.30000000000000004 and 0.3: the same total to a reader
        Assert.True(Descriptive.HasSpread([0.3, 0.31]));
        Assert.False(Descriptive.HasSpread([7]));
    }
}
