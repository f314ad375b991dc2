using System.Text;
using static QuizPlatform.Importing.Tests.Documents;

namespace QuizPlatform.Importing.Tests;

public class DiagnosticTests
{
    public sealed record BrokenDocument(string Name, byte[] Content, int MaxBytes = 1_000_000)
    {
        public override string ToString() => Name;
    }

    private static readonly string[] Solution = ["", "## Solution", ""];

    public static TheoryData<BrokenDocument, int, Severity, string> Cases => new()
    {
        { new("no title", Bytes(["Questions", "", "1. What is a CNN?", .. Solution, "1. A network of convolution layers."])),
            1, Severity.Error, "has no title" },
        { new("no questions", Bytes("# Week 1", "", "Read chapter 3 before class.")),
            1, Severity.Error, "has no numbered questions" },
        { new("question without answer", Bytes(["# Week 1", "", "1. What is a CNN?", "2. What is pooling?", .. Solution, "1. A network of convolution layers."])),
            4, Severity.Error, "Question 2 has no model answer in the Solution block that follows it (line 6)." },
        { new("answer without question", Bytes(["# Week 1", "", "1. What is a CNN?", .. Solution, "1. A network of convolution layers.", "", "2. Pooling shrinks feature maps."])),
            9, Severity.Error, "Answer 2 (line 9) does not match any question" },
        { new("duplicate question numbers", Bytes(["# Week 1", "", "1. What is a CNN?", "1. What is pooling?", .. Solution, "1. A network of convolution layers.", "", "1. Pooling shrinks feature maps."])),
            4, Severity.Error, "Question 1 appears more than once (lines 3 and 4)" },
        { new("empty prompt", Bytes(["# Week 1", "", "1.", "2. What is pooling?", .. Solution, "1. A network of convolution layers.", "", "2. Pooling shrinks feature maps."])),
            3, Severity.Error, "Question 1 has an empty prompt." },
        { new("empty answer", Bytes(["# Week 1", "", "1. What is a CNN?", "2. What is pooling?", .. Solution, "1.", "", "2. Pooling shrinks feature maps."])),
            8, Severity.Error, "Model answer 1 is empty." },
        { new("invalid UTF-8 bytes", [.. "# Week 1\n\n1. What is a caf"u8, 0xC3, 0x28, .. Bytes("", "## Solution")]),
            3, Severity.Error, "not valid UTF-8" },
        { new("a PDF", [.. "%PDF-1.7\n%"u8, 0xE2, 0xE3, 0xCF, 0xD3, .. "\n1 0 obj"u8]),
            1, Severity.Error, "The file is a PDF document, not a Markdown document. Save or export the assignment as Markdown (.md)" },
        { new("a Word document", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, .. "[Content_Types].xml"u8]),
            1, Severity.Error, "The file is a zipped document (a Word .docx, an OpenDocument .odt or a .zip archive), not a Markdown document." },
        { new("a PNG image", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]),
            1, Severity.Error, "The file is a PNG image, not a Markdown document." },
        { new("NUL bytes", Bytes(["# Week 1", "", "1. What is a CNN?\0", .. Solution, "1. A network of convolution layers."])),
            3, Severity.Error, "control character U+0000 (a NUL byte, which only binary files have) at line 3" },
        { new("escape character", Bytes(["# Week 1", "", "1. What is a CNN?", .. Solution, "1. A network of \u001b[31mconvolution layers."])),
            7, Severity.Error, "control character U+001B at line 7" },
        { new("too large", Encoding.UTF8.GetBytes(TwoQuestions()), MaxBytes: 100),
            1, Severity.Error, "documents of at most 100 bytes" },
        { new("Markdown nested too deeply", Bytes("# Week 1", "", new string('>', 50_000))),
            1, Severity.Error, "nests Markdown too deeply" },
        { new("gap in numbering", Bytes(["# Week 1", "", "1. What is a CNN?", "3. What is pooling?", .. Solution, "1. A network of convolution layers.", "", "3. Pooling shrinks feature maps."])),
            4, Severity.Warning, "Question numbering jumps from 1 to 3 (line 4): question 2 is missing." },
        { new("very short answer", Bytes(["# Week 1", "", "1. What is a CNN?", "2. What is pooling?", .. Solution, "1. A network of convolution layers.", "", "2. Downsampling."])),
            10, Severity.Warning, "Model answer 2 has only 1 word" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReportsTheProblemOnItsLine(BrokenDocument document, int line, Severity severity, string message)
    {
        var result = new AssignmentParser(new ImportOptions { MaxBytes = document.MaxBytes }).Parse(document.Content);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((line, severity), (diagnostic.Line, diagnostic.Severity));
        Assert.Contains(message, diagnostic.Message);
        Assert.Equal(severity == Severity.Warning, result.Succeeded);
    }

    [Theory]
    [InlineData(new byte[] { 0x23, 0x20, 0xFF, 0x0A }, "")]
    [InlineData(new byte[] { 0x23, 0x20, 0x00, 0x0A }, "")]
    public void GivesNoContentHashForBytesThatAreNotText(byte[] content, string hash) =>
        Assert.Equal(hash, new AssignmentParser().Parse(content).ContentHash);

    [Theory]
    [InlineData("# ÄÄÄÄ", false)]
    [InlineData("# ÄÄÄÄÄ", true)]
    public void MeasuresStringsInUtf8Bytes(string text, bool tooLarge)
    {
        var result = new AssignmentParser(new ImportOptions { MaxBytes = 10 }).Parse(text);

        Assert.Equal(tooLarge, result.Diagnostics.Any(d => d.Message.Contains("at most 10 bytes")));
    }

    [Fact]
    public void AnAnswerWhoseQuestionIsMissingFromTheListIsAnErrorNotPartOfTheAnswerBefore()
    {
        // Question 2 deleted from the list but not from the Solution: its answer used to end answer 1, imported.
        var result = new AssignmentParser().Parse(Lines(["# Week 1", "", "1. What is a CNN?", "3. What is a stride?", .. Solution,
            "1. A network of convolution layers.", "", "2. Pooling shrinks feature maps.", "", "3. The step of a sliding window."]));

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(10, error.Line);
        Assert.StartsWith("Answer 2 (line 10) does not match any question", error.Message);
    }

    [Fact]
    public void ANumberedListInsideAnAnswerOfALaterBlockStaysPartOfIt()
    {
        // Answer 3 of the second block lists its steps 1 and 2: numbers below it and no question of the block.
        var result = new AssignmentParser().Parse(Lines(["# Week 1", "", "1. What is a CNN?", "2. What is pooling?", .. Solution,
            "1. A network of convolution layers.", "2. Shrinking feature maps.", "", "3. How do you train one?", "4. What is a stride?", .. Solution,
            "3. In two steps:", "1. Forward the batch and compute the loss.", "2. Step down the gradient.", "4. The step of a sliding window."]));

        Assert.True(result.Succeeded, string.Join("; ", result.Diagnostics.Select(d => d.Message)));
        Assert.Empty(result.Diagnostics);
        Assert.Contains("2. Step down the gradient.", result.Assignment!.Questions[2].ModelAnswer);
    }

    [Fact]
    public void ReportsEveryUnansweredQuestionOfABlockOnItsOwnLine()
    {
        var result = new AssignmentParser().Parse(Lines(["# Week 1", "", "1. What is a CNN?", "2. What is pooling?", "3. What is a stride?", .. Solution, "2. Pooling shrinks feature maps."]));

        Assert.Equal([3, 5], result.Diagnostics.Select(d => d.Line));
        Assert.All(result.Diagnostics, d => Assert.Contains("has no model answer", d.Message));
    }
}
