using System.Globalization;
using QuizPlatform.Web.Features;

namespace QuizPlatform.Web.Tests.Features;

public sealed class DurationsTests
{
    [Theory]
    [InlineData(45, "45 min")]
    [InlineData(60, "1 h")]
    [InlineData(90, "1 h 30 min")]
    [InlineData(0.2, "1 min")]   // part minutes round up: "0 min left" would be wrong while time remains
    [InlineData(-1, "0 min")]
    [InlineData(49 * 60 + 30, "2 days 1 h 30 min")] // a take-home quiz's time left, not "49 h 30 min"
    [InlineData(24 * 60, "1 day")]
    [InlineData(7 * 24 * 60 + 5, "7 days 5 min")]
    public void TimeReadsAsAStudentSaysIt(double minutes, string expected) =>
        Assert.Equal(expected, Durations.Describe(TimeSpan.FromMinutes(minutes)));

    [Theory]
    [InlineData("2.03:30:00", "2 days 3 h")]
    [InlineData("1.23:59:09", "1 day 23 h")] // whole hours: a day and 23 h, never "2 days", while less is left
    [InlineData("1.00:20:00", "1 day")]
    [InlineData("23:59:59", "23:59:59")]
    [InlineData("01:00:00", "1:00:00")]
    [InlineData("00:09:04.2", "9:05")]        // part seconds round up, as the script ticks them
    [InlineData("-00:00:03", "0:00")]
    public void TheQuizTimerReadsDaysAndHoursBeyondADayAndTicksTheLastOne(string left, string expected) =>
        Assert.Equal(expected, Durations.Countdown(TimeSpan.Parse(left, CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("00:00:17", "under 1 min")] // a hand-in after 17 seconds did not take a minute
    [InlineData("00:12:59", "12 min")]
    [InlineData("01:05:30", "1 h 5 min")]
    public void TimeUsedRoundsDown(string used, string expected) =>
        Assert.Equal(expected, Durations.Used(TimeSpan.Parse(used, CultureInfo.InvariantCulture)));
}
