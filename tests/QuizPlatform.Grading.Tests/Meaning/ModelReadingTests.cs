using System.Numerics.Tensors;
using QuizPlatform.Grading.Meaning;
using QuizPlatform.Grading.Text;

namespace QuizPlatform.Grading.Tests.Meaning;

/// <summary>What the model reads of a text: its content words and negations (<see cref="ModelReading"/>).</summary>
public class ModelReadingTests
{
    [Theory]
    [InlineData("The R-CNN does not see the cat, as it is small.", "R-CNN not see cat small")]
    [InlineData("Pooling (max or average) shrinks feature maps.", "Pooling max average shrinks feature maps")]
    [InlineData("It is what it is.", "It is what it is.")]
    public void TheModelReadsContentWordsAndNegations(string text, string read) =>
        Assert.Equal(read, ModelReading.Of(text, Tokenizer.Tokenize(text)).Text);

    [Fact]
    public void FunctionWordsNeitherChangeNorGetAVector()
    {
        var (full, bare) = (SharedEncoder.Encode("The kernel slides over all of the image.")[0], SharedEncoder.Encode("kernel slides image")[0]);

        Assert.Equal([1, 2, 7], Enumerable.Range(0, full.Count).Where(w => TensorPrimitives.Norm(full.Vector(w)) > 0));
        Assert.Equal(bare.Vector(0).ToArray(), full.Vector(1).ToArray());
        Assert.Equal(bare.Vector(2).ToArray(), full.Vector(7).ToArray());
    }

    [Fact]
    public void AJoinedWordsPiecesLandOnItsParts()
    {
        var encoded = SharedEncoder.Encode("The Faster R-CNN detector")[0];

        Assert.Equal([0f, 1f, 1f, 1f, 1f], Enumerable.Range(0, encoded.Count).Select(w => MathF.Round(TensorPrimitives.Norm(encoded.Vector(w)), 3)));
    }

    [Fact]
    public void ATextOfFunctionWordsAloneIsReadWhole()
    {
        var encoded = SharedEncoder.Encode("It is what it is.")[0];

        Assert.All(Enumerable.Range(0, encoded.Count), w => Assert.True(TensorPrimitives.Norm(encoded.Vector(w)) > 0.99f));
    }
}
