using QuizPlatform.Grading.Statistics;
using static QuizPlatform.Grading.Tests.Statistics.Fixtures;

namespace QuizPlatform.Grading.Tests.Statistics;

public class ScoreHistogramTests
{
    [Fact]
    public void TenEqualBinsWithTheLastOneClosed()
    {
        // totals out of 6: 6 (100 %) 4 (66.7 %) 2 (33.3 %) 0 (0 %), plus 5.4 (90 %) which opens the last bin
        var bins = ScoreHistogram.Of(Quiz([2, 4], [2, 4], [1, 3], [1, 1], [0, 0], [1.4, 4]));

        Assert.Equal(10, bins.Count);
        Assert.Equal([1, 0, 0, 1, 0, 0, 1, 0, 0, 2], bins.Select(b => b.Count));
        Assert.Equal(("0-10 %", "90-100 %"), (bins[0].Label, bins[9].Label));
    }

    [Theory]
    [InlineData(3, 10, 3)]   // 3/10 * 100 = 30.000000000000004
    [InlineData(7, 10, 7)]   // 0.7 * 100 = 70.00000000000001
    [InlineData(0.57 * 100, 100, 5)] // 56.99999999999999 stays in 50-60
    [InlineData(6, 6, 9)]
    [InlineData(29.99, 100, 2)]
    public void BoundaryScoresFallWhereAReaderExpects(double score, double max, int bin)
    {
        Assert.Equal(bin, ScoreHistogram.BinOf(100 * score / max));
    }

    [Theory]
    [InlineData(-5, 0)]
    [InlineData(110, 9)]
    public void ScoresOutsideTheRangeGoToTheEndBins(double percentage, int bin)
    {
        Assert.Equal(bin, ScoreHistogram.BinOf(percentage));
    }

    [Fact]
    public void NoAttemptsGiveTenEmptyBins()
    {
        Assert.All(ScoreHistogram.Of([]), b => Assert.Equal(0, b.Count));
    }
}
