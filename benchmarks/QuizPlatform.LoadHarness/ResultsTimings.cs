using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Grading.Statistics;
using QuizPlatform.Web.Features.ReviewQueue;
using QuizPlatform.Web.Features.QuizResults;
using QuizPlatform.Web.Features.QuizResults.Export;

namespace QuizPlatform.LoadHarness;

/// <summary>
/// After the rush: the instructor's results read through the app's own services, as the pages and the export endpoint
/// call them (server time: no HTTP, no rendering), one call at a time, each <see cref="Runs"/> times after
/// <see cref="WarmUps"/>, against issue 10's targets. The exports are written to a stream that counts bytes; one more
/// export of each format takes the live heap every megabyte, to show the export's memory stays flat. CPU seconds per
/// call (this process and the PostgreSQL server) are reported beside the times: on a shared machine they are the
/// steadier figure.
/// </summary>
public static class ResultsTimings
{
    const int WarmUps = 2, Runs = 20;
    const long ProbeEvery = 1 << 20;

    public static async Task<bool> RunAsync(IServiceProvider services, RushClass rush, int? postmasterPid, TextWriter output,
        CancellationToken ct)
    {
        var results = services.GetRequiredService<QuizResults>();
        var review = services.GetRequiredService<AnswerReview>();
        var exports = services.GetRequiredService<QuizExports>();
        var (actor, quizId, students) = (rush.InstructorId, rush.QuizId, rush.StudentIds.Count);
        var answers = students * rush.Questions.Count;
        output.WriteLine($"results for the instructor ({students:N0} counted attempts, {answers:N0} graded answers), " +
            $"{WarmUps} warm-ups then {Runs} runs each, one call at a time; load average {DeadlineRush.LoadAverage()}");

        // Each page loads what it shows (QuizResultsPage and ItemStatisticsPage: scores; ConceptsPage: keyword records too).
        async Task<QuizResultsData> LoadAsync(ResultsDetail detail) =>
            await results.LoadAsync(actor, quizId, null, detail, ct) ?? throw new InvalidOperationException("The owner was refused the quiz.");
        Task<bool> TimeAsync(string what, double? targetP95, Func<Task<bool>> call) =>
            ResultsTimings.TimeAsync(output, what, targetP95, postmasterPid, call);
        var ok = await TimeAsync("dashboard (LoadAsync + ScoreSummary + ScoreHistogram)", 300, async () =>
        {
            var data = await LoadAsync(ResultsDetail.Scores);
            var summary = ScoreSummary.Of(data.Graded);
            var histogram = ScoreHistogram.Of(data.Graded);
            return summary.Count == students && histogram.Sum(b => b.Count) == students && data.Counts.Graded == students;
        });
        ok &= await TimeAsync("item statistics (LoadAsync + ItemStatistics)", 500, async () =>
        {
            var items = ItemStatistics.Of((await LoadAsync(ResultsDetail.Scores)).Graded);
            return items.Count == rush.Questions.Count && items.All(i => i.Count == students);
        });
        ok &= await TimeAsync("concept hit rates (LoadAsync + ConceptHitRates + MostMissed)", 500, async () =>
        {
            var concepts = ConceptHitRates.Of((await LoadAsync(ResultsDetail.Keywords)).Graded);
            return ConceptHitRates.MostMissed(concepts).Count == ConceptHitRates.MostMissedCount && concepts.All(c => c.Count == students);
        });
        ok &= await TimeAsync("one question's answers (AnswerReview.QuestionAsync)", null, async () =>
        {
            var question = await review.QuestionAsync(actor, quizId, rush.Questions[0].QuestionId, cancellationToken: ct);
            return question?.Answers.Count == students && question.Answers.All(a => a.Answer.Grade is not null);
        });
        ok &= await ReviewQueueAsync(services, rush, output, TimeAsync, ct);
        ok &= await ExportAsync(output, "csv", CsvExport.WriteAsync, exports, actor, quizId, answers + 1, postmasterPid, ct);
        ok &= await ExportAsync(output, "xlsx", XlsxExport.WriteAsync, exports, actor, quizId, null, postmasterPid, ct);
        return ok;
    }

