namespace QuizPlatform.Importing.Tests;

public class SeedImportTests
{
    [Fact]
    public void ReadsTitleAndFiftyQuestionsNumberedInOrderWithoutDiagnostics()
    {
        var result = Seed.Parse();

        Assert.Empty(result.Diagnostics);
        Assert.Equal("Assignment-8", result.Assignment!.Title);
        Assert.Equal(Enumerable.Range(1, 50), result.Assignment.Questions.Select(q => q.Number));
    }

    [Fact]
    public void KeepsTheFirstPromptExactly() =>
        Assert.Equal("Can you explain the concept of feature extraction in convolutional neural networks (CNNs)?", Seed.Question(1).Prompt);

    [Theory]
    [InlineData(1, 3, 17)]
    [InlineData(2, 4, 21)]
    [InlineData(10, 12, 128)]
    [InlineData(11, 150, 164)]
    [InlineData(13, 152, 194)]
    [InlineData(21, 326, 340)]
    [InlineData(31, 365, 379)]
    [InlineData(40, 374, 397)]
    [InlineData(50, 413, 436)]
    public void PointsAtThePromptAndAnswerLines(int number, int promptLine, int answerLine)
    {
        var question = Seed.Question(number);

        Assert.Equal((promptLine, answerLine), (question.PromptLine, question.AnswerLine));
    }

    [Theory]
    [InlineData(1, "(question 2)")]
    [InlineData(1, "\n\nIn CNNs, each convolutional layer extracts increasingly complex features")]
    [InlineData(10, "\n\n- Knowledge Distillation Loss: The loss function")]
    [InlineData(10, "\n\nModel distillation can be applied to various tasks and architectures")]
    [InlineData(13, "\n\n- PyTorch:\n\nEasier to Learn and Use:")]
    [InlineData(13, "\n\n- TensorFlow:\n\nStrong Deployment Support:")]
    [InlineData(13, "\n\nBoth frameworks have their strengths")]
    public void KeepsEveryPartOfAMultiParagraphAnswer(int number, string part) =>
        Assert.Contains(part, Seed.Question(number).ModelAnswer);

    [Theory]
    [InlineData(10, "10. Model distillation in CNNs refers", "\n\n11. Explain the concept")]
    [InlineData(13, "13. PyTorch and TensorFlow are two popular", "\n\n14. GPUs")]
    public void TakesTheAnswerAsTheExactSourceUpToTheNextNumber(int number, string start, string next)
    {
        var expected = start[(number.ToString().Length + 2)..] + Seed.Between(start, next);

        Assert.Equal(expected, Seed.Question(number).ModelAnswer);
    }

    [Fact]
    public void ReadsAnswers21To50AsSingleParagraphs()
    {
        var answers = Seed.Parse().Assignment!.Questions.Where(q => q.Number >= 21).Select(q => q.ModelAnswer).ToList();

        Assert.Equal(30, answers.Count);
        Assert.All(answers, answer => Assert.DoesNotContain('\n', answer));
    }

    [Fact]
    public void StartsNoAnswerOrPromptWithItsNumberOrABlank() =>
        Assert.All(Seed.Parse().Assignment!.Questions, q =>
        {
            Assert.False(char.IsWhiteSpace(q.ModelAnswer[0]) || char.IsWhiteSpace(q.ModelAnswer[^1]), $"answer {q.Number}");
            Assert.False(q.Prompt.StartsWith($"{q.Number}.") || q.ModelAnswer.StartsWith($"{q.Number}."), $"question {q.Number}");
        });
}
