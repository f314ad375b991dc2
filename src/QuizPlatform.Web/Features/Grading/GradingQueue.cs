using System.Threading.Channels;

namespace QuizPlatform.Web.Features.Grading;

/// <summary>Submitted attempts waiting to be graded; submitting only enqueues, so no page waits for grading.</summary>
public sealed class GradingQueue
{
    readonly Channel<int> attempts = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = false });

    public void Enqueue(int attemptId) => attempts.Writer.TryWrite(attemptId);

    public ChannelReader<int> Reader => attempts.Reader;
}