    /// <summary>
    /// The next answer of the review queue (issue 11: <= 300 ms), as the queue's page asks for it after every mark: the
    /// quiz as the rush graded it (flagged and borderline answers only), then with a 10% spot-check share and names
    /// hidden (one more query), which makes the queue longer and the step costlier.
    /// </summary>
    static async Task<bool> ReviewQueueAsync(IServiceProvider services, RushClass rush, TextWriter output, Func<string, double?, Func<Task<bool>>, Task<bool>> time,
        CancellationToken ct)
    {
        var queues = services.GetRequiredService<ReviewQueues>();
        QueueCounts? counts = null;
        async Task<bool> NextAsync(bool hideNames)
        {
            var view = await queues.NextAsync(rush.InstructorId, rush.QuizId, [], hideNames, ct);
            counts = view?.Counts;
            return view is not null && (view.Item is not null) == (view.Counts.Left > 0);
        }
        var ok = await time("next review-queue item (ReviewQueues.NextAsync)", 300, () => NextAsync(false));
        var asGraded = counts;
        await using (var db = await services.GetRequiredService<IDbContextFactory<QuizDbContext>>().CreateDbContextAsync(ct))
            await db.Quizzes.Where(q => q.Id == rush.QuizId).ExecuteUpdateAsync(q => q.SetProperty(x => x.SpotCheckShare, 0.1), ct);
        ok &= await time("next review-queue item, 10% spot checks, names hidden", 300, () => NextAsync(true));
        output.WriteLine($"  queue as graded: {asGraded}; with 10% spot checks: {counts}");
        return ok;
    }

    static async Task<bool> TimeAsync(TextWriter output, string what, double? targetP95, int? postmasterPid, Func<Task<bool>> call)
    {
        var times = new Latencies();
        var right = true;
        var cpu = CpuTime.Now(postmasterPid);
        for (var run = 0; run < WarmUps + Runs; run++)
        {
            if (run == WarmUps)
                cpu = CpuTime.Now(postmasterPid);
            var started = Stopwatch.GetTimestamp();
            right &= await call();
            if (run >= WarmUps)
                times.Add(Stopwatch.GetElapsedTime(started));
        }
        return Report(output, what, times, targetP95, right, CpuPerCall(CpuTime.Now(postmasterPid) - cpu));
    }

    static string CpuPerCall(CpuTime cpu) => $"; CPU per call: app {1000 * cpu.Harness / Runs:F0} ms, PostgreSQL {1000 * cpu.Postgres / Runs:F0} ms";

    /// <summary>The export of every response of the counted attempts, as the endpoint streams it.</summary>
    static async Task<bool> ExportAsync(TextWriter output, string format, Func<ExportTable, Stream, CancellationToken, Task> write,
        QuizExports exports, string actor, int quizId, long? expectedLines, int? postmasterPid, CancellationToken ct)
    {
        var times = new Latencies();
        var allocated = new List<long>();
        var bytes = 0L;
        var right = true;
        var cpu = CpuTime.Now(postmasterPid);
        async Task<CountingStream> ExportOnceAsync(long probeEvery)
        {
            var stream = new CountingStream(probeEvery);
            var table = await exports.TableAsync(actor, quizId, "responses", null, ct)
                ?? throw new InvalidOperationException("The owner was refused the export.");
            await write(table, stream, ct);
            return stream;
        }
        for (var run = 0; run < WarmUps + Runs; run++)
        {
            if (run == WarmUps)
                cpu = CpuTime.Now(postmasterPid);
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var started = Stopwatch.GetTimestamp();
            var stream = await ExportOnceAsync(0);
            var elapsed = Stopwatch.GetElapsedTime(started);
            right &= expectedLines is null || stream.LineBreaks == expectedLines;
            bytes = stream.Bytes;
            if (run < WarmUps)
                continue;
            times.Add(elapsed);
            allocated.Add(GC.GetTotalAllocatedBytes(precise: true) - before);
        }
        cpu = CpuTime.Now(postmasterPid) - cpu;
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var probe = await ExportOnceAsync(ProbeEvery);
        allocated.Sort();
        return Report(output, $"export of all responses, {format}", times, 10_000, right,
            CpuPerCall(cpu) + $"; {bytes / 1e6:F1} MB written, {allocated[allocated.Count / 2] / 1e6:F0} MB allocated per export (median); " +
            $"live heap {baseline / 1e6:F0} MB before, at most {probe.PeakLiveHeap / 1e6:F0} MB while writing " +
            $"({Math.Max(0, probe.PeakLiveHeap - baseline) / 1e6:F1} MB more), working set at most {probe.PeakWorkingSet / 1e6:F0} MB");
    }

    static bool Report(TextWriter output, string what, Latencies times, double? targetP95, bool right, string more)
    {
        var met = targetP95 is not { } target || times.At(0.95) <= target;
        output.WriteLine($"  {what}: {times.Summary()}" + more +
            (targetP95 is { } t ? $"; target p95 <= {t:N0} ms: {(met ? "met" : "MISSED")}" : ""));
        if (!right)
            output.WriteLine($"  FAILED: {what} did not return what the rush stored");
        return right;
    }
}
