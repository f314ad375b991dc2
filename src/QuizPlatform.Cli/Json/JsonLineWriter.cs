using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace QuizPlatform.Cli.Json;

/// <summary>
/// Writes one JSON document per line to a <see cref="TextWriter"/>, reusing its buffers from line to line so a
/// long <c>quiz grade</c> run allocates next to nothing here.
/// </summary>
public sealed class JsonLineWriter(TextWriter output) : IDisposable
{
    // Relaxed escaping keeps non-ASCII text (names, accents) readable; the output is never embedded in HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ArrayBufferWriter<byte> _bytes = new(4096);
    private Utf8JsonWriter? _json;
    private char[] _chars = ArrayPool<char>.Shared.Rent(4096);

    public void Write<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        _bytes.ResetWrittenCount();
        if (_json is null)
            _json = new Utf8JsonWriter(_bytes, WriterOptions);
        else
            _json.Reset(_bytes);
        JsonSerializer.Serialize(_json, value, typeInfo);
        _json.Flush();

        var utf8 = _bytes.WrittenSpan;
        var needed = Encoding.UTF8.GetMaxCharCount(utf8.Length);
        if (_chars.Length < needed)
        {
            ArrayPool<char>.Shared.Return(_chars);
            _chars = ArrayPool<char>.Shared.Rent(needed);
        }
        var count = Encoding.UTF8.GetChars(utf8, _chars);
        output.Write(_chars, 0, count);
        output.Write('\n');
    }

    public void Dispose()
    {
        _json?.Dispose();
        ArrayPool<char>.Shared.Return(_chars);
        _chars = [];
    }
}
