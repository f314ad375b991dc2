using QuizPlatform.Grading.Meaning;

namespace QuizPlatform.Grading.Tests.Meaning;

public class EncoderTests
{
    private const string Answer = "Pooling layers shrink the feature maps, which reduces computation and adds some translation invariance.";

    [Fact]
    public void AnAnswersVectorsDoNotDependOnTheAnswersGradedWithIt()
    {
        var alone = SharedEncoder.Encoder.Encode([Answer])[0];
        var batched = SharedEncoder.Encoder.Encode(
            ["Short one.", Answer, string.Join(' ', Enumerable.Repeat("A much longer answer about convolution kernels and strides.", 12)), "Another answer of similar length to the first, about dropout and overfitting."])[1];

        Assert.Equal(alone.Spans, batched.Spans);
        Assert.Equal(alone.Vectors, batched.Vectors);
    }

    [Fact]
    public void EveryWordOfALongAnswerGetsAVectorPastTheModelsLimit()
    {
        var text = string.Join(' ', Enumerable.Range(0, 400).Select(i => $"word{i % 7} convolution"));

        var encoded = SharedEncoder.Encode(text)[0];

        Assert.Equal(800, encoded.Count);
        Assert.All(Enumerable.Range(0, encoded.Count), w => Assert.InRange(MeaningText.Similarity(encoded, w, encoded, w), 0.99f, 1.01f));
    }

    [Fact]
    public void WordsTakeTheirVectorsFromTheirOwnPieces()
    {
        var encoded = SharedEncoder.Encode("Kernels are pretrained; R-CNN's filters.")[0];

        Assert.Equal(["Kernels", "are", "pretrained", "R", "CNN's", "filters"],
            Enumerable.Range(0, encoded.Count).Select(w => encoded.Text.Substring(encoded.Span(w).Start, encoded.Span(w).Length)));
        var kernels = 0; var filters = 5; var are = 1;
        Assert.True(MeaningText.Similarity(encoded, kernels, encoded, filters) > MeaningText.Similarity(encoded, are, encoded, filters));
    }
}
