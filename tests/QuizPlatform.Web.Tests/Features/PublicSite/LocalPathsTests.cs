using QuizPlatform.Web.Features.PublicSite;

namespace QuizPlatform.Web.Tests.Features.PublicSite;

public sealed class LocalPathsTests
{
    [Theory]
    [InlineData("/quizzes/3/requests")]
    [InlineData("/quizzes/3/results?class=2")]
    [InlineData("/%09/evil.example")] // escaped, the tab stays in the path of this site
    public void APathOfThisSiteIsLocal(string path) => Assert.True(LocalPaths.IsLocal(path));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("/\t/evil.example")] // browsers drop tabs and line ends from an address: "//evil.example"
    [InlineData("/\n/evil.example")]
    [InlineData("/\r/evil.example")]
    [InlineData("/ /evil.example")]
    [InlineData("quizzes/3")]
    public void AnotherSiteHoweverSpeltIsNot(string? path) => Assert.False(LocalPaths.IsLocal(path));
}
