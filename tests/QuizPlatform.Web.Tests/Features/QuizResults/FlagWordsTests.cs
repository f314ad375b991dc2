using QuizPlatform.Grading;
using QuizPlatform.Web.Features.QuizResults;

namespace QuizPlatform.Web.Tests.Features.QuizResults;

/// <summary>A quiz holding questions 3, 7 and 12 of an assignment numbers them 1 to 3: a flag names a question as the page does.</summary>
public sealed class FlagWordsTests
{
    static readonly int[] QuizHolding3And7And12 = [3, 7, 12];

    [Theory]
    [InlineData(12, "question 3")]
    [InlineData(3, "question 1")]
    [InlineData(5, "question 5 of the assignment")]
    public void TheOtherQuestionIsNamedByThePagesNumberElseByTheAssignments(int number, string named)
    {
        Assert.Equal(named, FlagWords.OtherQuestion(number, QuizHolding3And7And12));
    }

    [Fact]
    public void TheFlagsNameTheOtherQuestion()
    {
        var flags = GradeFlags.OtherQuestion | GradeFlags.NeedsReview;

        Assert.Equal(["needs review", "reads as an answer to question 3"],
            FlagWords.Of(flags, FlagWords.OtherQuestion(12, QuizHolding3And7And12)));
        Assert.Equal(["needs review", "answers another question"], FlagWords.Of(flags));
    }
}
