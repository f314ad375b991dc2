using QuizPlatform.Grading.Meaning;

namespace QuizPlatform.Grading.Tests.Meaning;

public class SoftRecallTests
{
    [Fact]
    public void AParaphraseBeatsAnUnrelatedAnswerOfTheSameLength()
    {
        var texts = SharedEncoder.Encode(
            "Dropout randomly switches off neurons during training, which prevents overfitting.",
            "While training, some units are ignored at random so the network does not memorise the data.",
            "Images are stored as grids of pixels, each with red, green and blue intensity values.");

        var paraphrase = SoftRecall.Of(texts[0], texts[1]);
        var unrelated = SoftRecall.Of(texts[0], texts[2]);

        Assert.True(paraphrase > unrelated + 0.1, $"paraphrase {paraphrase:0.000}, unrelated {unrelated:0.000}");
    }

    [Fact]
    public void RepeatingTheQuestionEarnsLessThanAnswering()
    {
        var texts = SharedEncoder.Encode(
            "Dropout randomly switches off neurons during training, which prevents overfitting.",
            "Dropout is used in training.",
            "It turns neurons off at random so the model does not overfit.");
        var question = new HashSet<string>(Enumerable.Range(0, texts[1].Count).Select(texts[1].Stem));

        Assert.True(SoftRecall.Of(texts[0], texts[2], question) > SoftRecall.Of(texts[0], texts[1], question));
    }

    [Fact]
    public void TheRecallIsExactlyTheMeanOfEachWordsBestSimilarity()
    {
        var texts = SharedEncoder.Encode(
            "Dropout randomly switches off neurons during training, which prevents overfitting of the network.",
            "During training dropout turns random neurons off, and so the network overfits less; neurons, neurons.");
        var (reference, response) = (texts[0], texts[1]);
        var contentWords = Enumerable.Range(0, reference.Count).Where(reference.IsContent).ToList();

        var expected = contentWords.Sum(r => (double)Enumerable.Range(0, response.Count).Max(s => MeaningText.Similarity(reference, r, response, s)))
            / contentWords.Count;

        Assert.Equal(expected, SoftRecall.Of(reference, response, questionStems: null));
    }

    [Fact]
    public void AnEmptyResponseRecallsNothing()
    {
        var texts = SharedEncoder.Encode("Dropout prevents overfitting.", "");

        Assert.Equal(0, SoftRecall.Of(texts[0], texts[1]));
    }
}
