using QuizPlatform.Grading.Marks;
using QuizPlatform.Grading.Meaning;
using QuizPlatform.Grading.Tests.Meaning;

namespace QuizPlatform.Grading.Tests.Marks;

/// <summary>What a question's marks change: references from full-mark answers, the question's offset, and how they are fitted.</summary>
public class MarkLearningTests
{
    private const string Prompt = "Why does the bulb light up when the switch is closed?";
    private const string ModelAnswer = "Closing the switch completes the circuit, so electricity flows through the bulb.";
    private const string MarkedRight = "The loop has no gap any more and current can now reach the lamp.";
    private const string InTheMarkedWords = "There is no gap in the loop, so the current reaches the lamp.";
    private const string MarkedWrong = "The bulb is hot.";
    private const string MarkedHalf = "The switch is closed.";

    private static readonly Grader Grader = new();
    private static readonly GradingKey Key = Grader.Compile(Prompt, [new("circuit", [], 1), new("electricity", [], 1), new("flow", [], 1)]);
    private static readonly Lazy<KeyMeaning> Meaning = new(() => KeyMeaning.Build(SharedEncoder.Encoder, Key, ModelAnswer));
    private static readonly Lazy<Dictionary<string, MeaningText>> Encoded = new(() =>
    {
        string[] texts = [MarkedRight, InTheMarkedWords, MarkedWrong, MarkedHalf];
        return texts.Zip(SharedEncoder.Encode(texts)).ToDictionary(p => p.First, p => p.Second);
    });

    private static KeyMeaning Learn(params HumanMark[] marks) =>
        MarkLearning.Learn(Grader, Key, Meaning.Value, marks, [.. marks.Select(m => Encoded.Value[m.Response])]);

    private static GradeResult Grade(KeyMeaning meaning, string response) => Grader.Grade(Key, response, 1, meaning, Encoded.Value[response]);

    [Fact]
    public void AnAnswerMarkedCorrectBecomesAReferenceThatAnswersInItsWordsAreCloseTo()
    {
        var learnt = Learn(new HumanMark(MarkedRight, 1), new HumanMark(MarkedWrong, 0));

        var before = Grade(Meaning.Value, InTheMarkedWords);
        var after = Grade(learnt.WithCalibration(null), InTheMarkedWords);

        Assert.Single(learnt.References);
        Assert.True(after.SoftRecall > before.SoftRecall + 0.1, $"soft recall {before.SoftRecall} → {after.SoftRecall}");
        Assert.True(after.Score > before.Score, $"score {before.Score} → {after.Score}");
        Assert.Contains("references: 1", after.Basis);
        Assert.Equal(0, after.ClosestReference);
        Assert.Contains("Close to an answer you marked correct.", after.Summary);
        Assert.DoesNotContain("marked correct", before.Summary);
    }

    [Fact]
    public void AMarkedAnswerIsNotCloseToItself()
    {
        var learnt = Learn(new HumanMark(MarkedRight, 1), new HumanMark(MarkedWrong, 0));

        var graded = Grade(MarkLearning.ForMarkedAnswer(learnt, Encoded.Value[MarkedRight]), MarkedRight);

        Assert.Null(graded.ClosestReference);
        Assert.DoesNotContain("marked correct", graded.Summary);
        Assert.Equal(0, graded.Basis.Count(b => b.StartsWith("references", StringComparison.Ordinal)));
    }

    [Fact]
    public void TheSummarySaysHowFarTheQuestionsMarksMovedIt()
    {
        var learnt = Meaning.Value.WithCalibration(Calibration.Fit([.. Enumerable.Repeat(0.8, 8)], [.. Enumerable.Repeat(0.0, 8)]));

        var graded = Grade(learnt, InTheMarkedWords);

        Assert.Matches(@"-\d+% of the points for this question, learnt from 8 marks\.", graded.Summary);
        Assert.Same(learnt.Calibration, graded.Calibration);
    }

