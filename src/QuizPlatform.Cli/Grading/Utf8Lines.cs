using System.Buffers;

namespace QuizPlatform.Cli.Grading;

/// <summary>
/// Cuts a UTF-8 stream into lines without decoding it: ends at '\n', a trailing '\r' dropped, a leading byte order
/// mark skipped (as <see cref="StreamReader"/> does). A line is valid until the next call.
/// </summary>
public sealed class Utf8Lines(Stream stream, int blockSize) : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(blockSize);
    private int _start, _end, _scanned;
    private bool _atEnd, _started;

    public bool TryRead(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_scanned, _end - _scanned).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = WithoutCr(_buffer.AsSpan(_start, _scanned + newline - _start));
                _start = _scanned = _scanned + newline + 1;
                return true;
            }
            _scanned = _end;
            if (_atEnd)
            {
                line = WithoutCr(_buffer.AsSpan(_start, _end - _start));
                var any = _start < _end;
                _start = _scanned = _end;
                return any;
            }
            Fill();
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            (_end, _scanned, _start) = (_end - _start, _scanned - _start, 0);
        }
        if (_end == _buffer.Length)
        {
            // One line longer than the buffer: grow to hold it.
            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, _end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        var read = stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
            _atEnd = true;
        _end += read;
        if (!_started && (_end >= 3 || _atEnd))
        {
            _started = true;
            if (_buffer.AsSpan(0, _end).StartsWith("\uFEFF"u8))
                _start = _scanned = 3;
        }
    }

    private static ReadOnlySpan<byte> WithoutCr(ReadOnlySpan<byte> line) =>
        line.EndsWith((byte)'\r') ? line[..^1] : line;

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
