using System.Text;
using AngleSharp.Dom;
using Bunit;
using QuizPlatform.Data.Assignments;
using QuizPlatform.Data.Entities;
using QuizPlatform.Importing;
using QuizPlatform.Web.Features.AdminAssignments;

namespace QuizPlatform.Web.Tests.Features.AdminAssignments;

/// <summary>What an admin reads in the import preview, for each thing an import can do. No database: the plan is given.</summary>
public sealed class ImportPreviewTests : BunitContext
{
    [Fact]
    public void NewDocumentSaysVersion1WithItsQuestionCountAndListsEachQuestionsKeywords()
    {
        var plan = Plan(ImportStatus.Created, version: 1, changes: null,
            Question(1, Keyword("downsampling", required: true)), Question(2, Keyword("shared weights")), Question(3, Keyword("step")));

        var preview = Render(plan);

        Assert.Equal("New assignment: importing creates version 1 with 3 questions.", Status(preview));
        Assert.Equal(["Question 1", "Question 2", "Question 3"], Headings(preview, "h3"));
        Assert.Equal(["downsampling weight 1 required"], KeywordsOf(preview, "Question 1"));
        Assert.Empty(preview.FindAll("table"));
    }

    [Fact]
    public void InvalidDocumentListsEachProblemWithItsLineNumberAndText()
    {
        var plan = Plan(ImportStatus.Invalid, version: null, changes: null);
        DiagnosticLine[] diagnostics =
        [
            new(3, Severity.Warning, "Question 1 is very short.", "1. What?"),
            new(9, Severity.Error, "Answer 2 does not match any question.", "2. Pooling shrinks feature maps."),
        ];

        var preview = Render(plan, diagnostics);

        Assert.StartsWith("The document has errors; nothing can be imported", Status(preview));
        var table = Assert.Single(preview.FindAll("table"));
        Assert.Equal("1 error and 1 warning", table.QuerySelector("caption")!.TextContent);
        Assert.Equal(
        [
            ["3", "Warning: Question 1 is very short.", "1. What?"],
            ["9", "Error: Answer 2 does not match any question.", "2. Pooling shrinks feature maps."],
        ], Rows(table, "Line", "Problem", "Line text"));
        Assert.Empty(Headings(preview, "h3"));
        // A count of none is not said: "2 errors", not "2 errors and 0 warnings".
        Assert.Equal("2 errors", Render(plan, [diagnostics[1], diagnostics[1]]).Find("caption").TextContent);
    }

    [Fact]
    public void NewVersionNamesTheChangedQuestionsAndTheEditedKeywordsItKeeps()
    {
        var plan = Plan(ImportStatus.Updated, version: 2, new VersionChanges([4], [1], [3]),
            Question(1, Keyword("summarising")), Question(2, Keyword("strongest activation", origin: KeywordOrigin.Edited)),
            Question(4, Keyword("border")));

        var preview = Render(plan);

        Assert.Equal("New version 2 of an existing assignment (3 questions). Quizzes already built keep their version.", Status(preview));
        Assert.Equal(["Added: question 4", "Changed: question 1", "Removed: question 3"],
            preview.FindAll("section > ul > li").Select(Text));
        Assert.Equal(["Question 1 changed", "Question 2", "Question 4 added"], Headings(preview, "h3"));
        Assert.Equal(["strongest activation weight 1 edited, kept"], KeywordsOf(preview, "Question 2"));
    }

    [Fact]
    public void UnchangedDocumentSaysWhichVersionHoldsIt()
    {
        var plan = Plan(ImportStatus.Unchanged, version: 1, new VersionChanges([], [], []), Question(1, Keyword("downsampling")));

        var preview = Render(plan);

        Assert.Equal("Unchanged: version 1 already holds these questions and model answers; there is nothing to import.", Status(preview));
        Assert.Empty(preview.FindAll("section > ul"));
    }

    IRenderedComponent<ImportPreview> Render(ImportPlan plan, IReadOnlyList<DiagnosticLine>? diagnostics = null) =>
        Render<ImportPreview>(p => p.Add(c => c.Preview, new AssignmentPreview("week.md", plan, diagnostics ?? [])));

    static ImportPlan Plan(ImportStatus status, int? version, VersionChanges? changes, params ImportedQuestion[] questions)
    {
        var parsed = new AssignmentParser().Parse(Encoding.UTF8.GetBytes(Documents.Original));
        return new ImportPlan(status, parsed, null, null, version, questions, changes);
    }

    static ImportedQuestion Question(int number, params ImportedKeyword[] keywords) =>
        new(number, $"Prompt {number}?", $"Answer {number}.", keywords);

    static ImportedKeyword Keyword(string phrase, bool required = false, KeywordOrigin origin = KeywordOrigin.Extracted) =>
        new(phrase, [], 1, required, origin);

    internal static string Status(IRenderedComponent<ImportPreview> preview) => Text(preview.Find("[role=status]"));

    internal static IEnumerable<string> Headings(IRenderedComponent<ImportPreview> preview, string level) =>
        preview.FindAll(level).Select(Text);

    /// <summary>The keyword list of the question whose heading reads <paramref name="heading"/>, one line per keyword.</summary>
    internal static IEnumerable<string> KeywordsOf(IRenderedComponent<ImportPreview> preview, string heading)
    {
        var list = QuestionArticle(preview, heading).QuerySelectorAll("h4").Single(h => h.TextContent == "Keywords").NextElementSibling!;
        return list.Children.Select(Text);
    }

    /// <summary>The question whose heading reads <paramref name="heading"/> (followed by its badges, if any).</summary>
    internal static IElement QuestionArticle(IRenderedComponent<ImportPreview> preview, string heading) =>
        preview.FindAll("article").Single(a => (Text(a.QuerySelector("h3")!) + " ").StartsWith(heading + " ", StringComparison.Ordinal));

    /// <summary>The table's body cells in the order of the named column headers.</summary>
    internal static string[][] Rows(IElement table, params string[] columns)
    {
        var headers = table.QuerySelectorAll("thead th").Select(Text).ToList();
        var indexes = columns.Select(c => headers.IndexOf(c)).ToList();
        Assert.DoesNotContain(-1, indexes);
        return table.QuerySelectorAll("tbody tr")
            .Select(row => indexes.Select(i => Text(row.Children[i])).ToArray()).ToArray();
    }

    /// <summary>The element's text with its parts (text and badges) separated by single spaces, as they read.</summary>
    internal static string Text(IElement element) => string.Join(' ', element.Descendants<IText>()
        .SelectMany(t => t.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
}
