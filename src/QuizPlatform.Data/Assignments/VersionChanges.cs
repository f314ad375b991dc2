namespace QuizPlatform.Data.Assignments;

/// <summary>
/// How a document's questions differ from a stored version's, by question number: numbers only in the document
/// were added, numbers only in the stored version were removed, and a number in both whose prompt or model answer
/// differs was changed.
/// </summary>
public sealed record VersionChanges(IReadOnlyList<int> Added, IReadOnlyList<int> Changed, IReadOnlyList<int> Removed)
{
    public bool None => Added.Count == 0 && Changed.Count == 0 && Removed.Count == 0;

    public static VersionChanges Between(IEnumerable<QuestionText> stored, IEnumerable<QuestionText> document)
    {
        var before = stored.ToDictionary(q => q.Number);
        var after = document.ToDictionary(q => q.Number);
        return new VersionChanges(
            after.Keys.Where(n => !before.ContainsKey(n)).Order().ToList(),
            after.Values.Where(q => before.TryGetValue(q.Number, out var old) && old != q).Select(q => q.Number).Order().ToList(),
            before.Keys.Where(n => !after.ContainsKey(n)).Order().ToList());
    }

    /// <summary>A question's identity and the text that, when changed, makes it a changed question.</summary>
    public sealed record QuestionText(int Number, string Prompt, string ModelAnswer);
}
