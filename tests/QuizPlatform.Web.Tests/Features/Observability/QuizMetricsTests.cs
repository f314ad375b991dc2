using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Observability;
using QuizPlatform.Web.Features.Taking;

namespace QuizPlatform.Web.Tests.Features.Observability;

/// <summary>The labels a dashboard groups by: each save's outcome, each refusal's work and status, each hand-in's source.</summary>
public sealed class QuizMetricsTests : IDisposable
{
    readonly ServiceProvider services = new ServiceCollection().AddMetrics().AddSingleton<QuizMetrics>().BuildServiceProvider();

    QuizMetrics Metrics => services.GetRequiredService<QuizMetrics>();

    MetricCollector<T> Collect<T>(string instrument) where T : struct =>
        new(services.GetRequiredService<IMeterFactory>(), QuizMetrics.MeterName, instrument);

    [Theory]
    [InlineData(SaveStatus.Saved, "saved")]
    [InlineData(SaveStatus.Stale, "conflict")]
    [InlineData(SaveStatus.Late, "refused")]
    [InlineData(SaveStatus.Submitted, "refused")]
    [InlineData(SaveStatus.TooLong, "too-long")]
    [InlineData(SaveStatus.NotFound, "not-found")]
    public void EachSaveIsCountedAndTimedUnderItsOutcome(SaveStatus status, string outcome)
    {
        using var saves = Collect<long>("quiz.answer.saves");
        using var durations = Collect<double>("quiz.answer.save.duration");

        Metrics.Saved(status, TimeSpan.FromMilliseconds(40));

        Assert.Equal(outcome, saves.LastMeasurement?.Tags["quiz.save.outcome"]);
        Assert.Equal(0.04, durations.LastMeasurement?.Value);
        Assert.Equal(outcome, durations.LastMeasurement?.Tags["quiz.save.outcome"]);
    }

    [Fact]
    public void RefusalsCarryTheWorkAndTheStatus()
    {
        using var refused = Collect<long>("quiz.requests.refused");

        Metrics.Refused("sign-in", 503);

        var refusal = Assert.Single(refused.GetMeasurementSnapshot());
        Assert.Equal("sign-in", refusal.Tags["quiz.work"]);
        Assert.Equal(503, refusal.Tags["http.response.status_code"]);
    }

    [Theory]
    [InlineData(SubmittedBy.Student, "student")]
    [InlineData(SubmittedBy.Timer, "timer")]
    public void HandInsSayWhoHandedIn(SubmittedBy by, string label)
    {
        using var handIns = Collect<long>("quiz.attempts.handed_in");

        Metrics.HandedIn(by);

        Assert.Equal(label, handIns.LastMeasurement?.Tags["quiz.handed_in.by"]);
    }

    public void Dispose() => services.Dispose();
}
