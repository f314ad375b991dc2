namespace QuizPlatform.LoadHarness;

/// <summary>
/// Where an export is written in the benchmark: counts the bytes and the line breaks (a CSV's rows) and keeps none.
/// With <paramref name="probeEvery"/> it also takes the process's live managed heap (after a full collection) each
/// time that many more bytes have gone out, so the report can show what the export holds while it streams.
/// </summary>
public sealed class CountingStream(long probeEvery = 0) : Stream
{
    readonly long probeEvery = probeEvery;
    long nextProbe = probeEvery;

    public long Bytes { get; private set; }
    public long LineBreaks { get; private set; }
    public long PeakLiveHeap { get; private set; }
    public long PeakWorkingSet { get; private set; }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => Bytes;
    public override long Position { get => Bytes; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Bytes += buffer.Length;
        LineBreaks += buffer.Count((byte)'\n');
        if (probeEvery > 0 && Bytes >= nextProbe)
        {
            nextProbe = Bytes + probeEvery;
            PeakLiveHeap = Math.Max(PeakLiveHeap, GC.GetTotalMemory(forceFullCollection: true));
            PeakWorkingSet = Math.Max(PeakWorkingSet, Environment.WorkingSet);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush() { }
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
