using QuizPlatform.Web.Features.Taking;

namespace QuizPlatform.Web.Tests.Features.Attempts;

public sealed class AttemptTimesTests
{
    static readonly DateTime Start = new(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(30, 1.0, null, 30)]      // the time limit alone
    [InlineData(30, 1.5, null, 45)]      // extra time for the student
    [InlineData(30, 1.0, 10, 10)]        // the close time comes first
    [InlineData(30, 2.0, 50, 50)]        // extra time never passes the close time
    [InlineData(null, 1.0, 90, 90)]      // no limit: the close time
    public void TheDeadlineIsTheEarlierOfTheStretchedLimitAndTheCloseTime(int? limitMinutes, double multiplier, int? closesAfter, int expectedMinutes)
    {
        var deadline = AttemptTimes.Deadline(Start, limitMinutes is { } m ? TimeSpan.FromMinutes(m) : null, multiplier,
            closesAfter is { } c ? Start.AddMinutes(c) : null);

        Assert.Equal(Start.AddMinutes(expectedMinutes), deadline);
    }

    [Fact]
    public void AQuizWithoutLimitOrCloseTimeHasNoDeadlineAndAlwaysTakesSaves()
    {
        Assert.Null(AttemptTimes.Deadline(Start, null, 1, null));
        Assert.True(AttemptTimes.AcceptsSaves(null, TimeSpan.Zero, Start.AddYears(1)));
    }

    [Theory]
    [InlineData(0, 0, true)]     // at the deadline
    [InlineData(20, 30, true)]   // inside the grace
    [InlineData(31, 30, false)]  // past the grace
    [InlineData(1, 0, false)]    // no grace
    public void SavesAreTakenUntilTheDeadlinePlusGrace(int secondsAfter, int graceSeconds, bool accepted) =>
        Assert.Equal(accepted, AttemptTimes.AcceptsSaves(Start, TimeSpan.FromSeconds(graceSeconds), Start.AddSeconds(secondsAfter)));
}
