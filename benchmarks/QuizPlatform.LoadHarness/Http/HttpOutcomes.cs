using System.Collections.Concurrent;
using System.Diagnostics;

namespace QuizPlatform.LoadHarness.Http;

/// <summary>What a student does, as the report names it; each is one user-visible wait (the request and its retries).</summary>
public enum Step { SignInPage, SignIn, HomePage, QuizIntro, Start, AttemptPage, Save, HandIn, ResultsPage }

/// <summary>
/// Every step's latency, the refusals the app answered with (429 and 503 with <c>Retry-After</c>, which the pages wait
/// out) and the errors (any other 5xx, timeouts, failed connections, unexpected answers), counted apart: refusals are
/// the app protecting itself, errors are what a student would see fail.
/// </summary>
public sealed class HttpOutcomes
{
    readonly Stopwatch since = Stopwatch.StartNew();
    readonly ConcurrentDictionary<Step, Latencies> latencies = new();
    readonly ConcurrentDictionary<string, int> refusals = new();
    readonly ConcurrentDictionary<string, int> errors = new();
    readonly ConcurrentQueue<(TimeSpan At, string Kind)> errorTimes = new();

    volatile bool allIn;

    /// <summary>While every student is in and typing: saves then also count in <see cref="SteadySaves"/>.</summary>
    public bool AllIn { get => allIn; set => allIn = value; }

    /// <summary>Saves acknowledged while <see cref="AllIn"/>: the steady state, without the arrivals or the hand-ins.</summary>
    public Latencies SteadySaves { get; } = new();

    /// <summary>Time since the run began: the clock every event of the run is placed on.</summary>
    public TimeSpan Now => since.Elapsed;

    public Latencies Of(Step step) => latencies.GetOrAdd(step, _ => new Latencies());

    public void Refused(Step step, int status) => refusals.AddOrUpdate($"{Name(step)} {status}", 1, (_, n) => n + 1);

    public void Failed(Step step, string kind)
    {
        var key = $"{Name(step)}: {kind}";
        errors.AddOrUpdate(key, 1, (_, n) => n + 1);
        errorTimes.Enqueue((Now, key));
    }

    int repliesLost;

    /// <summary>Saves whose reply never came (a dropped connection, a killed app) that the retry found stored.</summary>
    public int RepliesLostButStored => Volatile.Read(ref repliesLost);

    public void ReplyLostButStored() => Interlocked.Increment(ref repliesLost);

    public int ErrorCount => errors.Values.Sum();
    public int RefusalCount => refusals.Values.Sum();

    /// <summary>Errors at or after <paramref name="from"/> on the run's clock (a fault's window).</summary>
    public IReadOnlyList<(TimeSpan At, string Kind)> ErrorsSince(TimeSpan from) => [.. errorTimes.Where(e => e.At >= from).OrderBy(e => e.At)];

    public string Errors() => Describe(errors);
    public string Refusals() => Describe(refusals);

    public IEnumerable<(Step Step, Latencies Latencies)> Steps() =>
        Enum.GetValues<Step>().Where(latencies.ContainsKey).Select(step => (step, latencies[step]));

    public static string Name(Step step) => step switch
    {
        Step.SignInPage => "sign-in page",
        Step.SignIn => "sign-in",
        Step.HomePage => "home page",
        Step.QuizIntro => "quiz intro",
        Step.Start => "start",
        Step.AttemptPage => "quiz page",
        Step.Save => "save",
        Step.HandIn => "hand-in",
        _ => "results page",
    };

    static string Describe(ConcurrentDictionary<string, int> counts) => counts.IsEmpty ? "none"
        : string.Join(", ", counts.OrderByDescending(c => c.Value).Select(c => $"{c.Key} × {c.Value:N0}"));
}
