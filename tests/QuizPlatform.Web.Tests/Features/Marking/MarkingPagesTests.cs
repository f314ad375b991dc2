using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Marking;

/// <summary>The mark forms on the attempt review page, posted as a browser posts them.</summary>
public sealed class MarkingPagesTests
{
    const string Q1 = "Mark Question 1 (assignment question 1)";

    [Theory, AllDatabaseProviders]
    public async Task AnOverrideShowsItsResultTheNewTotalAndAHistoryRow(DatabaseProvider provider)
    {
        await using var s = await MarkingScene.CreateAsync(provider);
        using var alice = await s.Fixture.ClientAsync("alice@quiz.local");

        var page = await MarkingScene.SubmitAsync(alice, s.AttemptPage, Q1,
            ("Input.Action", "Override"), ("Input.Score", "1"), ("Input.Reason", "Right, in other words"), ("Input.Shown", "true"));

        var q1 = page.ByRole("region", "Question 1 (assignment question 1)")!;
        Assert.Equal("Overridden: 1 of 1", q1.QuerySelector("[role=status]")!.Text());
        Assert.Contains("Overridden by Alice: 1 of 1 (the grader gave 0.5)", q1.Text());
        Assert.Contains("Right, in other words (shown to the student)", q1.Text());
        Assert.Contains("score 4 of 6", page.Text());
        var history = q1.QuerySelector("details.grade-history")!;
        Assert.Contains("History of this grade (1 change)", history.Text());
        Assert.Contains("Alice · overridden · 0.5 → 1 · “Right, in other words”", history.QuerySelector("li")!.Text());
        Assert.NotNull(q1.ByRole("button", "Revert to the grader"));
        var grade = await s.GradeAsync(s.GradeIds[0]);
        Assert.Equal((1.0, true, 1), (grade.OverrideScore!.Value, grade.OverrideReasonShown, grade.History.Count));
    }
}
