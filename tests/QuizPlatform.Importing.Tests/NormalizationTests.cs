using System.Text;
using System.Text.RegularExpressions;

namespace QuizPlatform.Importing.Tests;

public class NormalizationTests
{
    /// <summary>The seed as a Windows editor might save it: BOM, CRLF, blanks at line ends and on empty lines.</summary>
    private static byte[] WindowsSeed()
    {
        var lines = Seed.Text.Split('\n').Select((line, i) => line.Length == 0 ? "\t " : line + (i % 2 == 0 ? "  " : "\t"));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n\r\n")];
    }

    public static TheoryData<string, byte[]> Variants => new()
    {
        { "BOM, CRLF, tabs and trailing blanks", WindowsSeed() },
        { "CR line endings", Encoding.UTF8.GetBytes(Seed.Text.Replace('\n', '\r')) },
        { "string with a BOM", Encoding.UTF8.GetBytes("\uFEFF" + Seed.Text) },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void ReadsTheSameAssignmentWithTheSameHash(string variant, byte[] content)
    {
        var expected = Seed.Parse();

        var result = new AssignmentParser().Parse(content);

        Assert.True(result.Succeeded, variant);
        Assert.Equal(expected.Assignment, result.Assignment);
        Assert.Equal(Lines(expected.Assignment!), Lines(result.Assignment!));
        Assert.Equal(expected.ContentHash, result.ContentHash);
    }

    [Fact]
    public void ReadsTabsAfterTheNumbersLikeSpaces()
    {
        var tabbed = Regex.Replace(Seed.Text, @"^(\d+)\. ", "$1.\t", RegexOptions.Multiline);

        Assert.Equal(Seed.Parse().Assignment, new AssignmentParser().Parse(tabbed).Assignment);
    }

    [Theory]
    [InlineData("# Title\n\nText", "# Title\r\n\r\nText\r\n")]
    [InlineData("# Title\n\nText", "# Title   \n\t\nText\n\n\n")]
    public void HashesTheNormalisedText(string normalised, string saved)
    {
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));

        Assert.Equal(expected, new AssignmentParser().Parse(saved).ContentHash);
    }

    [Fact]
    public void ChangesTheHashWhenAWordChanges() =>
        Assert.NotEqual(Seed.Parse().ContentHash, new AssignmentParser().Parse(Seed.Text.Replace("Assignment-8", "Assignment-9")).ContentHash);

    private static List<(int, int)> Lines(ParsedAssignment assignment) =>
        assignment.Questions.Select(q => (q.PromptLine, q.AnswerLine)).ToList();
}
