using System.Text;
using QuizPlatform.Cli.Json;
using QuizPlatform.Grading;

namespace QuizPlatform.Cli.Grading;

/// <summary>
/// Grades request lines against keys compiled once per distinct (question, model answer, keywords): a file of
/// 100,000 responses to a few questions extracts and compiles a few keys and spends its time in the grader.
/// Lines without keywords get them extracted from their model answer, with the question as the only context.
/// </summary>
public sealed class GradingSession(Grader grader)
{
    // Bounds memory on a file whose every line is a new question; a few thousand keys cover any real run.
    private const int MaxCachedKeys = 4096;

    private readonly Dictionary<KeyIdentity, GradingKey> _keys = [];
    private readonly KeywordExtractor _extractor = new();
    private readonly StringBuilder _fingerprint = new();

    public GradeResult Grade(GradeRequest request) =>
        grader.Grade(KeyFor(request.Question!, request.EffectiveModelAnswer!, request.Keywords), request.Response!, request.Points ?? 1);

    public GradingKey KeyFor(string question, string modelAnswer, IReadOnlyList<KeywordLine>? keywords)
    {
        var identity = new KeyIdentity(question, modelAnswer, Fingerprint(keywords));
        if (_keys.TryGetValue(identity, out var key))
            return key;

        IReadOnlyList<Keyword> list = keywords is { Count: > 0 }
            ? KeywordLines.ToKeywords(keywords)
            : _extractor.Extract([new QuestionText(question, modelAnswer)])[0];
        key = grader.Compile(question, list);
        if (_keys.Count >= MaxCachedKeys)
            _keys.Clear();
        _keys.Add(identity, key);
        return key;
    }

    private string Fingerprint(IReadOnlyList<KeywordLine>? keywords)
    {
        if (keywords is not { Count: > 0 })
            return "";
        // Unit and record separators cannot be confused with keyword text.
        _fingerprint.Clear();
        foreach (var k in keywords)
        {
            _fingerprint.Append(k.Phrase).Append('\u001f').Append(k.Weight).Append('\u001f').Append(k.Required);
            if (k.Alternatives is not null)
                foreach (var alternative in k.Alternatives)
                    _fingerprint.Append('\u001f').Append(alternative);
            _fingerprint.Append('\u001e');
        }
        return _fingerprint.ToString();
    }

    private readonly record struct KeyIdentity(string Question, string ModelAnswer, string Keywords);
}
