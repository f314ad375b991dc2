using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.RegradeRequests;

namespace QuizPlatform.Web.Tests.Features.RegradeRequests;

public sealed class RegradeWindowTests
{
    static readonly DateTime Graded = new(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc);
    static readonly TimeSpan Week = TimeSpan.FromDays(7);

    [Theory]
    [InlineData(ReviewVisibility.Immediately, null, "2026-03-02 10:00")]      // from the grade
    [InlineData(ReviewVisibility.AfterClose, "2026-03-05 12:00", "2026-03-05 12:00")] // from the close, when scores show
    [InlineData(ReviewVisibility.AfterClose, "2026-03-01 12:00", "2026-03-02 10:00")] // graded after the close (a late hand-in)
    public void OpensWhenTheStudentFirstSeesTheScoreAndRunsForTheWindow(ReviewVisibility showScore, string? closesAt, string opens)
    {
        var window = RegradeWindow.Of(Week, showScore, closesAt is null ? null : Utc(closesAt), Graded)!;

        Assert.Equal((Utc(opens), Utc(opens) + Week), (window.Opens, window.Closes));
        Assert.False(window.IsOpen(window.Opens.AddTicks(-1)));
        Assert.True(window.IsOpen(window.Opens));
        Assert.False(window.IsOpen(window.Closes));
    }

    [Theory]
    [InlineData(ReviewVisibility.Never, "2026-03-05 12:00")]  // scores never shown: nothing to dispute
    [InlineData(ReviewVisibility.AfterClose, null)]          // a quiz without a close time never shows them
    public void NoWindowWhileScoresAreNeverShown(ReviewVisibility showScore, string? closesAt) =>
        Assert.Null(RegradeWindow.Of(Week, showScore, closesAt is null ? null : Utc(closesAt), Graded));

    [Fact]
    public void NoWindowWhenTheQuizTakesNoRequests() =>
        Assert.Null(RegradeWindow.Of(null, ReviewVisibility.Immediately, null, Graded));

    static DateTime Utc(string text) => DateTime.SpecifyKind(DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
}
