using QuizPlatform.Grading;

namespace QuizPlatform.Cli.Json;

internal static class KeywordLines
{
    public static List<Keyword> ToKeywords(IReadOnlyList<KeywordLine> lines)
    {
        var keywords = new List<Keyword>(lines.Count);
        foreach (var line in lines)
            keywords.Add(new Keyword(line.Phrase, line.Alternatives ?? [], line.Weight, line.Required));
        return keywords;
    }
}
