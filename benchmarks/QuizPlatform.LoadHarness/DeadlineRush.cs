using System.Diagnostics;
using System.Runtime;
using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QuizPlatform.Data;
using QuizPlatform.Grading;
using QuizPlatform.Web.Features.Grading;
using QuizPlatform.Web.Features.Taking;

namespace QuizPlatform.LoadHarness;

/// <param name="PostmasterPid">The PostgreSQL server whose CPU time is reported; null: not measured.</param>
/// <param name="Results">After grading, time the instructor's results pages and exports (<see cref="ResultsTimings"/>).</param>
/// <param name="Regrade">After grading, time a keyword edit's preview and apply and a whole-quiz regrade (<see cref="RegradeTimings"/>).</param>
public sealed record RushSettings(int Students, int Questions, double EmptyShare, int? PostmasterPid, bool Results = false, bool Regrade = false);

/// <summary>
/// A class sitting a quiz and handing it in at the deadline, through the app's own services: every student starts
/// an attempt at once, saves every answer (all students at once), then all submit at the same moment, and the
/// app's GradingWorker grades in the background. Measures each step's latency and how long grading takes.
/// </summary>
public static class DeadlineRush
{
    static readonly TimeSpan GradingTimeout = TimeSpan.FromMinutes(15);
    static readonly TimeSpan MeaningTimeout = TimeSpan.FromMinutes(40);

    public static async Task<bool> RunAsync(IHost host, RushSettings settings, TextWriter output, CancellationToken ct = default)
    {
        output.WriteLine($"deadline rush: {settings.Students:N0} students x {settings.Questions} questions, " +
            $"{settings.EmptyShare:P0} of answers left empty");
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, " +
            $"server GC {GCSettings.IsServerGC}, grader {Grader.Version}, load average {LoadAverage()}");
        var setupTime = Stopwatch.StartNew();
        var rush = await RushClass.CreateAsync(host.Services, settings, ct);
        var texts = new AnswerTexts(settings.EmptyShare);
        output.WriteLine($"setup (migrate, import the seed, {rush.StudentIds.Count:N0} accounts, class, quiz): {setupTime.Elapsed.TotalSeconds:F1} s");
        await host.StartAsync(ct);
        var attempts = host.Services.GetRequiredService<AttemptService>();
        var ok = true;

        // 1. Everyone starts at once.
        var starts = new Latencies();
        var cpu = CpuTime.Now(settings.PostmasterPid);
        var (started, startWall) = await AllAtOnceAsync(rush.StudentIds,
            student => starts.TimeAsync(() => attempts.StartAsync(student, rush.QuizId, ct)));
        ok &= Check(output, started.All(s => s.AttemptId is not null), "every student started an attempt");
        Phase(output, "start", starts, startWall, CpuTime.Now(settings.PostmasterPid) - cpu, "attempts");
        var attemptIds = started.Select(s => s.AttemptId ?? 0).ToArray();

        // 2. Everyone saves their answers, one after another, all students at the same time: a harsher load than a
        // class typing (autosave every few seconds), so the latencies include queueing for a database connection.
        var saves = new Latencies();
        var refused = 0;
        cpu = CpuTime.Now(settings.PostmasterPid);
        var (_, saveWall) = await AllAtOnceAsync(Enumerable.Range(0, rush.StudentIds.Count).ToList(), async student =>
        {
            foreach (var question in rush.Questions)
            {
                if (texts.For(student, question.SeedIndex) is not { } text)
                    continue;
                var result = await saves.TimeAsync(() =>
                    attempts.SaveAsync(rush.StudentIds[student], attemptIds[student], question.QuestionId, text, 0, ct));
                if (result.Status != SaveStatus.Saved)
                    Interlocked.Increment(ref refused);
            }
            return 0;
        });
        ok &= Check(output, refused == 0, $"every save was accepted ({refused} refused)");
        Phase(output, "save", saves, saveWall, CpuTime.Now(settings.PostmasterPid) - cpu, "saves");

