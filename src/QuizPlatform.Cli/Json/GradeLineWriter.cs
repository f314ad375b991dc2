using System.Buffers.Text;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using QuizPlatform.Grading;

namespace QuizPlatform.Cli.Json;

/// <summary>
/// Writes one output line of <c>quiz grade</c> (see docs/cli.md) straight from a <see cref="GradeResult"/> into a
/// <see cref="Utf8JsonWriter"/>: no intermediate records, property names encoded once, and each keyword's phrase
/// encoded once per compiled key. The explanation is compact: each matched keyword's spans as
/// <c>[start, length, how]</c>, parallel to <c>"matched"</c>, and the negated keywords; nothing that
/// <c>"matched"</c> and <c>"missing"</c> already say, and no span text (the offsets point into the response).
/// Not thread-safe: one per worker.
/// </summary>
public sealed class GradeLineWriter
{
    // Relaxed escaping keeps non-ASCII text (names, accents) readable; the output is never embedded in HTML.
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    public static readonly JsonWriterOptions Options = new() { Encoder = Encoder };

    // A run sees a few keys; a file whose every line is a new question must not grow this without bound.
    private const int MaxCachedPhrases = 65_536;

    private static readonly JsonEncodedText Id = Name("id"), Score = Name("score"), Points = Name("points"),
        Coverage = Name("coverage"), Matched = Name("matched"), Missing = Name("missing"), Flags = Name("flags"),
        Explanation = Name("explanation"), Summary = Name("summary"), GraderVersion = Name("graderVersion"),
        Spans = Name("spans"), Negated = Name("negated"), Phrase = Name("phrase"), Line = Name("line"),
        Error = Name("error"), Basis = Name("basis"), SoftRecall = Name("softRecall"), OtherQuestion = Name("otherQuestion");

    // Each "how" as a JSON string value, quotes included (plain ASCII: nothing to escape).
    private static readonly byte[][] HowValues = Enum.GetValues<MatchKind>()
        .Select(kind => Encoding.UTF8.GetBytes($"\"{WireNames.Of(kind)}\"")).ToArray();

    // The widest span: "[", two ints, two commas, the longest "how", a similarity and its comma, "]", and the comma before it.
    private static readonly int MaxSpanBytes = 2 * 11 + 4 + HowValues.Max(how => how.Length) + 12;

    private byte[] _spans = new byte[4096];

    private readonly Dictionary<Keyword, JsonEncodedText> _phrases = new(ReferenceEqualityComparer.Instance);
    private string? _versionText;
    private JsonEncodedText _version;

