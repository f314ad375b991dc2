using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using QuizPlatform.Web.Features.Observability;

namespace QuizPlatform.Web.Features.Admission;

/// <summary>The expensive requests, each behind its own gate.</summary>
public enum AdmissionKind { SignIn, Start, HandIn }

/// <summary>
/// A concurrency limit and a bounded first-come queue per <see cref="AdmissionKind"/> (<see cref="AdmissionOptions"/>).
/// A request that finds the queue full, or waits past the queue timeout, is refused with a <c>Retry-After</c> estimated
/// from the queue's length and the recent time each admitted request took. The queue timeout runs on the app's clock.
/// </summary>
public sealed class AdmissionGates : IDisposable
{
    readonly Dictionary<AdmissionKind, Gate> _gates;
    readonly TimeProvider _clock;
    readonly QuizMetrics _metrics;

    public AdmissionGates(IOptions<AdmissionOptions> options, TimeProvider clock, QuizMetrics metrics)
    {
        var settings = options.Value;
        _clock = clock;
        _gates = new()
        {
            [AdmissionKind.SignIn] = new(settings.SignIn, settings.MaxRetryAfter),
            [AdmissionKind.Start] = new(settings.Start, settings.MaxRetryAfter),
            [AdmissionKind.HandIn] = new(settings.HandIn, settings.MaxRetryAfter),
        };
        _metrics = metrics;
        metrics.Meter.CreateObservableGauge("quiz.admission.queued", () => _gates.Select(gate =>
            new Measurement<long>(gate.Value.Queued, new KeyValuePair<string, object?>("quiz.work", WorkName(gate.Key)))),
            "{request}", "Expensive requests waiting at their gate, by quiz.work.");
    }

    /// <summary>
    /// Waits for a place at <paramref name="kind"/>'s gate. Dispose the ticket when the work is done; a ticket that is
    /// not <see cref="AdmissionTicket.Admitted"/> says how long to wait before trying again.
    /// </summary>
    public async ValueTask<AdmissionTicket> EnterAsync(AdmissionKind kind, CancellationToken cancellationToken)
    {
        var gate = _gates[kind];
        using var timeout = new CancellationTokenSource(gate.Options.QueueTimeout, _clock);
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        RateLimitLease lease;
        try
        {
            lease = await gate.Limiter.AcquireAsync(1, waiting.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Refuse(kind, gate);
        }
        if (lease.IsAcquired)
        {
            gate.Entered();
            return new AdmissionTicket(lease, gate.Served, TimeSpan.Zero);
        }
        lease.Dispose();
        return Refuse(kind, gate);
    }

    /// <summary>
    /// Whether requests of <paramref name="kind"/> hold or wait for a place, or one was admitted within the last tenth
    /// of a second: background work that would take their cores (grading behind a deadline's hand-ins) waits meanwhile.
    /// </summary>
    public bool Busy(AdmissionKind kind) => _gates[kind].Busy;

    /// <summary>The name <see cref="QuizMetrics.Refused"/> and the queue gauge give <paramref name="kind"/>.</summary>
    static string WorkName(AdmissionKind kind) => kind switch
    {
        AdmissionKind.SignIn => "sign-in",
        AdmissionKind.Start => "start",
        _ => "hand-in",
    };

    AdmissionTicket Refuse(AdmissionKind kind, Gate gate)
    {
        _metrics.Refused(WorkName(kind), StatusCodes.Status503ServiceUnavailable);
        return new AdmissionTicket(null, null, gate.RetryAfter());
    }

    public void Dispose()
    {
        foreach (var gate in _gates.Values)
            gate.Limiter.Dispose();
    }

    sealed class Gate(GateOptions options, TimeSpan maxRetryAfter)
    {
        // Until a request has been served, a guess of a tenth of a second each.
        const double PriorSeconds = 0.1, Weight = 0.2;

        readonly Lock _lock = new();
        double _serviceSeconds = PriorSeconds;

        public GateOptions Options => options;

        public ConcurrencyLimiter Limiter { get; } = new(new ConcurrencyLimiterOptions
        {
            PermitLimit = Math.Max(1, options.PermitLimit), QueueLimit = Math.Max(0, options.QueueLimit),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });

        // Real time, not the app's clock: it paces work, it is no rule about it.
        const long RecentMilliseconds = 100;
        long _enteredAt = long.MinValue / 2;

        public long Queued => Limiter.GetStatistics()?.CurrentQueuedCount ?? 0;

        public void Entered() => Interlocked.Exchange(ref _enteredAt, Environment.TickCount64);

        public bool Busy => Environment.TickCount64 - Interlocked.Read(ref _enteredAt) < RecentMilliseconds
            || Queued > 0 || (Limiter.GetStatistics()?.CurrentAvailablePermits ?? 0) < Math.Max(1, options.PermitLimit);

        /// <summary>A moving average of how long admitted requests held their place.</summary>
        public void Served(TimeSpan took)
        {
            lock (_lock)
                _serviceSeconds += Weight * (took.TotalSeconds - _serviceSeconds);
        }

        /// <summary>Long enough for everyone in the queue and in flight now to be served, at the recent pace.</summary>
        public TimeSpan RetryAfter()
        {
            double serviceSeconds;
            lock (_lock)
                serviceSeconds = _serviceSeconds;
            var permits = Limiter.GetStatistics()?.CurrentAvailablePermits ?? 0;
            var ahead = Queued + Math.Max(1, options.PermitLimit) - permits;
            var seconds = ahead * serviceSeconds / Math.Max(1, options.PermitLimit);
            return TimeSpan.FromSeconds(Math.Clamp(seconds, 1, Math.Max(1, maxRetryAfter.TotalSeconds)));
        }
    }
}

/// <summary>A place at a gate (dispose it when the work is done), or a refusal with how long to wait.</summary>
public sealed class AdmissionTicket : IDisposable
{
    readonly RateLimitLease? _lease;
    readonly Action<TimeSpan>? _served;
    readonly long _since = Stopwatch.GetTimestamp();
    int _disposed;

    internal AdmissionTicket(RateLimitLease? lease, Action<TimeSpan>? served, TimeSpan retryAfter) =>
        (_lease, _served, RetryAfter) = (lease, served, retryAfter);

    public bool Admitted => _lease is not null;

    public TimeSpan RetryAfter { get; }

    public void Dispose()
    {
        if (_lease is null || Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        _served?.Invoke(Stopwatch.GetElapsedTime(_since));
        _lease.Dispose();
    }
}
