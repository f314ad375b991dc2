using QuizPlatform.Data;

namespace QuizPlatform.Web.Tests.Features.Classes;

public sealed class JoinCodesTests
{
    [Theory]
    [InlineData("ABCD2345", "ABCD2345")]
    [InlineData("abcd-2345", "ABCD2345")]
    [InlineData("  ab cd 23 45 ", "ABCD2345")]
    [InlineData("", "")]
    public void TypedCodeIsNormalizedToTheStoredForm(string typed, string stored) =>
        Assert.Equal(stored, JoinCodes.Normalize(typed));

    [Fact]
    public void CodeIsShownInTwoGroupsThatNormalizeBack()
    {
        var code = JoinCodes.Generate();

        Assert.Equal(9, JoinCodes.Display(code).Length);
        Assert.Equal(code, JoinCodes.Normalize(JoinCodes.Display(code)));
    }
}
