using QuizPlatform.Grading.Meaning;

namespace QuizPlatform.Grading.Tests.Meaning;

public class MeaningGraderTests
{
    private static readonly Grader Grader = new();
    private static readonly GradingKey Key = Grader.Compile(
        "Why does a pooling layer help a convolutional network?",
        [new("feature maps", [], 2), new("computation", [], 1), new("translation invariance", [], 2)]);
    private const string ModelAnswer = "Pooling shrinks the feature maps, which reduces computation and adds some translation invariance.";
    private const string Answer = "It makes the maps smaller so there is less to compute, and small shifts of the image matter less.";

    [Fact]
    public void AResponseGetsTheSameResultAloneOrInABatch()
    {
        var grader = new MeaningGrader(Grader, SharedEncoder.Encoder);
        var meaning = grader.Prepare(Key, ModelAnswer);

        var alone = grader.Grade([new MeaningRequest(Key, meaning, Answer, 2)])[0];
        var batched = grader.Grade(
        [
            new MeaningRequest(Key, meaning, "Pooling.", 2),
            new MeaningRequest(Key, meaning, string.Join(' ', Enumerable.Repeat("Pooling layers downsample feature maps with a max over each window.", 8)), 2),
            new MeaningRequest(Key, meaning, Answer, 2),
            new MeaningRequest(Key, meaning, "", 2),
        ])[2];

        Assert.Equal((alone.Score, alone.SoftRecall, alone.Summary), (batched.Score, batched.SoftRecall, batched.Summary));
        Assert.Contains(GradeBasis.Meaning, alone.Basis);
    }

    [Fact]
    public void EachDistinctAnswerGoesToTheModelOnceAndEmptyOnesNotAtAll()
    {
        var (grader, meaning, encoder) = Counting();

        var results = grader.Grade([new(Key, meaning, Answer), new(Key, meaning, "  "), new(Key, meaning, Answer), new(Key, meaning, "Max pooling.")]);

        // The model reads their content words (ModelReading).
        Assert.Equal(["makes maps smaller less compute small shifts image matter less", "Max pooling"], encoder.Texts);
        Assert.Equal((0.0, GradeFlags.Empty), (results[1].Score, results[1].Flags));
        Assert.Equal(results[0].Score, results[2].Score);
    }

    [Fact]
    public void AnOverlongAnswerRefusesTheBatchBeforeAnythingIsEncoded()
    {
        var (grader, meaning, encoder) = Counting();

        Assert.Throws<ResponseTooLongException>(() => grader.Grade([new(Key, meaning, Answer), new(Key, meaning, new string('a', 10_001))]));
        Assert.Empty(encoder.Texts);
    }

    [Fact]
    public void PreparingManyQuestionsAtOnceGivesWhatPreparingEachGives()
    {
        var grader = new MeaningGrader(Grader, SharedEncoder.Encoder);
        var other = Grader.Compile("What does dropout do?", [new("overfitting", [], 1), new("neurons", [], 1)]);

        var together = grader.Prepare([(Key, ModelAnswer), (other, "Dropout switches off random neurons while training, against overfitting.")]);
        var alone = grader.Prepare(Key, ModelAnswer);

        var response = SharedEncoder.Encode(Answer)[0];
        Assert.Equal(Grader.Grade(Key, Answer, 1, alone, response).Summary, Grader.Grade(Key, Answer, 1, together[0], response).Summary);
        Assert.Equal(alone.KeywordVector(2).ToArray(), together[0].KeywordVector(2).ToArray());
    }

    /// <summary>A grader whose encoder records the texts it is given from now on (the question is prepared).</summary>
    private static (MeaningGrader Grader, KeyMeaning Meaning, CountingEncoder Encoder) Counting()
    {
        var encoder = new CountingEncoder();
        var grader = new MeaningGrader(Grader, encoder);
        var meaning = grader.Prepare(Key, ModelAnswer);
        encoder.Texts.Clear();
        return (grader, meaning, encoder);
    }

    private sealed class CountingEncoder : ITokenEncoder
    {
        public List<string> Texts { get; } = [];

        public string ModelName => SharedEncoder.Encoder.ModelName;

        public int Dimensions => SharedEncoder.Encoder.Dimensions;

        public IReadOnlyList<PieceVectors> Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
        {
            Texts.AddRange(texts);
            return SharedEncoder.Encoder.Encode(texts, cancellationToken);
        }
    }
}
