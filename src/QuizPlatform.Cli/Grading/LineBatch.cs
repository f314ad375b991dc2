using System.Buffers;
using System.Text;
using System.Text.Json;
using QuizPlatform.Cli.Json;
using QuizPlatform.Grading.Meaning;

namespace QuizPlatform.Cli.Grading;

/// <summary>
/// A run of input lines (UTF-8, without their newlines) and, once a worker has graded them, their output lines.
/// Batches are recycled: their buffers grow to the largest batch seen and stay.
/// </summary>
public sealed class LineBatch
{
    private byte[] _input = ArrayPool<byte>.Shared.Rent(1 << 18);
    private readonly List<(int Start, int Length, int Number)> _lines = [];
    private readonly List<(GradeRequest? Request, GradeError? Error)> _requests = [];

    public ArrayBufferWriter<byte> Output { get; } = new(1 << 18);
    public int InputBytes { get; private set; }
    public int Count => _lines.Count;
    public int Failed { get; private set; }

    /// <summary>Completes when <see cref="Output"/> holds every line of the batch.</summary>
    public TaskCompletionSource Done { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Add(ReadOnlySpan<byte> line, int number)
    {
        if (InputBytes + line.Length > _input.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_input.Length * 2, InputBytes + line.Length));
            _input.AsSpan(0, InputBytes).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_input);
            _input = larger;
        }
        line.CopyTo(_input.AsSpan(InputBytes));
        _lines.Add((InputBytes, line.Length, number));
        InputBytes += line.Length;
    }

    public void Add(string line, int number)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(line.Length));
        Add(bytes.AsSpan(0, Encoding.UTF8.GetBytes(line, bytes)), number);
        ArrayPool<byte>.Shared.Return(bytes);
    }

    /// <summary>
    /// Parses, grades and writes every line, in order; a line that cannot be graded gets its error object. Each
    /// line is written to <paramref name="scratch"/> first, so a failure half-way through writing leaves no trace.
    /// With a sentence model, the batch's distinct responses are encoded in one call before any line is graded.
    /// </summary>
    public void Grade(GradingSession session, GradeLineWriter writer, Utf8JsonWriter json, ArrayBufferWriter<byte> scratch)
    {
        _requests.Clear();
        foreach (var (start, length, number) in _lines)
            _requests.Add(GradeRequestReader.Read(_input.AsSpan(start, length), number, session.RawKeys));
        var encoded = session.Encoder is null ? null : Encode(session);
        for (var i = 0; i < _requests.Count; i++)
        {
            var (request, error) = _requests[i];
            var number = _lines[i].Number;
            scratch.ResetWrittenCount();
            json.Reset(scratch);
            if (error is null)
            {
                try
                {
                    var result = session.Grade(request!, encoded?.GetValueOrDefault(request!.Response!));
                    writer.Write(json, request!.Id, result);
                }
                catch (ArgumentException e)
                {
                    error = new GradeError(request!.Id, number, e.Message);
                }
            }
            if (error is not null)
            {
                Failed++;
                scratch.ResetWrittenCount();
                json.Reset(scratch);
                GradeLineWriter.WriteError(json, error);
            }
            json.Flush();
            Output.Write(scratch.WrittenSpan);
            Output.Write("\n"u8);
        }
    }

    // Responses over the grader's limit are refused by the grader, so they are not encoded.
    private Dictionary<string, MeaningText> Encode(GradingSession session)
    {
        var limit = session.Grader.Options.MaxResponseChars;
        var texts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (request, error) in _requests)
            if (error is null && request!.Response!.Length <= limit && HasMeaning(session, request))
                texts.Add(request.Response);
        return MeaningText.EncodeDistinct(session.Encoder!, texts);
    }

    private static bool HasMeaning(GradingSession session, GradeRequest request)
    {
        try
        {
            return session.MeaningOf(session.KeyOf(request)) is not null;
        }
        catch (ArgumentException)
        {
            return false; // reported when the line is graded
        }
    }

    public void Clear()
    {
        _lines.Clear();
        _requests.Clear();
        InputBytes = 0;
        Failed = 0;
        Output.ResetWrittenCount();
        Done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
