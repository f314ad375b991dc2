using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QuizPlatform.Data;

namespace QuizPlatform.LoadHarness.Http;

/// <summary>
/// <c>concurrency SCENARIO --students N [--window S] [--duration S] --base-url URL [--app-pid-file FILE]
/// [--fault-command CMD]</c>: students over real HTTP against an app already running at URL on the PostgreSQL
/// database of <c>QUIZ_LOAD_POSTGRES</c> (benchmarks/concurrency.sh starts both). The accounts, class and quiz are
/// made here, through the Data project's services; the report goes to standard output.
/// </summary>
public static class ConcurrencyCommand
{
    public static async Task<int> RunAsync(string scenarioName, IReadOnlyDictionary<string, string> options, string connectionString)
    {
        double? Number(string name) => options.TryGetValue(name, out var value) ? double.Parse(value, CultureInfo.InvariantCulture) : null;
        if (!options.TryGetValue("--base-url", out var baseUrl))
        {
            Console.Error.WriteLine("concurrency needs --base-url (the running app's address)");
            return 2;
        }
        var scenario = ConcurrencyScenario.Named(scenarioName, (int)(Number("--students") ?? 100), Number("--window"), Number("--duration"),
            options.GetValueOrDefault("--fault-command"));

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = nameof(DatabaseProvider.Postgres),
            ["ConnectionStrings:" + QuizDataServiceCollectionExtensions.ConnectionStringName] = connectionString,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.AddQuizData();
        using var host = builder.Build();

        var setup = System.Diagnostics.Stopwatch.StartNew();
        var school = await ConcurrencyClass.CreateAsync(host.Services, new IdentityStudentAccounts(host.Services), scenario.Students,
            scenario.Questions, $"Concurrency {scenario.Name} {DateTime.UtcNow:HH:mm:ss}");
        Console.Error.WriteLine($"set-up: {scenario.Students:N0} student accounts (real password hashes; made once per database), " +
            $"quiz {school.QuizId}: {setup.Elapsed.TotalSeconds:F1} s");

        using var stop = new CancellationTokenSource(TimeSpan.FromHours(1));
        var report = await new ConcurrencyRun(new Uri(baseUrl.TrimEnd('/') + "/"), school, scenario)
            .RunAsync(host.Services, AppMemory.FromPidFile(options.GetValueOrDefault("--app-pid-file")), stop.Token);
        report.Write(Console.Out);
        return report.Problems().Count == 0 ? 0 : 1;
    }
}
