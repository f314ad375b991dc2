using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace QuizPlatform.Cli.Json;

/// <summary>
/// Writes one JSON document per line, reusing its buffers from line to line. Given a stream (a file, the console)
/// it writes the UTF-8 bytes straight through in 64 KB blocks; given any other <see cref="TextWriter"/> (tests) it
/// decodes each line into it. Call <see cref="Flush"/> (or dispose) at the end.
/// </summary>
public sealed class JsonLineWriter : IDisposable
{
    private const int BlockSize = 1 << 16;

    private readonly Stream? _stream;
    private readonly TextWriter? _text;
    private readonly ArrayBufferWriter<byte> _bytes = new(BlockSize + 4096);
    private readonly Utf8JsonWriter _json;
    private char[] _chars = [];

    /// <summary>
    /// Writes to <paramref name="output"/>; when it is a <see cref="StreamWriter"/> (a file, the console), to its
    /// underlying stream, bypassing the UTF-16 round trip.
    /// </summary>
    public JsonLineWriter(TextWriter output)
    {
        if (output is StreamWriter { BaseStream: { CanWrite: true } stream } streamWriter
            && streamWriter.Encoding is UTF8Encoding)
        {
            streamWriter.Flush();
            _stream = stream;
        }
        else
        {
            _text = output;
        }
        _json = new Utf8JsonWriter(_bytes, GradeLineWriter.Options);
    }

    public void Write<T>(T value, JsonTypeInfo<T> typeInfo) =>
        Write((json, v) => JsonSerializer.Serialize(json, v, typeInfo), value);

    /// <summary>Writes one line: <paramref name="write"/> writes a single JSON value into the writer it is given.</summary>
    public void Write<TState>(Action<Utf8JsonWriter, TState> write, TState state)
    {
        var start = _bytes.WrittenCount;
        _json.Reset(_bytes);
        write(_json, state);
        _json.Flush();
        _bytes.GetSpan(1)[0] = (byte)'\n';
        _bytes.Advance(1);

        if (_stream is not null)
        {
            if (_bytes.WrittenCount >= BlockSize)
                Flush();
            return;
        }
        WriteText(_bytes.WrittenSpan[start..]);
        _bytes.ResetWrittenCount();
    }

    /// <summary>Writes whole lines already encoded as UTF-8 (each ending in a newline).</summary>
    public void WriteLines(ReadOnlySpan<byte> utf8)
    {
        if (_stream is null)
        {
            WriteText(utf8);
            return;
        }
        if (_bytes.WrittenCount > 0)
            Flush();
        _stream.Write(utf8);
    }

    private void WriteText(ReadOnlySpan<byte> utf8)
    {
        var needed = Encoding.UTF8.GetMaxCharCount(utf8.Length);
        if (_chars.Length < needed)
        {
            if (_chars.Length > 0)
                ArrayPool<char>.Shared.Return(_chars);
            _chars = ArrayPool<char>.Shared.Rent(needed);
        }
        var count = Encoding.UTF8.GetChars(utf8, _chars);
        _text!.Write(_chars, 0, count);
    }

    public void Flush()
    {
        if (_stream is not null && _bytes.WrittenCount > 0)
        {
            _stream.Write(_bytes.WrittenSpan);
            _stream.Flush();
            _bytes.ResetWrittenCount();
        }
        _text?.Flush();
    }

    public void Dispose()
    {
        Flush();
        _json.Dispose();
        if (_chars.Length > 0)
            ArrayPool<char>.Shared.Return(_chars);
        _chars = [];
    }
}
