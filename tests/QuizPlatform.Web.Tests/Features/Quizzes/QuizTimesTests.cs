using QuizPlatform.Web.Features.Quizzes;

namespace QuizPlatform.Web.Tests.Features.Quizzes;

public sealed class QuizTimesTests
{
    [Theory]
    [InlineData("Europe/Berlin", "2027-01-15T09:00", "2027-01-15T08:00")]
    [InlineData("Europe/Berlin", "2027-07-15T09:00", "2027-07-15T07:00")]
    [InlineData("America/New_York", "2027-01-15T09:00", "2027-01-15T14:00")]
    [InlineData("Asia/Kolkata", "2027-01-15T09:00", "2027-01-15T03:30")]
    [InlineData("Not/AZone", "2027-01-15T09:00", "2027-01-15T09:00")]
    [InlineData(null, "2027-01-15T09:00", "2027-01-15T09:00")]
    public void WallClockTimeConvertsToUtcAndBack(string? zoneId, string local, string utc)
    {
        var zone = QuizTimes.Zone(zoneId);

        Assert.True(QuizTimes.TryToUtc(DateTime.Parse(local), zone, out var converted));
        Assert.Equal(DateTime.SpecifyKind(DateTime.Parse(utc), DateTimeKind.Utc), converted);
        Assert.Equal(DateTime.Parse(local), QuizTimes.ToLocal(converted, zone));
    }

    [Fact]
    public void TimeTheClocksSkipIsRefused() =>
        Assert.False(QuizTimes.TryToUtc(new DateTime(2027, 3, 28, 2, 30, 0), QuizTimes.Zone("Europe/Berlin"), out _));
}
