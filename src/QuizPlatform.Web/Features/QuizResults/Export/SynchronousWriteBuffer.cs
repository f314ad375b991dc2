namespace QuizPlatform.Web.Features.QuizResults.Export;

/// <summary>
/// Lets a writer that makes a few synchronous writes stream to a response body, which refuses them
/// (Kestrel's AllowSynchronousIO is off). System.IO.Compression writes each zip entry's data descriptor and the
/// central directory synchronously when SpreadCheetah disposes it: those bytes (tens per entry) wait here, in order,
/// and go out with the next asynchronous write or <see cref="FlushAsync(CancellationToken)"/>. Everything else passes
/// straight through. The output stream is left open.
/// </summary>
internal sealed class SynchronousWriteBuffer(Stream output) : Stream
{
    private readonly MemoryStream pending = new();

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => pending.Write(buffer, offset, count);
    public override void Write(ReadOnlySpan<byte> buffer) => pending.Write(buffer);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await DrainAsync(cancellationToken);
        await output.WriteAsync(buffer, cancellationToken);
    }

    // Nothing can reach the output synchronously; the pending bytes go with the next asynchronous call.
    public override void Flush() { }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await DrainAsync(cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        if (pending.Length == 0) return;
        await output.WriteAsync(pending.GetBuffer().AsMemory(0, (int)pending.Length), cancellationToken);
        pending.SetLength(0);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
