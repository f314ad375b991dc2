using System.Globalization;
using QuizPlatform.Grading;

namespace QuizPlatform.Grading.Tests;

public sealed class KeywordIdentityTests
{
    static readonly Keyword Overfitting = new("overfitting", ["over-fitting"], 2, Required: true);

    [Fact]
    public void TheSameKeywordsHaveTheSameIdentityAnAlternativeWeightOrRequiredChangesIt()
    {
        var identity = KeywordIdentity.Of([Overfitting]);

        Assert.Equal(identity, KeywordIdentity.Of([Overfitting with { Alternatives = ["over-fitting"] }]));
        Assert.NotEqual(identity, KeywordIdentity.Of([Overfitting with { Alternatives = [] }]));
        Assert.NotEqual(identity, KeywordIdentity.Of([Overfitting with { Weight = 1.5 }]));
        Assert.NotEqual(identity, KeywordIdentity.Of([Overfitting with { Required = false }]));
    }

    [Fact]
    public void APhraseCannotPassForTwoKeywords()
    {
        Assert.NotEqual(KeywordIdentity.Of([new Keyword("a b", [], 1)]),
            KeywordIdentity.Of([new Keyword("a", [], 1), new Keyword("b", [], 1)]));
    }

    [Theory]
    [InlineData("filter", "filters")]
    [InlineData("filter", "Filters")]
    [InlineData("filter", "filtering")]
    [InlineData("Convolutional Filters", "convolutional filter")]
    public void PhrasesTheGraderMatchesByTheSameWordsHaveOneIdentity(string phrase, string other)
    {
        Assert.Equal(KeywordIdentity.OfPhrase(phrase), KeywordIdentity.OfPhrase(other));
    }

    [Theory]
    [InlineData("filter", "filter bank")]
    [InlineData("filter", "kernel")]
    [InlineData("switched", "switched off")]
    [InlineData("over-sampling", "under-sampling")]
    [InlineData("filter", "the filter")]
    public void PhrasesTheGraderTellsApartHaveTwo(string phrase, string other)
    {
        Assert.NotEqual(KeywordIdentity.OfPhrase(phrase), KeywordIdentity.OfPhrase(other));
    }

    [Fact]
    public void TheServersCultureDoesNotChangeIt()
    {
        var before = CultureInfo.CurrentCulture;
        var invariant = KeywordIdentity.Of([Overfitting with { Weight = 1.5 }]);
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("da-DK");
            Assert.Equal(invariant, KeywordIdentity.Of([Overfitting with { Weight = 1.5 }]));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
