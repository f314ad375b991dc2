using System.Threading.Channels;

namespace QuizPlatform.Web.Features.Grading;

/// <summary>
/// Wakes a worker that waits for work in the database: a ring while one is pending is dropped, as the worker claims
/// until nothing is left. Work handed in on another instance rings nothing here, so the wait also ends after a poll
/// interval (on the app's clock, so tests move it).
/// </summary>
sealed class Doorbell
{
    readonly Channel<bool> rings = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Ring() => rings.Writer.TryWrite(true);

    /// <summary>Waits for a ring or for <paramref name="poll"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan poll, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(poll, clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            // WaitToReadAsync takes nothing, so a ring that comes after the timeout is kept for the next wait.
            await rings.Reader.WaitToReadAsync(either.Token);
            rings.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }
}
