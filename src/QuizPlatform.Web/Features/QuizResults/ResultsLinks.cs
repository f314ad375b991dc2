using System.Globalization;

namespace QuizPlatform.Web.Features.QuizResults;

/// <summary>The addresses of a quiz's results pages and downloads, keeping the class filter from page to page.</summary>
public sealed record ResultsLinks(int QuizId, int? ClassId)
{
    public string Overview => Page("results");
    public string Questions => Page("results/questions");
    public string Concepts => Page("results/concepts");
    public string Attempt(int attemptId) => Page(Invariant($"attempts/{attemptId}"));
    /// <summary>One answer on its attempt's page, by its place there; an empty one's card is opened (<c>?empty=</c>).</summary>
    public string AttemptAnswer(int attemptId, int order, bool empty) =>
        Page(Invariant($"attempts/{attemptId}"), empty ? Invariant($"empty={order}") : null) + Invariant($"#answer-{order}");
    public string Question(int questionId, int? missedKeyword = null) =>
        Page(Invariant($"questions/{questionId}"), missedKeyword is { } k ? Invariant($"missed={k}") : null);
    /// <summary>The review queue covers the whole quiz: no class filter.</summary>
    public string Review => Invariant($"quizzes/{QuizId}/review");
    public string Export(string table, string format) => Page($"export/{table}.{format}");

    string Page(string path, string? query = null)
    {
        var parts = new[] { query, ClassId is { } id ? Invariant($"class={id}") : null }.Where(p => p is not null);
        var joined = string.Join('&', parts);
        return Invariant($"quizzes/{QuizId}/{path}") + (joined == "" ? "" : "?" + joined);
    }

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
