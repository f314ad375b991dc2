using static QuizPlatform.Importing.Tests.Documents;

namespace QuizPlatform.Importing.Tests;

public class BoundaryTests
{
    private static readonly string[] Questions = ["# Week 1", "", "1. Name the training steps.", "2. What does pooling do?", "3. What is a stride?", "", "## Solution", ""];

    public static TheoryData<string, string[], int, string> NumberedLinesInsideAnswers => new()
    {
        { "a \"2.\" in a code fence inside answer 1",
            [.. Questions, "1. The loop is:", "", "```", "2. not an answer", "```", "", "2. It shrinks feature maps.", "", "3. The step of a sliding window."],
            1, "The loop is:\n\n```\n2. not an answer\n```" },
        { "an earlier number inside answer 2",
            [.. Questions, "1. Forward pass, loss, backward pass.", "", "2. It shrinks feature maps:", "", "1. take a window", "", "Then keep its maximum.", "", "3. The step of a sliding window."],
            2, "It shrinks feature maps:\n\n1. take a window\n\nThen keep its maximum." },
        { "a number that is not next inside answer 3",
            [.. Questions, "1. Forward pass, loss, backward pass.", "", "2. It shrinks feature maps.", "", "3. The step of a sliding window,", "", "2. as in question 2."],
            3, "The step of a sliding window,\n\n2. as in question 2." },
    };

    [Theory]
    [MemberData(nameof(NumberedLinesInsideAnswers))]
    public void KeepsANumberedLineThatIsNotTheNextAnswerInTheAnswer(string situation, string[] lines, int number, string answer)
    {
        var result = new AssignmentParser().Parse(Lines(lines));

        Assert.True(result.Diagnostics.Count == 0, situation);
        Assert.Equal(answer, result.Assignment!.Questions.Single(q => q.Number == number).ModelAnswer);
    }

    [Theory]
    [InlineData("## Solution")]
    [InlineData("#### Solution.")]
    [InlineData("## Solutions")]
    [InlineData("# SOLUTION")]
    [InlineData("### solutions.")]
    [InlineData("Solution\n--------")]
    public void RecognisesSolutionHeadingsOfAnyLevelAndCase(string heading)
    {
        var result = new AssignmentParser().Parse(TwoQuestions(heading));

        Assert.Empty(result.Diagnostics);
        Assert.Equal("Week 1", result.Assignment!.Title);
        Assert.Equal("It downsamples feature maps by summarising windows.", result.Assignment.Questions[1].ModelAnswer);
    }

    [Theory]
    [InlineData("Solution")]
    [InlineData("## Solution notes")]
    [InlineData("- Solution")]
    public void DoesNotTakeOtherLinesForASolutionHeading(string line) =>
        Assert.False(new AssignmentParser().Parse(TwoQuestions(line)).Succeeded);

    [Fact]
    public void ReadsPromptsThatSpanContinuationLines()
    {
        var result = new AssignmentParser().Parse(Lines("# Week 1", "", "1. What is a convolution,", "   and why use it?", "2. What does pooling do?", "", "## Solution", "", "1. A sliding dot product of a kernel.", "", "2. It shrinks feature maps."));

        Assert.Equal("What is a convolution,\nand why use it?", result.Assignment!.Questions[0].Prompt);
    }

    [Fact]
    public void LeavesASectionHeadingBeforeTheNextQuestionsOutOfTheLastAnswer()
    {
        var result = new AssignmentParser().Parse(Lines("# Week 1", "", "1. What is a convolution?", "", "## Solution", "", "1. A sliding dot product of a kernel.", "", "## Part 2", "", "2. What does pooling do?", "", "## Solution", "", "2. It shrinks feature maps."));

        Assert.Equal(["A sliding dot product of a kernel.", "It shrinks feature maps."], result.Assignment!.Questions.Select(q => q.ModelAnswer));
    }

    [Fact]
    public void WarnsAboutARepeatedAnswerNumberButKeepsTheLineInTheAnswer()
    {
        var result = new AssignmentParser().Parse(Lines(["# Week 1", "", "1. Name the training steps.", "2. What does pooling do?", "", "## Solution", "", "1. Forward pass, loss, backward pass.", "", "2. It shrinks feature maps:", "", "1. take a window", "2. keep its maximum"]));

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((13, Severity.Warning), (warning.Line, warning.Severity));
        Assert.EndsWith("2. keep its maximum", result.Assignment!.Questions[1].ModelAnswer);
    }
}
