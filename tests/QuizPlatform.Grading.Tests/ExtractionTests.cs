namespace QuizPlatform.Grading.Tests;

/// <summary>Keyword extraction rules beyond the reviewed seed lists (docs/keywords-assignment-8.md).</summary>
public class ExtractionTests
{
    private static readonly string[] Answers =
    [
        "A CNN learns filters that detect edges and textures in images.",
        "Pooling layers shrink the feature maps, which lowers the cost of each later layer and adds some invariance to small shifts of the input.",
        "The filters are learned on a GPU, which makes training fast.",
        "Non-maximum suppression keeps the box with the highest score and drops boxes that overlap it by more than a threshold.",
    ];

    [Theory]
    [InlineData(0, "CNN", true)]
    [InlineData(1, "CNN", false)]
    [InlineData(1, "mAP", false)]
    [InlineData(2, "GPU", true)]
    [InlineData(2, "CNN", false)]
    [InlineData(3, "NMS", true)]
    [InlineData(3, "GPU", false)]
    public void LexiconAbbreviationsBecomeKeywordsOnlyWhereTheAnswerUsesThem(int answer, string acronym, bool expected)
    {
        var keywords = new KeywordExtractor().Extract(Answers.Select(a => new QuestionText("Explain the step.", a)).ToList())[answer];
        Assert.Equal(expected, keywords.Any(k => k.Alternatives.Prepend(k.Phrase).Contains(acronym, StringComparer.Ordinal)));
    }
}
