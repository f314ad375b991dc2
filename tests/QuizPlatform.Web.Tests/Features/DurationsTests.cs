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
    public void TimeReadsAsAStudentSaysIt(double minutes, string expected) =>
        Assert.Equal(expected, Durations.Describe(TimeSpan.FromMinutes(minutes)));
}
