using QuizPlatform.Grading.Statistics;

namespace QuizPlatform.Grading.Tests.Statistics;

public class CountedAttemptsTests
{
    private sealed record Attempt(int Number, double? Score);

    private static Attempt? Pick(CountedAttempt rule, params Attempt[] attempts) =>
        CountedAttempts.Pick(rule, attempts, a => a.Number, a => a.Score);

    // handed in out of order, to show the number decides: attempt 4 is still being graded
    private static readonly Attempt[] Four = [new(3, 8), new(1, 5), new(4, null), new(2, 8)];

    [Theory]
    [InlineData(CountedAttempt.Last, 4)]
    [InlineData(CountedAttempt.First, 1)]
    [InlineData(CountedAttempt.Highest, 2)] // 2 and 3 both scored 8: the earlier reached it first
    public void PicksTheCountedAttempt(CountedAttempt rule, int number)
    {
        Assert.Equal(number, Pick(rule, Four)!.Number);
    }

    [Fact]
    public void LastIsTheDefault()
    {
        Assert.Equal(CountedAttempt.Last, default);
    }

    [Fact]
    public void HighestIsTheLatestWhileNoneIsGraded()
    {
        Assert.Equal(2, Pick(CountedAttempt.Highest, new(1, null), new(2, null))!.Number);
    }

    [Theory]
    [InlineData(CountedAttempt.Last)]
    [InlineData(CountedAttempt.First)]
    [InlineData(CountedAttempt.Highest)]
    public void NoHandedInAttemptCountsNothing(CountedAttempt rule)
    {
        Assert.Null(Pick(rule));
    }
}
