using System.Globalization;
using QuizPlatform.Web.Components.Shared;

namespace QuizPlatform.Web.Tests.Features;

public sealed class FormatsTests
{
    static readonly DateTime Monday = new(2027, 3, 1, 9, 5, 7, DateTimeKind.Utc);

    [Fact]
    public void FiguresCountsAndTimesReadTheSameWhateverTheServersCulture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("da-DK");
            Assert.Equal(("2.5", "2", "0.33"), (Formats.Figure(2.5), Formats.Figure(2), Formats.Figure(1.0 / 3)));
            Assert.Equal(("1 point", "2.5 points"), (Formats.Points(1), Formats.Points(2.5)));
            Assert.Equal(("0.40", "2.50", "-0.10", "—"), (Formats.Statistic(0.4), Formats.Statistic(2.5), Formats.Statistic(-0.1), Formats.Statistic(null)));
            Assert.Equal(("1 word", "1,234 words"), (Formats.Words(1), Formats.Words(1234)));
            Assert.Equal(("1 graded attempt", "0 graded attempts", "2,000 graded attempts"),
                (Formats.Count(1, "graded attempt"), Formats.Count(0, "graded attempt"), Formats.Count(2000, "graded attempt")));
            Assert.Equal(("1 study", "3 studies"), (Formats.Count(1, "study", "studies"), Formats.Count(3, "study", "studies")));
            Assert.Equal(("Algebra", "Algebra and Geometry", "Algebra, Geometry and Physics"),
                (Formats.List(["Algebra"]), Formats.List(["Algebra", "Geometry"]), Formats.List(["Algebra", "Geometry", "Physics"])));
            Assert.Equal("Mon 2027-03-01 09:05", Formats.DateTime(Monday));
            Assert.Equal("09:05:07", Formats.TimeOfDay(Monday));
            Assert.Equal("2027-03-01 09:05 UTC", Formats.Utc(Monday));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
