namespace QuizPlatform.Importing.Tests;

/// <summary>The reference document from seeds/, copied next to the test assembly.</summary>
internal static class Seed
{
    public static string Text { get; } = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seeds", "assignment-8.md"));

    public static ParseResult Parse() => new AssignmentParser().Parse(Text);

    public static ParsedQuestion Question(int number) => Parse().Assignment!.Questions.Single(q => q.Number == number);

    /// <summary>The seed's text between two markers, found without the parser's notion of lines or blocks.</summary>
    public static string Between(string start, string end)
    {
        var from = Text.IndexOf(start, StringComparison.Ordinal) + start.Length;
        return Text[from..Text.IndexOf(end, from, StringComparison.Ordinal)];
    }
}
