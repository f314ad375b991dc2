using System.Text.Json;
using QuizPlatform.Grading;
using QuizPlatform.Web.Features.Grading;

namespace QuizPlatform.Web.Tests.Features.Attempts;

/// <summary>Explanations stored before flags and match kinds became enums still read, and write the same names.</summary>
public sealed class StoredExplanationTests
{
    // Written by the grader of main at 42ba0d6 (GradeExplanation.ToJson with kebab strings).
    const string StoredToday = """
        {"summary":"Score 1/2, coverage 50%. Found: packet (synonym). Missing: router.","flags":["needs-review","copies-prompt","keyword-list","repetition","negated","required-missing","empty"],"keywords":[{"phrase":"packet","weight":1,"required":false,"matched":true,"how":"synonym","negated":false,"spans":[{"start":4,"length":8}]},{"phrase":"router","weight":1,"required":true,"matched":false,"how":null,"negated":true,"spans":[]},{"phrase":"TCP","weight":0.5,"required":false,"matched":true,"how":"acronym","negated":false,"spans":[]},{"phrase":"stem","weight":1,"required":false,"matched":true,"how":"stem","negated":false,"spans":[]},{"phrase":"typo","weight":1,"required":false,"matched":true,"how":"typo","negated":false,"spans":[]},{"phrase":"exact","weight":1,"required":false,"matched":true,"how":"exact","negated":false,"spans":[]}]}
        """;

    [Fact]
    public void AnExplanationStoredInTodaysFormatReadsEveryFlagAndMatchKind()
    {
        var explanation = GradeExplanation.Parse(StoredToday);

        Assert.Equal([GradeFlags.NeedsReview, GradeFlags.CopiesPrompt, GradeFlags.KeywordList, GradeFlags.Repetition,
            GradeFlags.Negated, GradeFlags.RequiredMissing, GradeFlags.Empty], explanation.Flags);
        Assert.Equal([MatchKind.Synonym, null, MatchKind.Acronym, MatchKind.Stem, MatchKind.Typo, MatchKind.Exact],
            explanation.Keywords.Select(k => k.How));
        Assert.Equal(new ExplainedSpan(4, 8), explanation.Keywords[0].Spans.Single());
    }

    [Fact]
    public void WritingItAgainGivesTheSameJson()
    {
        Assert.Equal(StoredToday, GradeExplanation.Parse(StoredToday).ToJson());
    }

    [Theory]
    [InlineData("7")]
    [InlineData("7 of the assignment")] // as grader 1.9.0 stored it up to main's 4a38bed
    public void TheOtherQuestionReadsAsItsNumberInTheAssignment(string label)
    {
        var stored = $$$"""{"summary":"","flags":["other-question"],"keywords":[],"otherQuestion":{"question":"{{{label}}}","fit":0.6,"ownFit":0.2}}""";

        Assert.Equal(7, GradeExplanation.Parse(stored).OtherQuestionNumber);
    }

    [Fact]
    public void AFlagThisBuildDoesNotKnowFailsToReadInsteadOfPassingThroughAsText()
    {
        Assert.ThrowsAny<JsonException>(() => GradeExplanation.Parse("""{"summary":"","flags":["needs-a-look"],"keywords":[]}"""));
    }
}
