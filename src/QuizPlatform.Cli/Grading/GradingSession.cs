using System.Runtime.CompilerServices;
using System.Text;
using QuizPlatform.Cli.Json;
using QuizPlatform.Grading;
using QuizPlatform.Grading.Meaning;

namespace QuizPlatform.Cli.Grading;

/// <summary>
/// Grades request lines against keys compiled once per distinct (question, model answer, keywords, reference answers):
/// a file of 100,000 responses to a few questions extracts and compiles a few keys and spends its time in the grader.
/// Lines without keywords get them extracted from their model answer, with the question as the only context.
/// Not thread-safe: give each worker its own <see cref="ForAnotherThread"/>, which shares the compiled keys
/// (one extraction and one compiled key per question for the whole run, whichever worker meets it first).
/// With a sentence model, each key's <see cref="KeyMeaning"/> is built with it, once, the line's reference answers
/// (other than the model answer) encoded beside the model answer; without one they are not read.
/// </summary>
public sealed class GradingSession
{
    // Bounds memory on a file whose every line is a new question; a few thousand keys cover any real run.
    private const int MaxCachedKeys = 4096;

    private readonly Grader _grader;
    private readonly Dictionary<KeyIdentity, GradingKey> _keys;
    private readonly KeywordExtractor _extractor;
    private readonly ConditionalWeakTable<GradingKey, KeyMeaning> _meanings;
    private readonly StringBuilder _fingerprint = new();

    // The last few keys, compared field by field before anything is hashed: a file usually interleaves a handful
    // of questions, and comparing equal strings is cheaper than hashing and building a fingerprint every line.
    private readonly RecentKey?[] _recent = new RecentKey?[8];
    private int _nextRecent;

    /// <param name="encoder">The sentence model of the meaning pass; null grades by keywords alone.</param>
    public GradingSession(Grader grader, ITokenEncoder? encoder = null) : this(grader, [], new KeywordExtractor(), encoder, [])
    {
    }

    private GradingSession(Grader grader, Dictionary<KeyIdentity, GradingKey> keys, KeywordExtractor extractor,
        ITokenEncoder? encoder, ConditionalWeakTable<GradingKey, KeyMeaning> meanings) =>
        (_grader, _keys, _extractor, Encoder, _meanings) = (grader, keys, extractor, encoder, meanings);

    /// <summary>A session for another thread, sharing this one's compiled keys.</summary>
    public GradingSession ForAnotherThread() => new(_grader, _keys, _extractor, Encoder, _meanings);

    public Grader Grader => _grader;

    public ITokenEncoder? Encoder { get; }

    /// <summary>This thread's compiled keys by the raw bytes of their lines (see <see cref="GradeRequestReader"/>).</summary>
    public RawKeys RawKeys { get; } = new();

    /// <param name="response">The response encoded by <see cref="Encoder"/>; without it, keywords alone.</param>
    public GradeResult Grade(GradeRequest request, MeaningText? response = null)
    {
        var key = KeyOf(request);
        return _grader.Grade(key, request.Response!, request.Points ?? 1, response is null ? null : MeaningOf(key), response);
    }

    /// <summary>The request's compiled key, remembered in <see cref="GradeRequest.Key"/> and this thread's <see cref="RawKeys"/>.</summary>
    public GradingKey KeyOf(GradeRequest request)
    {
        var key = request.Key ??= KeyFor(request.Question!, request.EffectiveModelAnswer!, request.Keywords, request.ReferenceAnswers);
        if (request.RawKey is { } identity)
            RawKeys.Add(identity, key);
        return key;
    }

    /// <summary>What the meaning pass knows of the key's question; null without a model, or for keywords given without a model answer.</summary>
    public KeyMeaning? MeaningOf(GradingKey key) => _meanings.TryGetValue(key, out var meaning) ? meaning : null;

