using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Web.Features.Assignments;
using QuizPlatform.Web.Features.Regrading;

namespace QuizPlatform.LoadHarness;

/// <summary>
/// After the rush, issue 11's regrade targets through the app's own services as the keyword editor and the dashboard
/// call them: a preview of a keyword edit on the first question's answers (p95 &lt;= 500 ms), applying it (&lt;= 2 s),
/// and a whole-quiz regrade of every answer by the background worker after the grader version changed, to compare
/// with the time the rush took to grade the same answers.
/// </summary>
public static class RegradeTimings
{
    const int WarmUps = 2, PreviewRuns = 20, ApplyRuns = 6;

    public static async Task<bool> RunAsync(IServiceProvider services, RushClass rush, int? postmasterPid, TextWriter output,
        CancellationToken ct)
    {
        var preview = services.GetRequiredService<RegradePreview>();
        var (actor, quizId, questionId) = (rush.InstructorId, rush.QuizId, rush.Questions[0].QuestionId);
        List<KeywordDraft> stored;
        await using (var db = await services.GetRequiredService<IDbContextFactory<QuizDbContext>>().CreateDbContextAsync(ct))
            stored = [.. (await db.QuestionKeywords.Where(k => k.QuestionId == questionId).OrderBy(k => k.Position).ToListAsync(ct))
                .Select(k => new KeywordDraft { Phrase = k.Phrase, Alternatives = string.Join(", ", k.Alternatives), Weight = k.Weight, Required = k.Required })];
        // The edit: the first keyword also accepted as "feature detectors", and the last one required.
        var edited = stored.Select((k, i) => new KeywordDraft
        {
            Phrase = k.Phrase, Weight = k.Weight,
            Alternatives = i == 0 ? string.Join(", ", new[] { k.Alternatives, "feature detectors" }.Where(a => a.Length > 0)) : k.Alternatives,
            Required = k.Required || i == stored.Count - 1,
        }).ToList();
        output.WriteLine($"regrade, question 1 ({rush.StudentIds.Count:N0} answers, {stored.Count} keywords); load average {DeadlineRush.LoadAverage()}");

        var previews = new Latencies();
        var cpu = CpuTime.Now(postmasterPid);
        RegradePreviewResult? last = null;
        for (var run = 0; run < WarmUps + PreviewRuns; run++)
        {
            if (run == WarmUps)
                cpu = CpuTime.Now(postmasterPid);
            var started = Stopwatch.GetTimestamp();
            last = await preview.PreviewAsync(actor, quizId, questionId, edited, ct) ?? throw new InvalidOperationException("The owner was refused the preview.");
            if (run >= WarmUps)
                previews.Add(Stopwatch.GetElapsedTime(started));
        }
        cpu = CpuTime.Now(postmasterPid) - cpu;
        var ok = last!.Answers == rush.StudentIds.Count;
        output.WriteLine($"  preview of the edit: {previews.Summary()}; CPU per call: app {1000 * cpu.Harness / PreviewRuns:F0} ms, " +
            $"PostgreSQL {1000 * cpu.Postgres / PreviewRuns:F0} ms; {last.Changed} marks change ({last.Up} up, {last.Down} down); " +
            $"target p95 <= 500 ms: {(previews.At(0.95) <= 500 ? "met" : "MISSED")}");

        // Applying the edit, then going back, and so on: every apply is a new key version and regrades every answer.
        // The first apply is reported apart: it includes compiling the apply path's queries.
        var applies = new Latencies();
        var first = TimeSpan.Zero;
        for (var run = 0; run <= ApplyRuns; run++)
        {
            var started = Stopwatch.GetTimestamp();
            var applied = await preview.ApplyAsync(actor, quizId, questionId, run % 2 == 0 ? edited : stored, RegradeMode.AllChanges, cancellationToken: ct);
            if (run == 0)
                first = Stopwatch.GetElapsedTime(started);
            else
                applies.Add(Stopwatch.GetElapsedTime(started));
            ok &= applied is { Errors.Count: 0 } && applied.Regraded == rush.StudentIds.Count;
        }
        output.WriteLine($"  apply (new key version + {rush.StudentIds.Count:N0} grades regraded, one transaction): first {first.TotalMilliseconds:F0} ms, " +
            $"then {applies.Summary()}; target max <= 2,000 ms: {(Math.Max(first.TotalMilliseconds, applies.At(1)) <= 2000 ? "met" : "MISSED")}");

        var statuses = new Latencies();
        for (var run = 0; run < WarmUps + PreviewRuns; run++)
        {
            var started = Stopwatch.GetTimestamp();
            ok &= await services.GetRequiredService<RegradeJobs>().StatusAsync(actor, quizId, ct) is { OutOfDate: 0 };
            if (run >= WarmUps)
                statuses.Add(Stopwatch.GetElapsedTime(started));
        }
        output.WriteLine($"  the dashboard's out-of-date count (RegradeJobs.StatusAsync, {rush.StudentIds.Count * rush.Questions.Count:N0} grades): {statuses.Summary()}");

        ok &= await WholeQuizAsync(services, rush, postmasterPid, output, ct);
        return ok;
    }

    /// <summary>Every grade of the quiz as if an older grader made it, then the worker's whole-quiz regrade, polled every 100 ms.</summary>
    static async Task<bool> WholeQuizAsync(IServiceProvider services, RushClass rush, int? postmasterPid, TextWriter output, CancellationToken ct)
    {
        var jobs = services.GetRequiredService<RegradeJobs>();
        int grades;
        await using (var db = await services.GetRequiredService<IDbContextFactory<QuizDbContext>>().CreateDbContextAsync(ct))
            grades = await db.Grades.Where(g => g.Response.Attempt.QuizId == rush.QuizId).ExecuteUpdateAsync(s => s.SetProperty(g => g.GraderVersion, "older"), ct);
        var cpu = CpuTime.Now(postmasterPid);
        var started = Stopwatch.GetTimestamp();
        var job = await jobs.StartAsync(rush.InstructorId, rush.QuizId, ct) ?? throw new InvalidOperationException("The owner was refused the regrade.");
        var half = (TimeSpan?)null;
        OutOfDateGrades? status;
        do
        {
            await Task.Delay(100, ct);
            status = (await jobs.StatusAsync(rush.InstructorId, rush.QuizId, ct))!;
            if (half is null && status!.Job!.Done * 2 >= grades)
                half = Stopwatch.GetElapsedTime(started);
        }
        while (status!.Job is { FinishedAt: null } && Stopwatch.GetElapsedTime(started) < TimeSpan.FromMinutes(10));
        var wall = Stopwatch.GetElapsedTime(started);
        cpu = CpuTime.Now(postmasterPid) - cpu;
        // Read once more: the last poll may have counted the grades just before the final batch committed with the job.
        status = (await jobs.StatusAsync(rush.InstructorId, rush.QuizId, ct))!;
        var ok = status.OutOfDate == 0 && status.Job!.Done == grades && job.Total == grades;
        output.WriteLine($"  whole-quiz regrade of {grades:N0} answers (worker, batches of {RegradeJobs.BatchSize}): {wall.TotalSeconds:F2} s " +
            $"(half after {half?.TotalSeconds:F2} s), {grades / wall.TotalSeconds:N0} answers/s, {status.Job?.Changed:N0} marks changed; {cpu}" +
            (ok ? "" : $"; FAILED: {status.OutOfDate:N0} answers left out of date, {status.Job?.Done:N0} of {job.Total:N0} done"));
        return ok;
    }
}
