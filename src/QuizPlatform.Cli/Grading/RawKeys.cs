using QuizPlatform.Grading;

namespace QuizPlatform.Cli.Grading;

/// <summary>
/// What one worker has seen of the long values that decide a line's compiled key: the raw JSON tokens (before any
/// unescaping) of recent questions, model answers and keyword arrays, and the compiled key of each combination.
/// A line that repeats known tokens byte for byte needs none of them tokenised or decoded. Lines that spell the
/// same values differently (escapes, spacing in "keywords") just miss and go the decoded way. Not thread-safe.
/// </summary>
public sealed class RawKeys
{
    // Per kind of token: a quiz with more questions than this interleaved in one file misses and decodes.
    private const int TokensPerKind = 32;
    // A file whose every line is a new question must not grow this without bound.
    private const int MaxKeys = 4096;

    private readonly RawToken?[][] _tokens = [.. Enum.GetValues<RawTokenKind>().Select(_ => new RawToken?[TokensPerKind])];
    private readonly int[] _next = new int[Enum.GetValues<RawTokenKind>().Length];
    private readonly Dictionary<(RawToken?, RawToken?, RawToken?, RawToken?), GradingKey> _keys = [];

    /// <summary>The known token that <paramref name="rest"/> starts with, if any.</summary>
    public RawToken? Match(RawTokenKind kind, ReadOnlySpan<byte> rest)
    {
        foreach (var token in _tokens[(int)kind])
            if (token is not null && rest.StartsWith(token.Bytes))
                return token;
        return null;
    }

    /// <summary>Remembers a token the JSON reader has just read (so it is well-formed) for later lines.</summary>
    public RawToken Remember(RawTokenKind kind, ReadOnlySpan<byte> bytes)
    {
        var token = new RawToken(bytes.ToArray());
        var tokens = _tokens[(int)kind];
        tokens[_next[(int)kind]] = token;
        _next[(int)kind] = (_next[(int)kind] + 1) % tokens.Length;
        return token;
    }

    public GradingKey? Find(RawKeyIdentity identity) =>
        identity.IsComplete && _keys.TryGetValue(identity.Tuple, out var key) ? key : null;

    public void Add(RawKeyIdentity identity, GradingKey key)
    {
        if (!identity.IsComplete)
            return;
        if (_keys.Count >= MaxKeys)
            _keys.Clear();
        _keys[identity.Tuple] = key;
    }
}

public enum RawTokenKind { Question, ModelAnswer, Keywords, ReferenceAnswers }

/// <summary>A JSON token as it appeared in a line, compared by reference once known.</summary>
public sealed class RawToken(byte[] bytes)
{
    public byte[] Bytes { get; } = bytes;
}

/// <summary>
/// The tokens of a line's question, model answer, keywords and reference answers (null where absent or JSON null);
/// incomplete when one of them was present but is not remembered.
/// </summary>
public readonly record struct RawKeyIdentity(RawToken? Question, RawToken? ModelAnswer, RawToken? Keywords, RawToken? ReferenceAnswers, bool IsComplete)
{
    public (RawToken?, RawToken?, RawToken?, RawToken?) Tuple => (Question, ModelAnswer, Keywords, ReferenceAnswers);
}

/// <summary>Where a value's JSON token lies in its line; empty when the property is absent or null.</summary>
public readonly record struct TokenRange(int Start, int End)
{
    public bool IsEmpty => End <= Start;
}

/// <summary>A located value: its range in the line and, when a worker remembers it, its known token.</summary>
public readonly record struct LocatedToken(TokenRange Range, RawToken? Known);

/// <summary>The values of a line that decide its compiled key.</summary>
public struct KeySource
{
    public LocatedToken Question, ModelAnswer, ModelAnswerSnakeCase, Keywords, ReferenceAnswers;

    /// <summary>
    /// As <see cref="GradeRequest.EffectiveModelAnswer"/> (modelAnswer unless absent or null); complete when every
    /// present value has a known token.
    /// </summary>
    public readonly RawKeyIdentity Identity(bool remembered)
    {
        var answer = ModelAnswer.Range.IsEmpty ? ModelAnswerSnakeCase : ModelAnswer;
        return new RawKeyIdentity(Question.Known, answer.Known, Keywords.Known, ReferenceAnswers.Known, remembered);
    }
}