        // 3. Everyone submits at the same moment; the GradingWorker grades while we watch the Grade rows appear.
        var expected = rush.StudentIds.Count * rush.Questions.Count;
        var submits = new Latencies();
        cpu = CpuTime.Now(settings.PostmasterPid);
        var rushStarted = Stopwatch.StartNew();
        var grading = WaitForGradesAsync(host.Services, rush.QuizId, expected, rushStarted, ct);
        var (submitted, submitWall) = await AllAtOnceAsync(Enumerable.Range(0, rush.StudentIds.Count).ToList(),
            student => submits.TimeAsync(() => attempts.SubmitAsync(rush.StudentIds[student], attemptIds[student], ct)));
        ok &= Check(output, submitted.All(s => s.Found && !s.AlreadySubmitted), "every attempt was handed in once");
        Phase(output, "submit", submits, submitWall, null, "submissions");
        var (half, all) = await grading;
        var gradingCpu = CpuTime.Now(settings.PostmasterPid) - cpu;
        if (all is null)
        {
            output.WriteLine($"grading: NOT finished within {GradingTimeout.TotalMinutes} minutes");
            return false;
        }
        output.WriteLine($"grading: {expected:N0} responses graded {all.Value.TotalSeconds:F2} s after the first submit " +
            $"(half of them after {half!.Value.TotalSeconds:F2} s; {(all.Value - submitWall).TotalSeconds:F2} s after the last submit returned): " +
            $"{expected / all.Value.TotalSeconds:N0} responses/s, {rush.StudentIds.Count / all.Value.TotalSeconds:N1} attempts/s; " +
            $"{gradingCpu} (submit + grading)");
        if (host.Services.GetRequiredService<GradingEngine>().UsesMeaning)
            ok &= Check(output, await WaitForMeaningAsync(host.Services, rush.QuizId, expected, rushStarted, output, ct),
                "the meaning pass graded every answer");
        ok &= Check(output, await GradesLookRightAsync(host.Services, rush.QuizId, output, ct), "grades stored with explanation and grader version");
        output.WriteLine(await GradingShare.MeasureAsync(host.Services, rush.QuizId, ct));
        output.WriteLine($"load average after: {LoadAverage()}");
        if (settings.Results)
            ok &= await ResultsTimings.RunAsync(host.Services, rush, settings.PostmasterPid, output, ct);
        if (settings.Regrade)
            ok &= await RegradeTimings.RunAsync(host.Services, rush, settings.PostmasterPid, output, ct);
        await host.StopAsync(ct);
        return ok;
    }

    /// <summary>Runs <paramref name="work"/> for every item at the same moment (behind one gate); returns the wall time.</summary>
    static async Task<(T[] Results, TimeSpan Wall)> AllAtOnceAsync<TItem, T>(IReadOnlyList<TItem> items, Func<TItem, Task<T>> work)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = items.Select(item => Task.Run(async () =>
        {
            await gate.Task;
            return await work(item);
        })).ToArray();
        var wall = Stopwatch.StartNew();
        gate.SetResult();
        var results = await Task.WhenAll(tasks);
        return (results, wall.Elapsed);
    }

    /// <summary>Polls the Grade rows of the quiz until <paramref name="expected"/> exist; null times when it gives up.</summary>
    static async Task<(TimeSpan? Half, TimeSpan? All)> WaitForGradesAsync(IServiceProvider services, int quizId, int expected,
        Stopwatch since, CancellationToken ct)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<QuizDbContext>>();
        TimeSpan? half = null;
        while (since.Elapsed < GradingTimeout)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var graded = await db.Grades.CountAsync(g => g.Response.Attempt.QuizId == quizId, ct);
            var at = since.Elapsed;
            if (graded * 2 >= expected)
                half ??= at;
            if (graded >= expected)
                return (half, at);
        }
        return (half, null);
    }

    /// <summary>
    /// With <c>Grading:Meaning</c> on (the default; <c>Grading__Meaning=false</c> in the environment turns it off): polls
    /// until no grade of the quiz waits for the meaning pass, and reports when, its rate and the process's memory
    /// with the model loaded.
    /// </summary>
    static async Task<bool> WaitForMeaningAsync(IServiceProvider services, int quizId, int expected, Stopwatch since,
        TextWriter output, CancellationToken ct)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<QuizDbContext>>();
        TimeSpan? half = null;
        while (since.Elapsed < MeaningTimeout)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var pending = await db.Grades.CountAsync(g => g.Response.Attempt.QuizId == quizId && g.MeaningPending, ct);
            var at = since.Elapsed;
            if (pending * 2 <= expected)
                half ??= at;
            if (pending > 0)
                continue;
            var moved = await db.GradeChanges.CountAsync(c => c.Grade.Response.Attempt.QuizId == quizId && c.Reason == MeaningGrading.Reason, ct);
            using var process = Process.GetCurrentProcess();
            output.WriteLine($"meaning pass: {expected:N0} responses graded by meaning {at.TotalSeconds:F1} s after the first submit " +
                $"(half after {half!.Value.TotalSeconds:F1} s): {expected / at.TotalSeconds:N0} responses/s; " +
                $"{moved:N0} scores moved; process memory with the model loaded: working set {process.WorkingSet64 / 1048576:N0} MB, " +
                $"peak {process.PeakWorkingSet64 / 1048576:N0} MB, managed heap {GC.GetTotalMemory(false) / 1048576:N0} MB");
            return true;
        }
        output.WriteLine($"meaning pass: NOT finished within {MeaningTimeout.TotalMinutes} minutes");
        return false;
    }

    static async Task<bool> GradesLookRightAsync(IServiceProvider services, int quizId, TextWriter output, CancellationToken ct)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<QuizDbContext>>().CreateDbContextAsync(ct);
        var grades = await db.Grades.Where(g => g.Response.Attempt.QuizId == quizId)
            .Select(g => new { Empty = g.Response.Text == "", g.Score, g.MaxPoints, g.GraderVersion, g.Explanation })
            .ToListAsync(ct);
        var answered = grades.Where(g => !g.Empty).ToList();
        var empty = grades.Where(g => g.Empty).ToList();
        output.WriteLine($"grades: {answered.Count:N0} answered (mean {answered.Average(g => g.Score / g.MaxPoints):P0} of the points), " +
            $"{empty.Count:N0} empty (all scored 0: {empty.All(g => g.Score == 0)}), " +
            $"explanation {grades.Average(g => g.Explanation.Length):N0} chars on average");
        return grades.All(g => g.GraderVersion == Grader.Version && g.Explanation.Length > 0) && empty.All(g => g.Score == 0);
    }

    static void Phase(TextWriter output, string name, Latencies latencies, TimeSpan wall, CpuTime? cpu, string unit) =>
        output.WriteLine($"{name,-7} {latencies.Summary()};  {latencies.Count / wall.TotalSeconds:N0} {unit}/s over {wall.TotalSeconds:F2} s" +
            (cpu is { } c ? $"; {c}" : ""));

    static bool Check(TextWriter output, bool holds, string what)
    {
        if (!holds)
            output.WriteLine($"FAILED: {what}");
        return holds;
    }

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
