using QuizPlatform.Web.Features.RegradeRequests;

namespace QuizPlatform.Web.Tests.Features.RegradeRequests;

public sealed class AnswerSpanTests
{
    const string Answer = "Weights are kernel values.\nThe kernel  values change.";

    [Theory]
    [InlineData("kernel values", 12, 13, 12, 13)]      // the script's offsets point at the words: kept
    [InlineData("kernel values", 0, 7, 12, 13)]        // offsets at other words: the words are looked up
    [InlineData("kernel values", 40, 14, 31, 14)]      // nearest the offsets, across a double space
    [InlineData("KERNEL VALUES", null, null, 12, 13)]  // typed without a script: case is ignored
    [InlineData(" values.\nThe ", null, null, 19, 11)] // selections across a line break
    public void FindsTheWordsInTheAnswer(string words, int? start, int? length, int expectedStart, int expectedLength) =>
        Assert.Equal((expectedStart, expectedLength), AnswerSpan.Find(Answer, words, start, length));

    [Theory]
    [InlineData("learned parameters")]
    [InlineData("   ")]
    [InlineData("kernelvalues")]
    public void WordsTheAnswerLacksAreNotFound(string words) => Assert.Null(AnswerSpan.Find(Answer, words));
}
