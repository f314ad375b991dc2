using QuizPlatform.Data.Entities;
using QuizPlatform.Grading;

namespace QuizPlatform.Web.Tests.Data;

/// <summary>A grade's changes as the entity keeps them: each one a history row with the counted score before and after.</summary>
public sealed class GradeChangeTests
{
    static readonly DateTime Now = new(2026, 12, 4, 10, 0, 0, DateTimeKind.Utc);

    static Grade Flagged() => new() { Score = 2, MaxPoints = 4, Coverage = 0.35, Flags = GradeFlags.NeedsReview };

    [Fact]
    public void AnOverrideCountsIsReviewedAndIsOnRecord()
    {
        var grade = Flagged();

        grade.Override(3.5, " Says it in other words ", reasonShown: true, "teacher", Now);

        Assert.Equal(3.5, grade.EffectiveScore);
        Assert.Equal("Says it in other words", grade.OverrideReason);
        Assert.True(grade.OverrideReasonShown);
        Assert.True(grade.Reviewed);
        Assert.False(Grade.Provisional(grade.Flags, grade.ReviewedAt));
        var change = Assert.Single(grade.History);
        Assert.Equal((GradeChangeSource.Override, 2.0, 3.5, "teacher"), (change.Source, change.OldScore, change.NewScore, change.ChangedById));
        Assert.Equal(1, grade.Revision);
    }

    [Fact]
    public void AcceptingAfterAnOverrideGivesTheGradersScoreBack()
    {
        var grade = Flagged();
        grade.Override(4, "full marks", false, "teacher", Now);

        grade.Accept("teacher", Now.AddMinutes(1));

        Assert.Equal(2, grade.EffectiveScore);
        Assert.Null(grade.OverrideReason);
        Assert.True(grade.Reviewed);
        Assert.Equal([(4.0, 2.0)], grade.History.Skip(1).Select(c => (c.OldScore, c.NewScore)));
    }

    [Fact]
    public void RevertingPutsAFlaggedAnswerBackToProvisional()
    {
        var grade = Flagged();
        grade.Override(1, "too short", false, "teacher", Now);

        grade.Revert("teacher", Now);

        Assert.Equal(2, grade.EffectiveScore);
        Assert.True(Grade.Provisional(grade.Flags, grade.ReviewedAt));
        Assert.Equal([GradeChangeSource.Override, GradeChangeSource.Revert], grade.History.Select(c => c.Source));
        Assert.Equal(2, grade.Revision);
    }

    [Fact]
    public void ARegradeNeverChangesAnOverride()
    {
        var grade = Flagged();
        grade.Override(1, "copied", false, "teacher", Now);
        var result = new GradeResult(4, 4, 1, [], GradeFlags.None, "test-2");

        grade.Regrade(result, "{}", keywordVersion: 3, byId: null, Now);

        Assert.Equal((4.0, 3, "test-2"), (grade.Score, grade.KeywordVersion, grade.GraderVersion));
        Assert.Equal(1, grade.EffectiveScore);
        var regrade = grade.History.Last();
        Assert.Equal((GradeChangeSource.Regrade, 1.0, 1.0, (string?)null), (regrade.Source, regrade.OldScore, regrade.NewScore, regrade.ChangedById));
    }

    [Theory]
    [InlineData(-1, "reason")]
    [InlineData(4.5, "reason")]
    [InlineData(double.NaN, "reason")]
    [InlineData(2, " ")]
    public void AnOverrideOutOfRangeOrWithoutAReasonChangesNothing(double score, string reason)
    {
        var grade = Flagged();

        Assert.ThrowsAny<ArgumentException>(() => grade.Override(score, reason, false, "teacher", Now));

        Assert.Null(grade.OverrideScore);
        Assert.Empty(grade.History);
        Assert.Equal(0, grade.Revision);
    }
}
