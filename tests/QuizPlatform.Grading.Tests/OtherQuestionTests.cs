using QuizPlatform.Grading.Marks;
using QuizPlatform.Grading.Meaning;
using QuizPlatform.Grading.Tests.Meaning;

namespace QuizPlatform.Grading.Tests;

/// <summary>
/// An answer written for another question of the quiz (<see cref="QuestionSet"/>): the seed's 50 CNN questions share a
/// vocabulary, so a student who pastes their answer to question 7 into question 8 earned points for true things about
/// the wrong question.
/// </summary>
public class OtherQuestionTests
{
    private static readonly Lazy<(GradingKey[] Keys, QuestionSet Set)> Quiz = new(() =>
    {
        var keys = Enumerable.Range(1, Seed.Questions.Count).Select(Seed.Key).ToArray();
        return (keys, new QuestionSet(keys));
    });

    private static GradingKey Key(int number) => Quiz.Value.Keys[number - 1];

    private static QuestionSet Set => Quiz.Value.Set;

    private static string ModelAnswer(int number) => Seed.Question(number).ModelAnswer;

    [Theory]
    [InlineData(7, 8)]
    [InlineData(8, 7)]
    [InlineData(1, 2)]
    [InlineData(3, 10)]
    public void AnotherQuestionsAnswerIsFlaggedCappedAndNamesTheQuestion(int writtenFor, int answered)
    {
        var result = Seed.Grader.Grade(Key(answered), ModelAnswer(writtenFor), 10, Set);

        Assert.True(result.Flags.HasFlag(GradeFlags.OtherQuestion | GradeFlags.NeedsReview), result.Summary);
        Assert.True(ReviewFlags.AskForReview(result.Flags));
        Assert.Equal(writtenFor.ToString(System.Globalization.CultureInfo.InvariantCulture), result.OtherQuestion!.Question);
        Assert.True(result.Score <= 2.5, result.Summary);
        Assert.Contains($"The answer reads as an answer to question {writtenFor}", result.Summary);
    }

    [Fact]
    public void NoModelAnswerReadsAsAnAnswerToAnotherQuestionOfTheSeed()
    {
        // Every question shares words with its neighbours ("CNNs", "layers", "features", "training"...).
        for (var number = 1; number <= Seed.Questions.Count; number++)
        {
            var result = Seed.Grader.Grade(Key(number), ModelAnswer(number), 10, Set);
            Assert.False(result.Flags.HasFlag(GradeFlags.OtherQuestion), $"Q{number}: {result.Summary}");
        }
    }

    [Fact]
    public void AShortRightAnswerThatNamesANeighboursTermsIsNotFlagged()
    {
        const string answer = "OCR uses a CNN to extract features of each character from the image, often with an RNN and CTC loss "
            + "to read the sequence; the challenges are handwriting, skewed text, noise and varied fonts.";

        var result = Seed.Grader.Grade(Key(8), answer, 10, Set);

        Assert.False(result.Flags.HasFlag(GradeFlags.OtherQuestion), result.Summary);
    }

    [Fact]
    public void AOneQuestionQuizNeverFlags()
    {
        var result = Seed.Grader.Grade(Key(8), ModelAnswer(7), 10, new QuestionSet([Key(8)]));
        var withoutSet = Seed.Grader.Grade(Key(8), ModelAnswer(7), 10);

        Assert.False(result.Flags.HasFlag(GradeFlags.OtherQuestion), result.Summary);
        Assert.Equal((withoutSet.Score, withoutSet.Flags, withoutSet.Summary), (result.Score, result.Flags, result.Summary));
    }

    [Fact]
    public void WithTheMeaningPassTheSameAnswerIsFlaggedAndGetsTheSameResultAloneOrInABatch()
    {
        var grader = new MeaningGrader(Seed.Grader, SharedEncoder.Encoder);
        var meanings = grader.Prepare([(Key(7), ModelAnswer(7)), (Key(8), ModelAnswer(8))]);
        var pasted = new MeaningRequest(Key(8), meanings[1], ModelAnswer(7), 10, Set);

        var alone = grader.Grade([pasted])[0];
        var batch = grader.Grade([new MeaningRequest(Key(7), meanings[0], ModelAnswer(7), 10, Set), pasted,
            new MeaningRequest(Key(8), meanings[1], ModelAnswer(8), 10, Set)]);

        Assert.True(alone.Flags.HasFlag(GradeFlags.OtherQuestion), alone.Summary);
        Assert.Equal("7", alone.OtherQuestion!.Question);
        Assert.True(alone.Score <= 2.5, alone.Summary);
        Assert.Equal((alone.Score, alone.Flags, alone.OtherQuestion), (batch[1].Score, batch[1].Flags, batch[1].OtherQuestion));
        Assert.False(batch[0].Flags.HasFlag(GradeFlags.OtherQuestion), batch[0].Summary);
        Assert.False(batch[2].Flags.HasFlag(GradeFlags.OtherQuestion), batch[2].Summary);
    }

    [Fact]
    public void AnAnswerPastedFromAnotherQuestionAndMarkedZeroDoesNotPullItsQuestionsCurveDown()
    {
        var grader = new MeaningGrader(Seed.Grader, SharedEncoder.Encoder);
        var meaning = grader.Prepare([(Key(8), ModelAnswer(8))])[0];
        HumanMark[] marks = [new(ModelAnswer(7), 0), new(ModelAnswer(8), 1)];
        var encoded = SharedEncoder.Encode([.. marks.Select(m => m.Response)]);

        var fitted = MarkLearning.FittingShares(Seed.Grader, Key(8), meaning, marks, encoded, Set);
        var learnt = MarkLearning.Learn(Seed.Grader, Key(8), meaning, marks, encoded, among: Set);
        var learntAlone = MarkLearning.Learn(Seed.Grader, Key(8), meaning, marks, encoded);

        // Graded among the quiz's questions the pasted answer is capped, so its mark of 0 agrees with the grader.
        Assert.True(fitted[0] <= 0.25, $"fitted share {fitted[0]}");
        Assert.True(learnt.Calibration!.Shift > learntAlone.Calibration!.Shift,
            $"offset among the quiz's questions {learnt.Calibration.Shift:0.000}, alone {learntAlone.Calibration.Shift:0.000}");
    }
}
