using System.Text.Json;
using QuizPlatform.Cli.Json;

namespace QuizPlatform.Cli.Grading;

/// <summary>Reads and checks one JSON line of <c>quiz grade</c> or <c>quiz evaluate</c> input.</summary>
public static class GradeRequestReader
{
    /// <summary>Null error means the request can be graded.</summary>
    public static (GradeRequest? Request, GradeError? Error) Read(string line, int lineNumber)
    {
        try
        {
            return Check(JsonSerializer.Deserialize(line, CliJsonContext.Default.GradeRequest), lineNumber);
        }
        catch (JsonException e)
        {
            return NotJson(e, lineNumber);
        }
    }

    /// <summary>The same from the line's UTF-8 bytes, without decoding the whole line to a string first.</summary>
    public static (GradeRequest? Request, GradeError? Error) Read(ReadOnlySpan<byte> line, int lineNumber)
    {
        try
        {
            return Check(JsonSerializer.Deserialize(line, CliJsonContext.Default.GradeRequest), lineNumber);
        }
        catch (JsonException e)
        {
            return NotJson(e, lineNumber);
        }
    }

    private static (GradeRequest?, GradeError?) NotJson(JsonException e, int lineNumber) =>
        (null, new GradeError(null, lineNumber, $"Not a valid JSON object: {FirstSentence(e.Message)}"));

    private static (GradeRequest?, GradeError?) Check(GradeRequest? request, int lineNumber)
    {
        if (request is null)
            return (null, new GradeError(null, lineNumber, "Not a valid JSON object: the line is null."));
        var problem = Problem(request);
        return problem is null ? (request, null) : (request, new GradeError(request.Id, lineNumber, problem));
    }

    private static string? Problem(GradeRequest request)
    {
        if (request.Response is null)
            return "\"response\" is missing.";
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
        if (request.Points is { } points && (!double.IsFinite(points) || points <= 0))
            return "\"points\" must be a positive number.";
        request.Question ??= "";
        request.ModelAnswer ??= request.ModelAnswerSnakeCase ?? "";
        return null;
    }

    // System.Text.Json appends a path and position that mean nothing to the person who wrote the line.
    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
