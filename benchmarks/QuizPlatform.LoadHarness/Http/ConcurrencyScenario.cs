namespace QuizPlatform.LoadHarness.Http;

public enum FaultKind { KillApp, RestartPostgres, NetworkDrop, KillGrading }

/// <summary>
/// A fault injected mid-run. <see cref="Command"/> (a shell command the script provides) kills or restarts what the
/// fault names and returns once it is back; the network drop needs none: <see cref="DropShare"/> of the students lose
/// their connection for <see cref="DropLength"/>. The grading fault hits once the first hand-in is graded, the others
/// <see cref="After"/> everyone started.
/// </summary>
public sealed record Fault(FaultKind Kind, string? Command, TimeSpan After, double DropShare = 0.2, TimeSpan DropLength = default)
{
    public string Name => Kind switch
    {
        FaultKind.KillApp => "kill-app",
        FaultKind.RestartPostgres => "restart-postgres",
        FaultKind.NetworkDrop => "network-drop",
        _ => "kill-grading",
    };
}

/// <summary>
/// What the students of a run do. They arrive (sign in, open the home page) spread over <see cref="SignInWindow"/>;
/// start right after (or, with <see cref="StartWindow"/>, all within that window once everyone is in); then either
/// grow one answer, saved every <see cref="SaveEvery"/>, for <see cref="Typing"/> after everyone started, or, with
/// <see cref="FillAll"/>, save an answer to every question one after another; and finally all hand in within
/// <see cref="HandInWindow"/> (none: nobody hands in).
/// </summary>
public sealed record ConcurrencyScenario(string Name, int Students, TimeSpan SignInWindow, TimeSpan? StartWindow, TimeSpan Typing,
    bool FillAll, TimeSpan? HandInWindow, int Questions = 50, Fault? Fault = null)
{
    public TimeSpan SaveEvery { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long grading may take after the last hand-in before the run reports it unfinished.</summary>
    public TimeSpan GradingTimeout { get; init; } = TimeSpan.FromMinutes(5);

    static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    /// <summary>Arrivals at about 10 sign-ins a second at most: signing in is not what the other scenarios measure.</summary>
    static TimeSpan Arrivals(int students) => S(Math.Max(10, students / 10.0));

    /// <summary>
    /// The scenarios of <c>benchmarks/concurrency.sh</c> (see docs/benchmarks.md, "Concurrency"); <paramref name="window"/>
    /// and <paramref name="duration"/> in seconds, null for the scenario's default.
    /// </summary>
    public static ConcurrencyScenario Named(string name, int students, double? window, double? duration, string? faultCommand) => name switch
    {
        "steady" => new(name, students, Arrivals(students), null, S(duration ?? 120), false, S(window ?? 30)),
        "start" => new(name, students, Arrivals(students), S(window ?? 10), S(duration ?? 10), false, S(30)),
        "signin" => new(name, students, S(window ?? 120), null, TimeSpan.Zero, false, null),
        "burst" => new(name, students, Arrivals(students), null, TimeSpan.Zero, true, S(window ?? 10)),
        "smoke" => new(name, students, S(3), null, S(duration ?? 20), false, S(window ?? 3), Questions: 5),
        "kill-app" or "restart-postgres" or "network-drop" => new(name, students, Arrivals(students), null, S(duration ?? 120), false,
            S(window ?? 30), Fault: new(Kind(name), faultCommand, S(30), DropLength: S(30))),
        "kill-grading" => new(name, students, Arrivals(students), null, TimeSpan.Zero, true, S(window ?? 10),
            Fault: new(FaultKind.KillGrading, faultCommand, TimeSpan.Zero)),
        _ => throw new ArgumentException($"unknown scenario {name}"),
    };

    static FaultKind Kind(string name) => name switch
    {
        "kill-app" => FaultKind.KillApp,
        "restart-postgres" => FaultKind.RestartPostgres,
        _ => FaultKind.NetworkDrop,
    };
}
