using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;
using QuizPlatform.Data;
using QuizPlatform.Grading;
using QuizPlatform.Grading.Meaning;

namespace QuizPlatform.Web.Features.Grading;

/// <summary>
/// A question ready to grade: its compiled keywords, with <c>Grading:Meaning</c> on what the meaning pass needs, and
/// the questions of its assignment, among which an answer to another of them is flagged.
/// </summary>
public sealed record PreparedQuestion(GradingKey Key, KeyMeaning? Meaning, QuestionSet? Among = null);

/// <summary>One response to grade against its question's key.</summary>
public readonly record struct ToGrade(PreparedQuestion Question, string Text, double Points);

/// <summary>
/// The web app's one grader: hand-in grading, regrade previews and whole-quiz regrades all grade through here, so a
/// preview shows exactly what an apply stores. Holds each stored question's key (rebuilt when its keywords change) and,
/// with <see cref="GradingSettings.Meaning"/> on, the sentence model, which encodes a batch's responses in one call.
/// </summary>
public sealed class GradingEngine(IOptions<GradingSettings> settings, IServiceProvider services)
{
    MeaningGrader? meaningGrader;
    // Each stored question's key with the keyword list and model answer it was built from: an edit replaces it. The
    // meaning part is built on first use, so keyword grading at hand-in never waits for the model.
    readonly ConcurrentDictionary<int, CachedKey> keys = new();
    // Each assignment version's questions, rebuilt when one of their keys is.
    readonly ConcurrentDictionary<int, QuestionSet> sets = new();

    sealed record CachedKey(string Identity, GradingKey Key, Lazy<PreparedQuestion> WithMeaning);

    public Grader Grader { get; } = new();

    // The model (a DI singleton) loads on the first grade or key that needs it.
    MeaningGrader? Meaning => settings.Value.Meaning
        ? LazyInitializer.EnsureInitialized(ref meaningGrader, () => new MeaningGrader(Grader, services.GetRequiredService<ITokenEncoder>()))
        : null;

    public bool UsesMeaning => settings.Value.Meaning;

    /// <summary>The stored question's key, built once per keyword version.</summary>
    public PreparedQuestion KeyFor(StoredKey question) => Cached(question).WithMeaning.Value;

    /// <summary>The stored question's keywords alone: the hand-in pass, which the meaning pass follows.</summary>
    public PreparedQuestion KeywordKeyFor(StoredKey question) => new(Cached(question).Key, null);

    /// <summary>
    /// The keys of <paramref name="questionIds"/> (keyword-only unless <paramref name="withMeaning"/>), each among the
    /// questions of its assignment version: <paramref name="assignments"/> holds all of them
    /// (<see cref="StoredKeys.SelectAssignmentKeys"/>). By question id.
    /// </summary>
    public Dictionary<int, PreparedQuestion> KeysAmong(IReadOnlyList<StoredKey> assignments, IEnumerable<int> questionIds, bool withMeaning)
    {
        var wanted = questionIds.ToHashSet();
        var prepared = new Dictionary<int, PreparedQuestion>();
        foreach (var version in assignments.GroupBy(q => q.AssignmentVersionId))
        {
            var questions = version.OrderBy(q => q.Number).ToList();
            var set = SetOf(version.Key, questions);
            foreach (var question in questions.Where(q => wanted.Contains(q.QuestionId)))
                prepared[question.QuestionId] = (withMeaning ? KeyFor(question) : KeywordKeyFor(question)) with { Among = set };
        }
        return prepared;
    }

    /// <summary>The assignment's question set with <paramref name="questionId"/>'s key replaced by a draft's (a regrade preview).</summary>
    public QuestionSet Replacing(IReadOnlyList<StoredKey> assignment, int questionId, GradingKey draft)
    {
        var questions = assignment.OrderBy(q => q.Number).ToList();
        var set = SetOf(questions[0].AssignmentVersionId, questions);
        return new QuestionSet([.. questions.Select((q, i) => q.QuestionId == questionId ? draft : set.Keys[i])], set.Labels);
    }

    // Labelled by their number in the assignment; a page names the question in its own numbering (FlagWords.OtherQuestion).
    QuestionSet SetOf(int assignmentVersionId, List<StoredKey> questions)
    {
        var keyList = questions.Select(q => Cached(q).Key).ToList();
        if (sets.TryGetValue(assignmentVersionId, out var known) && known.Keys.SequenceEqual(keyList))
            return known;
        return sets[assignmentVersionId] = new QuestionSet(keyList,
            [.. questions.Select(q => q.Number.ToString(CultureInfo.InvariantCulture))]);
    }

    CachedKey Cached(StoredKey question)
    {
        var identity = KeywordIdentity.Of(question.Keywords) + "\n" + question.ModelAnswer;
        if (keys.TryGetValue(question.QuestionId, out var known) && known.Identity == identity)
            return known;
        var key = Grader.Compile(question.Prompt, question.Keywords);
        return keys[question.QuestionId] = new CachedKey(identity, key,
            new(() => new PreparedQuestion(key, MeaningOf(key, question.ModelAnswer))));
    }

    /// <summary>A key for keywords that are not stored (a draft being previewed).</summary>
    public PreparedQuestion KeyFor(string prompt, string modelAnswer, IReadOnlyList<Keyword> keywords)
    {
        var key = Grader.Compile(prompt, keywords);
        return new PreparedQuestion(key, MeaningOf(key, modelAnswer));
    }

    KeyMeaning? MeaningOf(GradingKey key, string modelAnswer) => Meaning?.Prepare(key, modelAnswer);

    /// <summary>Each distinct text encoded once by the sentence model, for grading with what marks teach.</summary>
    /// <exception cref="InvalidOperationException"><c>Grading:Meaning</c> is off.</exception>
    public Dictionary<string, MeaningText> Encode(IEnumerable<string> texts, CancellationToken cancellationToken = default) =>
        MeaningText.EncodeDistinct((Meaning ?? throw new InvalidOperationException("Grading:Meaning is off.")).Encoder, texts, cancellationToken);

    /// <summary>
    /// Grades every item. Items with a question's meaning go to the model together (each distinct text once, batched
    /// by length); the others are graded by keywords.
    /// </summary>
    public GradeResult[] Grade(IReadOnlyList<ToGrade> items, CancellationToken cancellationToken = default)
    {
        if (Meaning is not { } withMeaning || items.Any(i => i.Question.Meaning is null))
            return [.. items.Select(i => Grader.Grade(i.Question.Key, i.Text, i.Points, i.Question.Among))];
        return withMeaning.Grade([.. items.Select(i => new MeaningRequest(i.Question.Key, i.Question.Meaning!, i.Text, i.Points, i.Question.Among))],
            cancellationToken);
    }
}
