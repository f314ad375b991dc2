using System.Globalization;
using QuizPlatform.LoadHarness;

// circuits --url URL --pid PID [--circuits 25,50,100] [--per-context 10]: memory per Blazor circuit (CircuitProbe,
// benchmarks/circuits.sh); it needs no database of its own.
if (args is ["circuits", .. var probeOptions] && probeOptions.Length % 2 == 0)
    return await CircuitProbe.RunAsync(CircuitProbe.Parse(probeOptions.Chunk(2).ToDictionary(pair => pair[0], pair => pair[1])), Console.Out) ? 0 : 1;

// deadline-rush|results|regrade [--students N] [--questions Q] [--empty FRACTION]; the PostgreSQL database comes from
// QUIZ_LOAD_POSTGRES (a role that may create it: the harness migrates it). `results` is the rush followed by timings
// of the instructor's results pages and exports; `results --quiz ID` times an earlier run's quiz in the same database
// without a new rush (for comparing builds in the same minutes). `regrade` is the rush followed by issue 11's preview,
// apply and whole-quiz regrade timings (RegradeTimings). `start-rush [--window 10]` is a start rush over real HTTP with
// the whole app on Kestrel in this process (StartRush). See benchmarks/deadline-rush.sh.
// concurrency SCENARIO ...: students over real HTTP against a running app (Http/ConcurrencyCommand, benchmarks/concurrency.sh).
const string ConnectionVariable = "QUIZ_LOAD_POSTGRES";
if (args is not [("deadline-rush" or "results" or "regrade" or "start-rush" or "concurrency") and var mode, .. var options]
    || (mode == "concurrency" ? options.Length % 2 != 1 : options.Length % 2 != 0))
{
    Console.Error.WriteLine("usage: QuizPlatform.LoadHarness deadline-rush|results|regrade|start-rush [--students 500] [--questions 50] [--empty 0.1] [--quiz ID] [--window 10]");
    Console.Error.WriteLine("       QuizPlatform.LoadHarness concurrency steady|start|signin|burst|kill-app|restart-postgres|network-drop|kill-grading " +
        "--base-url URL [--students N] [--window S] [--duration S] [--app-pid-file FILE] [--fault-command CMD]");
    return 2;
}
var settings = options.Skip(mode == "concurrency" ? 1 : 0).Chunk(2).ToDictionary(pair => pair[0], pair => pair[1]);
double Option(string name, double fallback) =>
    settings.TryGetValue(name, out var value) ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;
var connectionString = Environment.GetEnvironmentVariable(ConnectionVariable);
if (string.IsNullOrWhiteSpace(connectionString))
{
    Console.Error.WriteLine($"{ConnectionVariable} is not set: give a PostgreSQL connection string (benchmarks/deadline-rush.sh does).");
    return 2;
}
if (mode == "concurrency")
    return await QuizPlatform.LoadHarness.Http.ConcurrencyCommand.RunAsync(options[0], settings, connectionString);
// The script passes the server's postmaster pid so the report can say how much CPU PostgreSQL used.
var postmaster = int.TryParse(Environment.GetEnvironmentVariable("QUIZ_LOAD_POSTMASTER_PID"), out var pid) ? pid : (int?)null;
var rush = new RushSettings((int)Option("--students", 500), (int)Option("--questions", 50), Option("--empty", 0.1), postmaster,
    Results: mode == "results", Regrade: mode == "regrade");

if (mode == "start-rush")
    return await StartRush.RunAsync(connectionString, rush, TimeSpan.FromSeconds(Option("--window", 10)), Console.Out) ? 0 : 1;

using var host = AppServicesHost.Build(connectionString);

if (rush.Results && settings.TryGetValue("--quiz", out var quizId))
{
    var earlier = await RushClass.LoadAsync(host.Services, int.Parse(quizId, CultureInfo.InvariantCulture));
    return await ResultsTimings.RunAsync(host.Services, earlier, postmaster, Console.Out, CancellationToken.None) ? 0 : 1;
}
if (rush.Regrade && settings.TryGetValue("--quiz", out var regradeQuizId))
{
    await host.StartAsync(); // the regrade worker
    var earlier = await RushClass.LoadAsync(host.Services, int.Parse(regradeQuizId, CultureInfo.InvariantCulture));
    return await RegradeTimings.RunAsync(host.Services, earlier, postmaster, Console.Out, CancellationToken.None) ? 0 : 1;
}
var report = await DeadlineRush.RunAsync(host, rush, Console.Out);
return report ? 0 : 1;
