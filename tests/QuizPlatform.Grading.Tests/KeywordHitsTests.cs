using QuizPlatform.Grading.Statistics;

namespace QuizPlatform.Grading.Tests;

public class KeywordHitsTests
{
    public static TheoryData<string, KeywordOutcome[]> Records() => new()
    {
        { "", [] },
        { "e", [new(MatchKind.Exact)] },
        { "es-n", [new(MatchKind.Exact), new(MatchKind.Stem), new(null), new(null, Negated: true)] },
        { "yat", [new(MatchKind.Synonym), new(MatchKind.Acronym), new(MatchKind.Typo)] },
        { "---", [new(null), new(null), new(null)] },
    };

    [Theory, MemberData(nameof(Records))]
    public void EachOutcomeIsOneCharacterInKeyOrder(string hits, KeywordOutcome[] outcomes)
    {
        Assert.Equal(hits, KeywordHits.Encode(outcomes));
        Assert.Equal(outcomes, KeywordHits.Decode(hits));
    }

    [Fact]
    public void EveryMatchKindSurvivesTheRoundTrip()
    {
        KeywordOutcome[] all = [.. Enum.GetValues<MatchKind>().Select(how => new KeywordOutcome(how)), new(null), new(null, true)];

        Assert.Equal(all, KeywordHits.Decode(KeywordHits.Encode(all)));
    }

    [Theory]
    [InlineData(true, MatchKind.Stem, false, 's')]
    [InlineData(true, null, false, 'e')]   // a match the grader did not qualify counts as exact
    [InlineData(true, MatchKind.Typo, true, 't')] // matched elsewhere too: the negation earned nothing but did no harm
    [InlineData(false, null, true, 'n')]
    [InlineData(false, null, false, '-')]
    public void TheGradersKeywordMatchesAreRecordedAsTheyCounted(bool matched, MatchKind? how, bool negated, char code)
    {
        var match = new KeywordMatch(new Keyword("edges", [], 1), matched, how, [], negated);

        Assert.Equal(code.ToString(), KeywordHits.Encode([match]));
    }

    [Theory]
    [InlineData("x")]
    [InlineData("eE")]
    [InlineData("e s")]
    public void AnUnknownCharacterFailsToReadInsteadOfCountingAsAMiss(string hits)
    {
        Assert.Throws<FormatException>(() => KeywordHits.Decode(hits));
    }
}
