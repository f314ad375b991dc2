using System.Numerics.Tensors;
using QuizPlatform.Grading.Meaning;

namespace QuizPlatform.Grading.Tests.Meaning;

/// <summary>Keywords matched by meaning, on questions of eval/ (SciEntsBank) and answers like the students' there.</summary>
public class MeaningMatchTests
{
    private static readonly Grader Grader = new();

    private static readonly Question VitaminC = new(
        "Does Overly Orange or Luscious Lemon contain a higher concentration of vitamin C? What is the evidence?",
        "Overly Orange takes fewer drops to change the color of indophenol so Overly Orange has a higher concentration of vitamin C.",
        [new("Overly Orange", [], 2), new("fewer", [], 1), new("indophenol", [], 1)]);

    private static readonly Question Swings = new(
        "Describe the relationship between the length of the string and the number of swings a swinger makes in 15 seconds.",
        "The shorter the string is, the more the string swings in 15 seconds. The longer the string is, the less the string swings in 15 seconds.",
        [new("shorter", [], 1), new("swings", [], 1)]);

    [Fact]
    public void AKeywordSaidInOtherWordsIsFoundByMeaningWithItsSpanAndSimilarity()
    {
        const string response = "Overly Orange has more vitamin C because it took less drops to change the color.";

        var result = VitaminC.Grade(response);

        var fewer = result.Keywords.Single(k => k.Keyword.Phrase == "fewer");
        Assert.Equal((true, MatchKind.Meaning), (fewer.Matched, fewer.How));
        Assert.Equal("less", response.Substring(fewer.Spans[0].Start, fewer.Spans[0].Length));
        Assert.InRange(fewer.Similarity!.Value, Grader.Options.MeaningMatchThreshold, 1);
        Assert.Contains(FormattableString.Invariant($"fewer (meaning, {fewer.Similarity:0.00})"), result.Summary);
        Assert.Contains(GradeBasis.Meaning, result.Basis);
    }

    /// <summary>A negated stretch, and a word pointing the opposite way, though each is close to the keyword in context.</summary>
    [Theory]
    [InlineData(nameof(VitaminC), "fewer", "Overly Orange did not take less drops, Luscious Lemon did.", "less")]
    [InlineData(nameof(Swings), "shorter", "The longer the string the less it swings.", "longer")]
    public void IsNeverMatchedByMeaning(string question, string keyword, string response, string word)
    {
        var q = question == nameof(VitaminC) ? VitaminC : Swings;
        Assert.True(q.Similarity(keyword, response, word) >= Grader.Options.MeaningMatchThreshold, $"premise: '{word}' is close to '{keyword}' here");

        var match = q.Grade(response).Keywords.Single(k => k.Keyword.Phrase == keyword);

        Assert.False(match.Matched);
    }

    /// <summary>
    /// Which words point opposite ways. Read in context, opposites are close ('west' ~ 'east' reached 0.77 before the
    /// model read content words only), so the pass asks this list before it matches.
    /// </summary>
    [Theory]
    [InlineData("east", "west", true)]
    [InlineData("northward", "southern", true)]
    [InlineData("shorter", "longer", true)]
    [InlineData("cools", "heat", true)]
    [InlineData("faster", "quicker", false)]
    [InlineData("east", "north", false)]
    [InlineData("bigger", "bigger small", false)]
    public void OppositesAreTheWordsOfOneAxisPointingOtherWays(string keyword, string response, bool opposed) =>
        Assert.Equal(opposed, Opposites.Oppose(keyword.Split(' '), response.Split(' ')));

    [Fact]
    public void KeywordOnlyGradingIsUnchangedWhenTheMeaningPassIsOff()
    {
        const string response = "Overly Orange has more vitamin C because it took less drops to change the color.";
        var neutral = new Grader(new GradingOptions { MeaningMatchThreshold = 2, SoftRecallWeight = 0 });

        var keywordsOnly = Grader.Grade(VitaminC.Key, response, 2);
        var meaningAddingNothing = neutral.Grade(VitaminC.Key, response, 2, VitaminC.Meaning, SharedEncoder.Encode(response)[0]);

        Assert.False(keywordsOnly.Keywords.Single(k => k.Keyword.Phrase == "fewer").Matched);
        Assert.Equal([GradeBasis.Keywords], keywordsOnly.Basis);
        Assert.Null(keywordsOnly.SoftRecall);
        Assert.Equal(keywordsOnly.Score, meaningAddingNothing.Score);
        Assert.True(VitaminC.Grade(response).Score > keywordsOnly.Score / 2, "the meaning pass credits 'less' for 'fewer'");
    }

    [Fact]
    public void AKeyWithoutKeywordsIsGradedByItsModelAnswer()
    {
        var question = new Question("Why does dropout help?", "Dropout switches off random neurons in training, so the network cannot rely on any one of them.", []);

        var graded = question.Grade("Turning random neurons off while training stops the network leaning on single neurons.");

        Assert.Empty(graded.Keywords);
        Assert.True(graded.SoftRecall > 0.5, $"soft recall {graded.SoftRecall}");
    }

    private sealed class Question
    {
        public Question(string prompt, string modelAnswer, Keyword[] keywords)
        {
            Key = Grader.Compile(prompt, keywords);
            Meaning = KeyMeaning.Build(SharedEncoder.Encoder, Key, modelAnswer);
        }

        public GradingKey Key { get; }

        public KeyMeaning Meaning { get; }

        public GradeResult Grade(string response) => Grader.Grade(Key, response, 1, Meaning, SharedEncoder.Encode(response)[0]);

        /// <summary>How close a word of the response is to a keyword, whatever the grader then decides.</summary>
        public float Similarity(string keyword, string response, string word)
        {
            var encoded = SharedEncoder.Encode(response)[0];
            var w = Enumerable.Range(0, encoded.Count).Single(i => response.Substring(encoded.Span(i).Start, encoded.Span(i).Length) == word);
            var k = Key.Keywords.ToList().FindIndex(x => x.Phrase == keyword);
            return TensorPrimitives.Dot(encoded.Vector(w), Meaning.KeywordVector(k));
        }
    }
}
