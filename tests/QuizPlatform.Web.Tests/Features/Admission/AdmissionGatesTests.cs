using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using QuizPlatform.Web.Features.Admission;
using QuizPlatform.Web.Features.Observability;

namespace QuizPlatform.Web.Tests.Features.Admission;

/// <summary>One gate's queue: first come first served, bounded in length and in time, with an honest wait when refused.</summary>
public sealed class AdmissionGatesTests : IDisposable
{
    readonly FakeTimeProvider _clock = new();
    readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    AdmissionGates Gates(int permits, int queue, int maxRetryAfterSeconds = 30) => new(Options.Create(new AdmissionOptions
    {
        Start = new GateOptions { PermitLimit = permits, QueueLimit = queue, QueueTimeout = TimeSpan.FromSeconds(10) },
        MaxRetryAfter = TimeSpan.FromSeconds(maxRetryAfterSeconds),
    }), _clock, new QuizMetrics(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()));

    [Fact]
    public async Task AWaitingRequestGetsTheFreedPlaceARequestPastTheQueueIsRefusedAndNoneWaitsPastTheTimeout()
    {
        using var gates = Gates(permits: 1, queue: 1);

        using var first = await gates.EnterAsync(AdmissionKind.Start, default);
        var second = gates.EnterAsync(AdmissionKind.Start, default).AsTask();
        using var third = await gates.EnterAsync(AdmissionKind.Start, default);
        Assert.False(second.IsCompleted);
        first.Dispose();
        using var admitted = await second;
        var fourth = gates.EnterAsync(AdmissionKind.Start, default).AsTask();
        _clock.Advance(TimeSpan.FromSeconds(9));
        Assert.False(fourth.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1));
        using var timedOut = await fourth;

        Assert.True(first.Admitted);
        Assert.False(third.Admitted);
        Assert.True(admitted.Admitted);
        Assert.False(timedOut.Admitted);
        Assert.True(timedOut.RetryAfter >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task ARefusalNamesTheTimeForEveryoneAheadToBeServedNeverMoreThanTheCap()
    {
        using var gates = Gates(permits: 2, queue: 100);
        using var capped = Gates(permits: 2, queue: 100, maxRetryAfterSeconds: 5);

        async Task<TimeSpan> RefusalWhenFullAsync(AdmissionGates full)
        {
            var waiting = Enumerable.Range(0, 102).Select(_ => full.EnterAsync(AdmissionKind.Start, default).AsTask()).ToList();
            using var refused = await full.EnterAsync(AdmissionKind.Start, default);
            Assert.False(refused.Admitted);
            Assert.Equal(2, waiting.Count(w => w.IsCompletedSuccessfully && w.Result.Admitted));
            return refused.RetryAfter;
        }

        // Nobody served yet: a tenth of a second each is assumed, so 100 waiting and 2 in flight through 2 places.
        Assert.Equal(TimeSpan.FromSeconds(5.1), await RefusalWhenFullAsync(gates));
        Assert.Equal(TimeSpan.FromSeconds(5), await RefusalWhenFullAsync(capped));
    }

    public void Dispose() => _services.Dispose();
}
