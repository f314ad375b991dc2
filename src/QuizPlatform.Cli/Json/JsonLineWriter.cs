using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
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

    // Relaxed escaping keeps non-ASCII text (names, accents) readable; the output is never embedded in HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

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
        _json = new Utf8JsonWriter(_bytes, WriterOptions);
    }

    public void Write<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var start = _bytes.WrittenCount;
        _json.Reset(_bytes);
        JsonSerializer.Serialize(_json, value, typeInfo);
        _json.Flush();
        _bytes.GetSpan(1)[0] = (byte)'\n';
        _bytes.Advance(1);

        if (_stream is not null)
        {
            if (_bytes.WrittenCount >= BlockSize)
                Flush();
            return;
        }
        var line = _bytes.WrittenSpan[start..];
        var needed = Encoding.UTF8.GetMaxCharCount(line.Length);
        if (_chars.Length < needed)
        {
            if (_chars.Length > 0)
                ArrayPool<char>.Shared.Return(_chars);
            _chars = ArrayPool<char>.Shared.Rent(needed);
        }
        var count = Encoding.UTF8.GetChars(line, _chars);
        _text!.Write(_chars, 0, count);
        _bytes.ResetWrittenCount();
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
