using System.Net;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Web.Features.Grading;
using QuizPlatform.Web.Tests.Features.Attempts;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Observability;

/// <summary>What an operator's dashboard reads from <c>/metrics</c> while students take a quiz.</summary>
[Collection(nameof(ScrapedAlone))]
public sealed class MetricsEndpointTests
{
    [Theory, AllDatabaseProviders]
    public async Task SavesHandInAndGradingMoveTheDashboardsFigures(DatabaseProvider provider)
    {
        await using var taking = await SamTaking.StartAsync(provider);
        var app = taking.Scene.App;
        var before = await Scrape.TakeAsync(app, IPAddress.Loopback);

        using var saved = await taking.Sam.PutAnswerAsync(taking.AttemptId, taking.QuestionId, "Routers forward packets.", 0, taking.Token);
        using var stale = await taking.Sam.PutAnswerAsync(taking.AttemptId, taking.QuestionId, "From an old tab.", 0, taking.Token);
        using var handedIn = await taking.Sam.SubmitNamedFormAsync($"/attempts/{taking.AttemptId}", "submit-attempt");
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var waiting = await Scrape.TakeAsync(app, IPAddress.Loopback);
        await app.Services.GetRequiredService<AttemptGrading>().GradeAsync(taking.AttemptId);
        var graded = await Scrape.TakeAsync(app, IPAddress.Loopback);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(1, Delta(before, waiting, "quiz_answer_saves_total", ("quiz_save_outcome", "saved")));
        Assert.Equal(1, Delta(before, waiting, "quiz_answer_saves_total", ("quiz_save_outcome", "conflict")));
        Assert.Equal(2, Delta(before, waiting, "quiz_answer_save_duration_seconds_count"));
        Assert.Equal(1, Delta(before, waiting, "quiz_attempts_handed_in_total", ("quiz_handed_in_by", "student")));
        Assert.Equal(1, waiting.Value("quiz_grading_queue_length"));
        Assert.Equal(30, waiting.Value("quiz_grading_queue_oldest_age_seconds"), 0.001);

        Assert.Equal(0, graded.Value("quiz_grading_queue_length"));
        Assert.Equal(0, graded.Value("quiz_grading_queue_oldest_age_seconds"));
        Assert.Equal(3, Delta(waiting, graded, "quiz_grading_graded_total"));
        Assert.Equal(30, Delta(waiting, graded, "quiz_grading_lag_seconds_sum"), 0.001);
        // Beside ours, the framework's: requests by route and status, and the runtime.
        Assert.True(graded.Value("http_server_request_duration_seconds_count", ("http_route", "/api/attempts/{attemptId:int}/answers/{questionId:int}")) >= 2);
        Assert.True(graded.Has("dotnet_gc_collections_total") || graded.Has("dotnet_process_cpu_time_seconds_total"), graded.Text);
    }

    static double Delta(Scrape before, Scrape after, string name, params (string, string)[] labels) =>
        after.Value(name, labels) - before.Value(name, labels);
}

/// <summary>
/// Tests that read exact figures run while no other app host is alive: the metrics listener matches meters by name,
/// not by the host that made them, so in one test process every host's QuizPlatform meter feeds every host's /metrics.
/// In production there is one app per process.
/// </summary>
[CollectionDefinition(nameof(ScrapedAlone), DisableParallelization = true)]
public sealed class ScrapedAlone;
