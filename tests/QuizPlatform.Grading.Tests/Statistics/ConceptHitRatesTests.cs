using QuizPlatform.Grading.Statistics;
using static QuizPlatform.Grading.Tests.Statistics.Fixtures;

namespace QuizPlatform.Grading.Tests.Statistics;

public class ConceptHitRatesTests
{
    /// <summary>Q1 (max 2) has keywords "overfitting" (weight 2, required) and "dropout"; Q2 (max 4) none. Q1 scores 2 1 1 0, Q2 4 3 1 0.</summary>
    private static GradedQuiz TwoKeywords()
    {
        QuestionKey[] questions = [new("Q1", 2, [Key("overfitting", 2, required: true), Key("dropout")]), new("Q2", 4, [])];
        GradedAttempt Attempt(double q1, KeywordOutcome overfitting, KeywordOutcome dropout, double q2) =>
            new([new AnswerOutcome(q1, false, false, false, [overfitting, dropout]), AnswerOutcome.Scored(q2)]);
        return new(questions,
        [
            Attempt(2, Hit(MatchKind.Exact), NegatedOnly, 4),
            Attempt(1, Hit(MatchKind.Stem), Hit(MatchKind.Acronym), 3),
            Attempt(1, Hit(MatchKind.Typo), Missed, 1),
            Attempt(0, NegatedOnly, Missed, 0),
        ]);
    }

    [Fact]
    public void HitSharesByHowAndNegatedOnly()
    {
        var overfitting = ConceptHitRates.Of(TwoKeywords())[0];

        Assert.Equal(("overfitting", 2.0, true, 4), (overfitting.Phrase, overfitting.Weight, overfitting.Required, overfitting.Count));
        Assert.Equal(0.75, overfitting.HitShare);   // 3 of 4
        Assert.Equal(0.25, overfitting.MissShare);
        Assert.Equal(0.25, overfitting.NegatedOnlyShare); // the fourth answer
        Assert.Equal([0.25, 0.25, 0, 0, 0.25],
            new[] { MatchKind.Exact, MatchKind.Stem, MatchKind.Synonym, MatchKind.Acronym, MatchKind.Typo }.Select(k => overfitting.HitShareBy[k]));
    }

    [Fact]
    public void HittingAKeywordCorrelatesWithTheRestOfTheQuiz()
    {
        var concepts = ConceptHitRates.Of(TwoKeywords());

        // rest of the quiz = Q2 = 4 3 1 0 (mean 2, deviations 2 1 -1 -2, sum of squares 10)
        // overfitting hit 1 1 1 0: deviations .25 .25 .25 -.75 (sum of squares .75); products .5 + .25 - .25 + 1.5 = 2
        Assert.Equal(2 / Math.Sqrt(0.75 * 10), concepts[0].RestCorrelation!.Value, 12);
        // dropout hit 0 1 0 0: deviations -.25 .75 -.25 -.25; products -.5 + .75 + .25 + .5 = 1
        Assert.Equal(1 / Math.Sqrt(0.75 * 10), concepts[1].RestCorrelation!.Value, 12);
        Assert.Equal((0.25, 0.25), (concepts[1].HitShare!.Value, concepts[1].HitShareBy[MatchKind.Acronym]));
    }

    [Theory]
    [InlineData(19, ConceptFlag.FreeCredit)]         // 19 / 20 = 95 %
    [InlineData(18, ConceptFlag.None)]               // 90 %
    [InlineData(2, ConceptFlag.None)]                // 10 %
    [InlineData(1, ConceptFlag.MissingAlternative)]  // 5 %
    [InlineData(0, ConceptFlag.MissingAlternative)]
    public void KeywordsHitByNearlyEveryoneOrNearlyNoOneAreFlagged(int hits, ConceptFlag flag)
    {
        var quiz = new GradedQuiz([new QuestionKey("Q1", 1, [Key("gradient")])],
            Enumerable.Range(0, 20).Select(i => new GradedAttempt(
                [new AnswerOutcome(i < hits ? 1 : 0, false, false, false, [i < hits ? Hit(MatchKind.Exact) : Missed])])).ToArray());

        var concept = ConceptHitRates.Of(quiz)[0];

        Assert.Equal(flag, concept.Flag);
        Assert.Equal(flag == ConceptFlag.None, concept.FlagText is null);
    }

    [Fact]
    public void TheTenMostMissedConceptsHeaviestFirstOnATie()
    {
        // Q1: twelve keywords of weight 1, keyword k hit by the first k of 12 answers (missed by (12 - k) / 12).
        // Q2: one keyword of weight 3 missed by every answer, like Q1's keyword 0: the heavier one ranks first.
        var q1Keys = Enumerable.Range(0, 12).Select(k => Key($"k{k}")).ToArray();
        var quiz = new GradedQuiz([new QuestionKey("Q1", 1, q1Keys), new QuestionKey("Q2", 1, [Key("heavy", 3)])],
            Enumerable.Range(0, 12).Select(i => new GradedAttempt(
            [
                new AnswerOutcome(0, false, false, false, Enumerable.Range(0, 12).Select(k => i < k ? Hit(MatchKind.Exact) : Missed).ToArray()),
                new AnswerOutcome(0, false, false, false, [Missed]),
            ])).ToArray());

        var mostMissed = ConceptHitRates.MostMissed(ConceptHitRates.Of(quiz));

        Assert.Equal(["heavy", "k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8"], mostMissed.Select(c => c.Phrase));
    }

    [Fact]
    public void AQuestionNoOneWasGivenHasNoSharesAndIsNotAmongTheMostMissed()
    {
        var quiz = new GradedQuiz([new QuestionKey("Q1", 1, [Key("gradient")])], []);

        var concept = ConceptHitRates.Of(quiz)[0];

        Assert.Equal((0, null, null, null, ConceptFlag.None), (concept.Count, concept.HitShare, concept.NegatedOnlyShare, concept.RestCorrelation, concept.Flag));
        Assert.Empty(ConceptHitRates.MostMissed([concept]));
    }

    [Fact]
    public void AnAnswerMustRecordEveryKeywordOfItsQuestion()
    {
        var quiz = new GradedQuiz([new QuestionKey("Q1", 1, [Key("gradient"), Key("descent")])],
            [new GradedAttempt([new AnswerOutcome(1, false, false, false, [Hit(MatchKind.Exact)])])]);

        Assert.Throws<ArgumentException>(() => ConceptHitRates.Of(quiz));
    }
}
