extern alias harness;

using harness::QuizPlatform.LoadHarness;
using QuizPlatform.Web.Tests.Infrastructure;
using Xunit.Abstractions;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Concurrency;

/// <summary>
/// The deadline-rush harness (benchmarks/deadline-rush.sh) in small, so that the harness behind the figures in
/// docs/benchmarks.md cannot break unseen: a class starts, saves and hands in at once through the app's own services,
/// and its grading worker grades every answer by keywords and then by meaning.
/// </summary>
public sealed class DeadlineRushSmokeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AClassHandingInAtOnceIsGradedByKeywordsThenByMeaningWithEveryCheckPassing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        // The seed's keywords by salience: ranking its 50 answers with the model at import is the rush's setup, not the rush.
        using var host = AppServicesHost.Build(database.ConnectionString, new Dictionary<string, string?> { ["Grading:MeaningKeywords"] = "false" });
        using var report = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3)); // the harness itself waits up to 40 minutes

        var passed = await DeadlineRush.RunAsync(host, new RushSettings(Students: 6, Questions: 4, EmptyShare: 0.25, PostmasterPid: null),
            report, timeout.Token);

        var text = report.ToString();
        output.WriteLine(text);
        Assert.True(passed, text);
        Assert.Contains("grading: 24 responses graded", text);
        Assert.Contains("meaning pass: 24 responses graded by meaning", text);
        Assert.DoesNotContain("FAILED", text);
    }
}