    public GradingKey KeyFor(string question, string modelAnswer, IReadOnlyList<KeywordLine>? keywords, IReadOnlyList<string>? referenceAnswers = null)
    {
        foreach (var recent in _recent)
        {
            if (recent is not null && recent.Question == question && recent.ModelAnswer == modelAnswer
                && SameKeywords(recent.Keywords, keywords) && SameStrings(recent.ReferenceAnswers, referenceAnswers))
                return recent.Key;
        }
        var key = KeyByIdentity(question, modelAnswer, keywords, referenceAnswers);
        _recent[_nextRecent] = new RecentKey(question, modelAnswer, keywords, referenceAnswers, key);
        _nextRecent = (_nextRecent + 1) % _recent.Length;
        return key;
    }

    private GradingKey KeyByIdentity(string question, string modelAnswer, IReadOnlyList<KeywordLine>? keywords, IReadOnlyList<string>? referenceAnswers)
    {
        var identity = new KeyIdentity(question, modelAnswer, Fingerprint(keywords), string.Join('\0', referenceAnswers ?? []));
        // Rare (a miss in the recent keys), so one lock for the shared table and extractor costs nothing.
        lock (_keys)
        {
            if (_keys.TryGetValue(identity, out var key))
                return key;
            IReadOnlyList<Keyword> list = keywords is { Count: > 0 }
                ? KeywordLines.ToKeywords(keywords)
                : _extractor.Extract([new QuestionText(question, modelAnswer)])[0];
            key = _grader.Compile(question, list);
            if (Encoder is not null && !string.IsNullOrWhiteSpace(modelAnswer))
                _meanings.Add(key, KeyMeaning.Build(Encoder, key, modelAnswer).WithReferenceAnswers(Encode(OtherAnswers(modelAnswer, referenceAnswers))));
            if (_keys.Count >= MaxCachedKeys)
                _keys.Clear();
            _keys.Add(identity, key);
            return key;
        }
    }

    /// <summary>The distinct reference answers that are not the model answer (an evaluation set lists it among them).</summary>
    private static List<string> OtherAnswers(string modelAnswer, IReadOnlyList<string>? referenceAnswers) =>
        [.. (referenceAnswers ?? []).Select(a => a.Trim()).Where(a => a.Length > 0 && a != modelAnswer.Trim()).Distinct(StringComparer.Ordinal)];

    private MeaningText[] Encode(List<string> texts) => texts.Count == 0 ? [] : MeaningText.Encode(Encoder!, texts);

    private string Fingerprint(IReadOnlyList<KeywordLine>? keywords)
    {
        if (keywords is not { Count: > 0 })
            return "";
        // The builder is reused: a miss in the recent keys builds the identity without a Keyword per line.
        _fingerprint.Clear();
        foreach (var k in keywords)
            KeywordIdentity.Append(_fingerprint, k.Phrase, k.Alternatives, k.Weight, k.Required);
        return _fingerprint.ToString();
    }

    private static bool SameKeywords(IReadOnlyList<KeywordLine>? a, IReadOnlyList<KeywordLine>? b)
    {
        var count = a?.Count ?? 0;
        if (count != (b?.Count ?? 0))
            return false;
        for (var i = 0; i < count; i++)
        {
            var (x, y) = (a![i], b![i]);
            // KeywordLine's record equality compares the alternatives lists by reference, not content.
            if (x.Phrase != y.Phrase || !x.Weight.Equals(y.Weight) || x.Required != y.Required
                || !SameStrings(x.Alternatives, y.Alternatives))
                return false;
        }
        return true;
    }

    private static bool SameStrings(IReadOnlyList<string>? a, IReadOnlyList<string>? b)
    {
        var count = a?.Count ?? 0;
        if (count != (b?.Count ?? 0))
            return false;
        for (var i = 0; i < count; i++)
            if (a![i] != b![i])
                return false;
        return true;
    }

    private sealed record RecentKey(string Question, string ModelAnswer, IReadOnlyList<KeywordLine>? Keywords, IReadOnlyList<string>? ReferenceAnswers, GradingKey Key);

    private readonly record struct KeyIdentity(string Question, string ModelAnswer, string Keywords, string ReferenceAnswers);
}
