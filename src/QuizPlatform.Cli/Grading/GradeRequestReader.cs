using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using QuizPlatform.Cli.Json;

namespace QuizPlatform.Cli.Grading;

/// <summary>
/// Reads and checks one JSON line of <c>quiz grade</c> or <c>quiz evaluate</c> input. The line's top-level
/// properties are read by hand from its UTF-8 bytes. "question", the model answer, "keywords" and the reference
/// answers repeat on every line of a bulk file and are most of its bytes: a value that is byte for byte one a worker
/// has seen (its <see cref="RawKeys"/>) is stepped over without being tokenised, and they are decoded only when the
/// combination has no compiled key yet.
/// </summary>
public static class GradeRequestReader
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    // The reader's state just after a property's value inside the top-level object: reading resumes from it
    // behind a value that was recognised rather than read.
    private static readonly JsonReaderState AfterValue = StateAfterValue();

    /// <summary>Null error means the request can be graded.</summary>
    public static (GradeRequest? Request, GradeError? Error) Read(string line, int lineNumber) =>
        Read(Encoding.UTF8.GetBytes(line), lineNumber, keys: null);

    /// <summary>
    /// The same from the line's UTF-8 bytes. With <paramref name="keys"/>, a line whose question, model answer and
    /// keywords are byte for byte those of an earlier line gets that line's compiled key in
    /// <see cref="GradeRequest.Key"/> and leaves them undecoded.
    /// </summary>
    public static (GradeRequest? Request, GradeError? Error) Read(ReadOnlySpan<byte> line, int lineNumber, RawKeys? keys)
    {
        GradeRequest request;
        KeySource source;
        try
        {
            (request, source) = ReadTopLevel(line, keys);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return (null, new GradeError(null, lineNumber, $"Not a valid JSON object: {FirstSentence(e.Message)}"));
        }
        catch (InvalidLineException e)
        {
            return (e.Request, new GradeError(e.Request?.Id, lineNumber, e.Message));
        }

        var identity = source.Identity(keys is not null);
        if (keys?.Find(identity) is { } key)
            request.Key = key;
        else
        {
            try
            {
                Decode(line, source, request);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                return (request, new GradeError(request.Id, lineNumber, $"Not a valid JSON object: {FirstSentence(e.Message)}"));
            }
            request.RawKey = identity;
        }
        var problem = Problem(request);
        return problem is null ? (request, null) : (request, new GradeError(request.Id, lineNumber, problem));
    }

    private static (GradeRequest, KeySource) ReadTopLevel(ReadOnlySpan<byte> line, RawKeys? keys)
    {
        var reader = new Utf8JsonReader(line, Options);
        var offset = 0; // where the reader's slice of the line starts
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
            throw new InvalidLineException(null, "Not a valid JSON object: the line is null.");
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new InvalidLineException(null, "Not a valid JSON object: the line is not an object.");
        var request = new GradeRequest();
        var source = new KeySource();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // Matched on the unescaped name, as the serializer would; the last of duplicate properties wins.
            if (reader.ValueTextEquals("id"u8)) { reader.Read(); request.Id = Id(ref reader, request); }
            else if (reader.ValueTextEquals("response"u8)) request.Response = String(ref reader, "response", request);
            else if (reader.ValueTextEquals("points"u8)) request.Points = Number(ref reader, "points", request);
            else if (reader.ValueTextEquals("assignment"u8)) request.Assignment = String(ref reader, "assignment", request);
            else if (reader.ValueTextEquals("question"u8))
                source.Question = Located(ref reader, ref offset, line, keys, RawTokenKind.Question, "question", request);
            else if (reader.ValueTextEquals("modelAnswer"u8))
                source.ModelAnswer = Located(ref reader, ref offset, line, keys, RawTokenKind.ModelAnswer, "modelAnswer", request);
            else if (reader.ValueTextEquals("model_answer"u8))
                source.ModelAnswerSnakeCase = Located(ref reader, ref offset, line, keys, RawTokenKind.ModelAnswer, "model_answer", request);
            else if (reader.ValueTextEquals("keywords"u8))
                source.Keywords = Located(ref reader, ref offset, line, keys, RawTokenKind.Keywords, "keywords", request);
            else if (reader.ValueTextEquals("referenceAnswers"u8) || reader.ValueTextEquals("reference_answers"u8))
                source.ReferenceAnswers = Located(ref reader, ref offset, line, keys, RawTokenKind.ReferenceAnswers, "referenceAnswers", request);
            else if (reader.ValueTextEquals("humanScore"u8)) request.HumanScore = Number(ref reader, "humanScore", request);
            else if (reader.ValueTextEquals("humanLabel"u8)) request.HumanLabel = String(ref reader, "humanLabel", request);
            else if (reader.ValueTextEquals("label_2way"u8)) request.Label2Way = String(ref reader, "label_2way", request);
            else { reader.Read(); reader.Skip(); }
        }
        // Throws on anything but whitespace and comments after the object, as the serializer does.
        if (reader.Read())
            throw new InvalidLineException(request, "Not a valid JSON object: more than one JSON value on the line.");
        return (request, source);
    }

    /// <summary>
    /// Where the value of a question, model answer or keywords property lies, the reader left behind it. A value
    /// that begins with a token <paramref name="keys"/> knows is that token (a string ends at its closing quote, an
    /// array at its closing bracket) and is not read again.
    /// </summary>
    private static LocatedToken Located(ref Utf8JsonReader reader, ref int offset, ReadOnlySpan<byte> line, RawKeys? keys,
        RawTokenKind kind, string name, GradeRequest request)
    {
        var at = offset + (int)reader.BytesConsumed;
        while (at < line.Length && line[at] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            at++;
        if (keys?.Match(kind, line[at..]) is { } known)
        {
            offset = at + known.Bytes.Length;
            reader = new Utf8JsonReader(line[offset..], isFinalBlock: true, AfterValue);
            return new LocatedToken(new TokenRange(at, offset), known);
        }

        reader.Read();
        var start = offset + (int)reader.TokenStartIndex;
        TokenRange range;
        if (reader.TokenType == JsonTokenType.Null)
            return default;
        if (kind is RawTokenKind.Keywords or RawTokenKind.ReferenceAnswers)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
                throw new InvalidLineException(request, $"\"{name}\" must be an array.");
            reader.Skip();
            range = new TokenRange(start, offset + (int)reader.BytesConsumed);
        }
        else
        {
            if (reader.TokenType != JsonTokenType.String)
                throw new InvalidLineException(request, $"\"{name}\" must be a string.");
            range = new TokenRange(start, start + reader.ValueSpan.Length + 2);
        }
        return new LocatedToken(range, keys?.Remember(kind, line[range.Start..range.End]));
    }

    private static void Decode(ReadOnlySpan<byte> line, KeySource source, GradeRequest request)
    {
        request.Question = DecodeString(line, source.Question.Range);
        request.ModelAnswer = DecodeString(line, source.ModelAnswer.Range);
        request.ModelAnswerSnakeCase = DecodeString(line, source.ModelAnswerSnakeCase.Range);
        if (source.Keywords.Range is { IsEmpty: false } keywords)
            request.Keywords = JsonSerializer.Deserialize(line[keywords.Start..keywords.End], CliJsonContext.Default.ListKeywordLine);
        if (source.ReferenceAnswers.Range is { IsEmpty: false } references)
            request.ReferenceAnswers = JsonSerializer.Deserialize(line[references.Start..references.End], CliJsonContext.Default.ListString);
    }

    private static string? DecodeString(ReadOnlySpan<byte> line, TokenRange token)
    {
        if (token.IsEmpty)
            return null;
        var reader = new Utf8JsonReader(line[token.Start..token.End]);
        reader.Read();
        return reader.GetString();
    }

    private static string? Id(ref Utf8JsonReader reader, GradeRequest request) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.Null => null,
        _ => throw new InvalidLineException(request, "\"id\" must be a string or a number."),
    };

    private static string? String(ref Utf8JsonReader reader, string name, GradeRequest request)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw new InvalidLineException(request, $"\"{name}\" must be a string."),
        };
    }

    // A number, or a string holding one (the serializer's AllowReadingFromString), or null.
    private static double? Number(ref Utf8JsonReader reader, string name, GradeRequest request)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value))
            return value;
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped
            && Utf8Parser.TryParse(reader.ValueSpan, out value, out var consumed) && consumed == reader.ValueSpan.Length)
            return value;
        throw new InvalidLineException(request, $"\"{name}\" must be a number.");
    }

    private static string? Problem(GradeRequest request)
    {
        if (request.Response is null)
            return "\"response\" is missing.";
        if (request.Key is null)
        {
            if (request.Keywords is { Count: > 0 } keywords)
            {
                foreach (var keyword in keywords)
                {
                    if (string.IsNullOrWhiteSpace(keyword?.Phrase))
                        return "Every keyword needs a \"phrase\".";
                    if (!double.IsFinite(keyword.Weight) || keyword.Weight < 0)
                        return $"Keyword \"{keyword.Phrase}\" has a weight that is not a non-negative number.";
                }
            }
            else if (string.IsNullOrWhiteSpace(request.EffectiveModelAnswer))
            {
                return "\"modelAnswer\" is missing (needed to extract keywords when \"keywords\" is not given).";
            }
        }
        if (request.ReferenceAnswers?.Contains(null!) == true)
            return "\"referenceAnswers\" must be an array of strings.";
        if (request.Points is { } points && (!double.IsFinite(points) || points <= 0))
            return "\"points\" must be a positive number.";
        request.Question ??= "";
        request.ModelAnswer ??= request.ModelAnswerSnakeCase ?? "";
        return null;
    }

    private static JsonReaderState StateAfterValue()
    {
        var reader = new Utf8JsonReader("{\"a\":\"\""u8, isFinalBlock: false, new JsonReaderState(Options));
        while (reader.TokenType != JsonTokenType.String)
            reader.Read();
        return reader.CurrentState;
    }

    // Invalid UTF-8 or a lone surrogate escape makes GetString throw InvalidOperationException (the serializer
    // wraps it in a JsonException). System.Text.Json appends a path and position that mean nothing to the person who wrote the line.
    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    private sealed class InvalidLineException(GradeRequest? request, string message) : Exception(message)
    {
        public GradeRequest? Request { get; } = request;
    }
}
