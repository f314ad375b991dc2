extern alias harness;

using harness::QuizPlatform.LoadHarness.Http;
using QuizPlatform.Web.Tests.Infrastructure;
using Xunit.Abstractions;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Concurrency;

/// <summary>
/// The concurrency harness (benchmarks/concurrency.sh) in small: the same students over real HTTP, against the app on
/// a Kestrel port on the test run's PostgreSQL with its grading worker running. Most of its half minute is students
/// waiting between saves, which the other test collections of this project use.
/// </summary>
public sealed class ConcurrencySmokeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TwentyStudentsSaveAndHandInOverHttpWithNothingLostAndEverythingGraded()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var app = new QuizAppFactory(database, new Dictionary<string, string?> { ["Attempts:BackgroundWorkers"] = "true" });
        var site = app.StartKestrel();
        var scenario = ConcurrencyScenario.Named("smoke", students: 20, window: null, duration: null, faultCommand: null);
        var school = await ConcurrencyClass.CreateAsync(app.Services, new IdentityStudentAccounts(app.Services), scenario.Students,
            scenario.Questions, "Smoke run");

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var report = await new ConcurrencyRun(site, school, scenario).RunAsync(app.Services, new AppMemory(() => null), timeout.Token);
        using var text = new StringWriter();
        report.Write(text);
        output.WriteLine(text.ToString());

        Assert.Equal("none", report.Outcomes.Errors());
        Assert.Equal(20, report.HandedIn);
        Assert.Equal(20 * scenario.Questions, report.Answers);
        Assert.Equal(0, report.Ungraded);
        Assert.Equal(0, report.GradedMoreThanOnce);
        var saves = report.Saves!;
        Assert.Equal((20, 0), (saves.Answers, saves.Lost));
        // Everyone typed for 20 s with a save every 5 s: the growing answers were saved again and again, not once.
        Assert.InRange(saves.Acknowledged, 20 * 3, 20 * 8);
    }
}