    public void Write(Utf8JsonWriter json, string? id, GradeResult result, bool withSummary = false)
    {
        json.WriteStartObject();
        json.WriteString(Id, id);
        json.WriteNumber(Score, result.Score);
        json.WriteNumber(Points, result.Points);
        json.WriteNumber(Coverage, result.Coverage);
        if (result.SoftRecall is { } recall)
            json.WriteNumber(SoftRecall, recall);
        if (result.OtherQuestion is { } other)
            json.WriteString(OtherQuestion, other.Question);
        var keywords = result.Keywords;
        json.WriteStartArray(Matched);
        for (var i = 0; i < keywords.Count; i++)
            if (keywords[i].Matched)
                json.WriteStringValue(PhraseOf(keywords[i].Keyword));
        json.WriteEndArray();
        json.WriteStartArray(Missing);
        for (var i = 0; i < keywords.Count; i++)
            if (!keywords[i].Matched)
                json.WriteStringValue(PhraseOf(keywords[i].Keyword));
        json.WriteEndArray();
        json.WriteStartArray(Flags);
        foreach (var flag in FlagNames.Of(result.Flags))
            json.WriteStringValue(flag);
        json.WriteEndArray();
        json.WriteStartArray(Basis);
        foreach (var basis in result.Basis)
            json.WriteStringValue(basis);
        json.WriteEndArray();

        json.WriteStartObject(Explanation);
        if (withSummary)
            json.WriteString(Summary, result.Summary);
        json.WriteString(GraderVersion, VersionOf(result.GraderVersion));
        json.WritePropertyName(Spans);
        json.WriteRawValue(MatchedSpans(keywords), skipInputValidation: true);
        json.WriteStartArray(Negated);
        for (var i = 0; i < keywords.Count; i++)
            if (!keywords[i].Matched && keywords[i].Negated)
            {
                json.WriteStartObject();
                json.WriteString(Phrase, PhraseOf(keywords[i].Keyword));
                json.WritePropertyName(Spans);
                WriteSpans(json, keywords[i]);
                json.WriteEndObject();
            }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>The object written in place of a line that could not be graded.</summary>
    public static void WriteError(Utf8JsonWriter json, GradeError error)
    {
        json.WriteStartObject();
        json.WriteString(Id, error.Id);
        json.WriteNumber(Line, error.Line);
        json.WriteString(Error, error.Error);
        json.WriteEndObject();
    }

    // [[start, length], ...] of a negated keyword.
    private static void WriteSpans(Utf8JsonWriter json, KeywordMatch match)
    {
        json.WriteStartArray();
        foreach (var span in match.Spans)
        {
            json.WriteStartArray();
            json.WriteNumberValue(span.Start);
            json.WriteNumberValue(span.Length);
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }

    /// <summary>
    /// [[[start, length, how], ...], ...] for the matched keywords (a match by meaning adds its similarity:
    /// [start, length, "meaning", 0.78]), formatted straight into bytes: the spans are most
    /// of a line's values, and a writer call per bracket and number cost more than the rest of the line.
    /// </summary>
    private ReadOnlySpan<byte> MatchedSpans(IReadOnlyList<KeywordMatch> keywords)
    {
        var at = 0;
        Put((byte)'[');
        var firstKeyword = true;
        for (var i = 0; i < keywords.Count; i++)
        {
            if (!keywords[i].Matched)
                continue;
            if (!firstKeyword)
                Put((byte)',');
            firstKeyword = false;
            Put((byte)'[');
            var how = keywords[i].How is { } kind ? HowValues[(int)kind] : null;
            var spans = keywords[i].Spans;
            for (var s = 0; s < spans.Count; s++)
            {
                if (_spans.Length - at < MaxSpanBytes + 2)
                    Array.Resize(ref _spans, _spans.Length * 2);
                if (s > 0)
                    _spans[at++] = (byte)',';
                _spans[at++] = (byte)'[';
                Utf8Formatter.TryFormat(spans[s].Start, _spans.AsSpan(at), out var written);
                at += written;
                _spans[at++] = (byte)',';
                Utf8Formatter.TryFormat(spans[s].Length, _spans.AsSpan(at), out written);
                at += written;
                if (how is not null)
                {
                    _spans[at++] = (byte)',';
                    how.CopyTo(_spans, at);
                    at += how.Length;
                }
                if (keywords[i].Similarity is { } similarity)
                {
                    _spans[at++] = (byte)',';
                    Utf8Formatter.TryFormat(Math.Round(similarity, 2), _spans.AsSpan(at), out written);
                    at += written;
                }
                _spans[at++] = (byte)']';
            }
            Put((byte)']');
        }
        Put((byte)']');
        return _spans.AsSpan(0, at);

        void Put(byte b)
        {
            if (at == _spans.Length)
                Array.Resize(ref _spans, _spans.Length * 2);
            _spans[at++] = b;
        }
    }

    // Keyed by the compiled key's Keyword instance: the same for every line graded against that key.
    private JsonEncodedText PhraseOf(Keyword keyword)
    {
        if (_phrases.TryGetValue(keyword, out var encoded))
            return encoded;
        if (_phrases.Count >= MaxCachedPhrases)
            _phrases.Clear();
        return _phrases[keyword] = JsonEncodedText.Encode(keyword.Phrase, Encoder);
    }

    private JsonEncodedText VersionOf(string version)
    {
        if (!ReferenceEquals(version, _versionText))
            (_versionText, _version) = (version, JsonEncodedText.Encode(version, Encoder));
        return _version;
    }

    private static JsonEncodedText Name(string name) => JsonEncodedText.Encode(name, Encoder);
}
