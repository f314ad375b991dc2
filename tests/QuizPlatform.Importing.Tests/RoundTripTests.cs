namespace QuizPlatform.Importing.Tests;

public class RoundTripTests
{
    public static TheoryData<string, ParsedAssignment> Assignments => new()
    {
        { "the seed", Seed.Parse().Assignment! },
        { "bullets, code spans and paragraphs", new("Week 3: `numpy` basics", [
            new(1, "What does `np.zeros((2, 3))` return?", "A 2 by 3 array of zeros:\n\n- dtype `float64`\n- shape `(2, 3)`\n  - nested detail\n\nIt is *not* a list."),
            new(2, "Explain broadcasting.\n\nGive an example.", "Arrays of different shapes combine:\n\n```python\na + b\n2. not an answer\n```\n\nDimensions of size 1 stretch."),
        ]) },
        { "numbers that do not start at 1", new("Quiz", [
            new(7, "First line of a prompt\nthat goes on.", "- starts with a bullet\n- and another one"),
            new(12, "Second?", "Plain answer with **bold** text."),
        ]) },
    };

    [Theory]
    [MemberData(nameof(Assignments))]
    public void ParsingTheExportGivesTheSameAssignment(string name, ParsedAssignment assignment)
    {
        var result = new AssignmentParser().Parse(AssignmentExporter.Export(assignment));

        Assert.True(result.Succeeded, name + ": " + string.Join("; ", result.Diagnostics));
        Assert.Equal(assignment, result.Assignment);
    }

    [Theory]
    [MemberData(nameof(Assignments))]
    public void ExportingAgainGivesTheSameText(string name, ParsedAssignment assignment)
    {
        var exported = AssignmentExporter.Export(assignment);

        Assert.True(exported == AssignmentExporter.Export(new AssignmentParser().Parse(exported).Assignment!), name);
    }

    [Fact]
    public void ExportsTheSeedWithoutDiagnostics() =>
        Assert.Empty(new AssignmentParser().Parse(AssignmentExporter.Export(Seed.Parse().Assignment!)).Diagnostics);

    [Fact]
    public void ComparesQuestionsByContentNotBySourceLine() =>
        Assert.Equal(new ParsedQuestion(1, "Q?", "An answer here.", 3, 9), new ParsedQuestion(1, "Q?", "An answer here.", 4, 12));
}
