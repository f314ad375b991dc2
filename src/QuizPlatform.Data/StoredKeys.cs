using QuizPlatform.Data.Entities;
using QuizPlatform.Grading;

namespace QuizPlatform.Data;

/// <summary>
/// A stored question as the grader takes it: its prompt, model answer and keywords in order, the keywords' version,
/// and where it stands (its assignment version and number there: the questions it is graded among).
/// </summary>
public sealed record StoredKey(int QuestionId, string Prompt, string ModelAnswer, double DefaultPoints, int KeywordVersion,
    IReadOnlyList<Keyword> Keywords, int AssignmentVersionId, int Number);

public static class StoredKeys
{
    /// <summary>
    /// Each question with its stored keywords as grader keywords: the one mapping from <see cref="QuestionKeyword"/> to
    /// <see cref="Keyword"/>, translated by EF into the query (no keyword entity is loaded).
    /// </summary>
    public static IQueryable<StoredKey> SelectKeys(this IQueryable<Question> questions) =>
        questions.Select(q => new StoredKey(q.Id, q.Prompt, q.ModelAnswer, q.DefaultPoints, q.KeywordVersion,
            q.Keywords.OrderBy(k => k.Position).Select(k => new Keyword(k.Phrase, k.Alternatives, k.Weight, k.Required)).ToList(),
            q.AssignmentVersionId, q.Number));

    /// <summary>
    /// <see cref="SelectKeys"/> of every question of the assignment versions that <paramref name="questionIds"/> belong
    /// to: a response is graded among its assignment's questions (<see cref="QuestionSet"/>).
    /// </summary>
    public static IQueryable<StoredKey> SelectAssignmentKeys(this IQueryable<Question> questions, IReadOnlyCollection<int> questionIds) =>
        questions.Where(q => questions.Any(x => questionIds.Contains(x.Id) && x.AssignmentVersionId == q.AssignmentVersionId)).SelectKeys();
}