    [Fact]
    public void OnlyFullMarksMakeReferences()
    {
        var learnt = Learn(new HumanMark(MarkedHalf, 0.5), new HumanMark(MarkedWrong, 0), new HumanMark(MarkedRight, 0.9));

        Assert.Empty(learnt.References);
        Assert.DoesNotContain(Grade(learnt, InTheMarkedWords).Basis, b => b.StartsWith("references", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutMarksNothingIsLearnt()
    {
        var learnt = Learn();

        Assert.Null(Calibration.Fit([], []));
        Assert.Null(learnt.Calibration);
        Assert.Empty(learnt.References);
        var graded = Grade(learnt, InTheMarkedWords);
        Assert.Equal(Grade(Meaning.Value, InTheMarkedWords).Score, graded.Score);
        Assert.Equal(["keywords", "meaning"], graded.Basis);
    }

    [Fact]
    public void AMarkedAnswerIsFittedWithoutItselfAsAReference()
    {
        HumanMark[] marks = [new(MarkedRight, 1), new(MarkedWrong, 0)];
        var encoded = marks.Select(m => Encoded.Value[m.Response]).ToList();

        var fitted = MarkLearning.FittingShares(Grader, Key, Meaning.Value, marks, encoded);

        // Scored against the model answer alone: as its own reference it would recall itself in full, and its own
        // mark would raise its own predicted score.
        Assert.Equal(Grade(Meaning.Value, MarkedRight).Score, fitted[0]);
        Assert.True(Grade(Meaning.Value.WithReferences([encoded[0]]), MarkedRight).Score > fitted[0]);
    }

    [Fact]
    public void EachFullMarkAnswerIsFittedAgainstTheOthers()
    {
        HumanMark[] marks = [new(MarkedRight, 1), new(InTheMarkedWords, 1)];
        var encoded = marks.Select(m => Encoded.Value[m.Response]).ToList();

        var fitted = MarkLearning.FittingShares(Grader, Key, Meaning.Value, marks, encoded);

        Assert.Equal(Grade(Meaning.Value.WithReferences([encoded[1]]), MarkedRight).Score, fitted[0]);
        Assert.Equal(Grade(Meaning.Value.WithReferences([encoded[0]]), InTheMarkedWords).Score, fitted[1]);
    }

    [Fact]
    public void OneMarkMovesTheCurveALittleAndTenMarkAlot()
    {
        var one = Calibration.Fit([0.3], [1])!;
        var ten = Calibration.Fit([.. Enumerable.Repeat(0.3, 10)], [.. Enumerable.Repeat(1.0, 10)])!;

        Assert.InRange(one.Shift, 0.02, 0.2);
        Assert.True(ten.Shift > 2.5 * one.Shift, $"1 mark: {one.Shift:0.000}, 10 marks: {ten.Shift:0.000}");
        Assert.Equal((1, 10), (one.Marks, ten.Marks));
    }

    [Fact]
    public void MarksLowerThanTheGraderPullTheQuestionDown()
    {
        var calibration = Calibration.Fit([.. Enumerable.Repeat(0.8, 8)], [.. Enumerable.Repeat(0.0, 8)])!;

        Assert.True(calibration.Shift < -0.2, $"shift {calibration.Shift:0.000}");
        Assert.Equal(0, calibration.Apply(0.1));
    }

    [Fact]
    public void MarksAllRaisedAboveTheGraderMoveTheQuestionUpHoweverLow()
    {
        // An instructor who gave a tenth of the points to answers the grader gave none raised every one of them.
        var calibration = Calibration.Fit([0, 0, 0, 0.1], [0.1, 0.1, 0.15, 0.2])!;

        Assert.True(calibration.Shift > 0, $"shift {calibration.Shift:0.000}");
    }

    [Fact]
    public void ManyMarksThatAgreeWithTheCurveLeaveTheQuestionAsItWas()
    {
        // At a share of 0.5 the dev-set curve expects about half of the answers to be marked correct.
        var curve = CalibrationCurve.Default;
        var expected = 1 / (1 + Math.Exp(-(curve.Slope * 0.5 + curve.Intercept)));
        var marks = Enumerable.Range(0, 100).Select(i => i < Math.Round(expected * 100) ? 1.0 : 0.0).ToList();

        var calibration = Calibration.Fit([.. Enumerable.Repeat(0.5, 100)], marks)!;

        Assert.InRange(calibration.Shift, -0.02, 0.02);
    }

    [Fact]
    public void TheBasisNamesEverythingTheScoreUsed()
    {
        var learnt = Learn(new HumanMark(MarkedRight, 1), new HumanMark(MarkedWrong, 0), new HumanMark(MarkedHalf, 0.5));

        Assert.Equal(["keywords", "meaning", "references: 1", "calibration: 3 marks"], Grade(learnt, InTheMarkedWords).Basis);
        Assert.Equal("calibration: 1 mark", GradeBasis.Calibration(1));
        Assert.Equal(["keywords"], Grader.Grade(Key, InTheMarkedWords).Basis);
    }

    [Fact]
    public void AReferenceAnswerGivenWithTheQuestionIsOneAResponseMayBeCloseTo()
    {
        var withAnswer = Meaning.Value.WithReferenceAnswers([Encoded.Value[MarkedRight]]);

        var before = Grade(Meaning.Value, InTheMarkedWords);
        var after = Grade(withAnswer, InTheMarkedWords);

        Assert.True(after.Score > before.Score, $"score {before.Score} → {after.Score}");
        Assert.Equal(0, after.ClosestReferenceAnswer);
        Assert.Null(after.ClosestReference);
        Assert.Equal(["keywords", "meaning", "reference answers: 1"], after.Basis);
        Assert.Contains("Close to reference answer 1.", after.Summary);
        Assert.DoesNotContain("marked correct", after.Summary);
    }

    [Fact]
    public void MarksAddToTheReferenceAnswersRatherThanReplaceThem()
    {
        var withAnswer = Meaning.Value.WithReferenceAnswers([Encoded.Value[MarkedRight]]);

        var learnt = MarkLearning.Learn(Grader, Key, withAnswer, [new(MarkedHalf, 1), new(MarkedWrong, 0)],
            [Encoded.Value[MarkedHalf], Encoded.Value[MarkedWrong]]);

        Assert.Single(learnt.ReferenceAnswers);
        Assert.Single(learnt.References);
        Assert.Equal(["keywords", "meaning", "reference answers: 1", "references: 1", "calibration: 2 marks"], Grade(learnt, InTheMarkedWords).Basis);
    }
}
