using QuizPlatform.Grading.Marks;

namespace QuizPlatform.Grading.Tests.Marks;

public class AgreementTests
{
    /// <summary>Twenty marks on a 2-point question: grader and instructor agree on the first <paramref name="agreeing"/>.</summary>
    static List<MarkedScore> Marks(int agreeing) =>
        [.. Enumerable.Range(1, 20).Select(i => new MarkedScore(i, i % 5 * 0.5, i <= agreeing ? i % 5 * 0.5 : i % 5 * 0.5 + 0.3))];

    [Fact]
    public void NeedsTwentyMarks()
    {
        Assert.Null(Agreement.Of(Marks(20)[..19], points: 2));
        Assert.NotNull(Agreement.Of(Marks(20), points: 2));
    }

    [Fact]
    public void CountsScoresEqualToTheShownPrecisionAsExact()
    {
        var marks = Marks(16);
        marks[0] = marks[0] with { Instructor = marks[0].Grader + 0.004 };

        var agreement = Agreement.Of(marks, points: 2)!;

        Assert.Equal(16 / 20.0, agreement.Exact, 12);
        Assert.Equal(1, agreement.WithinHalfPoint!.Value, 12);
        Assert.Equal((0.004 + 4 * 0.3) / 20, agreement.MeanDifference, 12);
    }

    [Fact]
    public void WithinHalfAPointOnlyForQuestionsWorthMoreThanAPoint()
    {
        var onePoint = Marks(20).Select(m => m with { Grader = m.Grader / 2, Instructor = m.Instructor / 2 }).ToList();

        Assert.Null(Agreement.Of(onePoint, points: 1)!.WithinHalfPoint);
        var wide = Marks(10).Select(m => m.Id > 15 ? m with { Instructor = m.Grader - 1 } : m).ToList();
        Assert.Equal(15 / 20.0, Agreement.Of(wide, points: 2)!.WithinHalfPoint!.Value, 12);
    }

    [Fact]
    public void SpearmanRanksTheTwoScoresAndIsNullWithoutSpread()
    {
        Assert.Equal(1, Agreement.Of(Marks(20), points: 2)!.Spearman!.Value, 12);
        var reversed = Enumerable.Range(1, 20).Select(i => new MarkedScore(i, i, 21 - i)).ToList();
        Assert.Equal(-1, Agreement.Of(reversed, points: 20)!.Spearman!.Value, 12);
        var flat = Enumerable.Range(1, 20).Select(i => new MarkedScore(i, 1, i % 2)).ToList();
        Assert.Null(Agreement.Of(flat, points: 1)!.Spearman);
    }

    [Fact]
    public void ListsTheFiveLargestDisagreementsEitherWayLargestFirst()
    {
        var marks = Marks(20);
        marks[3] = marks[3] with { Instructor = marks[3].Grader + 1.5 };
        marks[7] = marks[7] with { Instructor = marks[7].Grader - 2 };
        marks[9] = marks[9] with { Instructor = marks[9].Grader + 0.1 };

        var agreement = Agreement.Of(marks, points: 2)!;

        Assert.Equal([8, 4, 10], agreement.Disagreements.Select(d => d.Id));
        Assert.Equal(-2, agreement.Disagreements[0].Difference, 12);
        Assert.Equal(5, Agreement.Of(Marks(0), points: 2)!.Disagreements.Count);
    }
}
