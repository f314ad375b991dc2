using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using QuizPlatform.Data;
using QuizPlatform.Grading;
using QuizPlatform.Grading.Meaning;

namespace QuizPlatform.Web.Features.Grading;

/// <summary>A question ready to grade: its compiled keywords and, with <c>Grading:Meaning</c> on, what the meaning pass needs.</summary>
public sealed record PreparedQuestion(GradingKey Key, KeyMeaning? Meaning);

/// <summary>One response to grade against its question's key.</summary>
public readonly record struct ToGrade(PreparedQuestion Question, string Text, double Points);

/// <summary>
/// The web app's one grader: hand-in grading, regrade previews and whole-quiz regrades all grade through here, so a
/// preview shows exactly what an apply stores. Holds each stored question's key (rebuilt when its keywords change) and,
/// with <see cref="GradingSettings.Meaning"/> on, the sentence model, which encodes a batch's responses in one call.
/// </summary>
public sealed class GradingEngine(IOptions<GradingSettings> settings, IServiceProvider services)
{
    readonly Lazy<ITokenEncoder?> encoder = new(() => settings.Value.Meaning ? services.GetRequiredService<ITokenEncoder>() : null);
    // Each stored question's key with the keyword list and model answer it was built from: an edit replaces it.
    readonly ConcurrentDictionary<int, (string Identity, PreparedQuestion Key)> keys = new();

    public Grader Grader { get; } = new();

    public bool UsesMeaning => settings.Value.Meaning;

    /// <summary>The stored question's key, built once per keyword version.</summary>
    public PreparedQuestion KeyFor(StoredKey question)
    {
        var identity = KeywordIdentity.Of(question.Keywords) + "\n" + question.ModelAnswer;
        if (keys.TryGetValue(question.QuestionId, out var known) && known.Identity == identity)
            return known.Key;
        var key = KeyFor(question.Prompt, question.ModelAnswer, question.Keywords);
        keys[question.QuestionId] = (identity, key);
        return key;
    }

    /// <summary>A key for keywords that are not stored (a draft being previewed).</summary>
    public PreparedQuestion KeyFor(string prompt, string modelAnswer, IReadOnlyList<Keyword> keywords)
    {
        var key = Grader.Compile(prompt, keywords);
        return new PreparedQuestion(key, encoder.Value is { } model ? KeyMeaning.Build(model, key, modelAnswer) : null);
    }

    /// <summary>Grades every item; with meaning on, their texts are encoded together, batched by length.</summary>
    public GradeResult[] Grade(IReadOnlyList<ToGrade> items, CancellationToken cancellationToken = default)
    {
        var encoded = encoder.Value is { } model && items.Any(i => i.Question.Meaning is not null)
            ? MeaningText.Encode(model, [.. items.Select(i => i.Text ?? "")], cancellationToken)
            : null;
        var results = new GradeResult[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            results[i] = item.Question.Meaning is { } meaning && encoded is not null
                ? Grader.Grade(item.Question.Key, item.Text, item.Points, meaning, encoded[i])
                : Grader.Grade(item.Question.Key, item.Text, item.Points);
        }
        return results;
    }
}
