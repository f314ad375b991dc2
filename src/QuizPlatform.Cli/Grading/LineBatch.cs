using System.Buffers;
using System.Text;
using System.Text.Json;
using QuizPlatform.Cli.Json;

namespace QuizPlatform.Cli.Grading;

/// <summary>
/// A run of input lines (UTF-8, without their newlines) and, once a worker has graded them, their output lines.
/// Batches are recycled: their buffers grow to the largest batch seen and stay.
/// </summary>
public sealed class LineBatch
{
    private byte[] _input = ArrayPool<byte>.Shared.Rent(1 << 18);
    private readonly List<(int Start, int Length, int Number)> _lines = [];

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
    /// </summary>
    public void Grade(GradingSession session, GradeLineWriter writer, Utf8JsonWriter json, ArrayBufferWriter<byte> scratch)
    {
        foreach (var (start, length, number) in _lines)
        {
            scratch.ResetWrittenCount();
            json.Reset(scratch);
            var (request, error) = GradeRequestReader.Read(_input.AsSpan(start, length), number, session.RawKeys);
            if (error is null)
            {
                try
                {
                    var result = session.Grade(request!);
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

    public void Clear()
    {
        _lines.Clear();
        InputBytes = 0;
        Failed = 0;
        Output.ResetWrittenCount();
        Done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
