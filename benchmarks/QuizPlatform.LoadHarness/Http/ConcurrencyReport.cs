using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;

namespace QuizPlatform.LoadHarness.Http;

/// <summary>
/// What a run measured and what it checked afterwards: every handed-in answer graded (once), every acknowledged save
/// stored. <see cref="Write"/> prints it as Markdown for docs/benchmarks.md; <see cref="Problems"/> says what failed.
/// </summary>
public sealed class ConcurrencyReport(ConcurrencyScenario scenario, HttpOutcomes outcomes, AcknowledgedSaves acknowledged, AppMemory memory)
{
    static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
    readonly string loadBefore = DeadlineRush.LoadAverage();
    readonly DateTime began = DateTime.UtcNow;
    string loadAfter = "";

    public HttpOutcomes Outcomes => outcomes;
    public TimeSpan EveryoneStarted { get; set; }
    public TimeSpan HandInBegan { get; set; }
    public TimeSpan? FaultAt { get; set; }
    public List<string> Faults { get; } = [];
    public int HandedIn { get; set; }
    public TimeSpan LastHandIn { get; set; }
    public TimeSpan? AllGraded { get; private set; }
    public int Answers { get; private set; }
    public int Ungraded { get; private set; }
    public int GradedMoreThanOnce { get; private set; }
    public SaveCheck? Saves { get; private set; }

    /// <summary>
    /// Polls until every student's hand-in has returned (or the student gave up) and every answer of the handed-in
    /// attempts has a grade; runs <paramref name="duringGrading"/> (the grading fault) once the first grade appears.
    /// </summary>
    public async Task WaitForGradingAsync(IServiceProvider data, int quizId, Func<bool> handInsReturned, Func<Task>? duringGrading,
        CancellationToken ct)
    {
        var dbFactory = data.GetRequiredService<IDbContextFactory<QuizDbContext>>();
        Task? fault = null;
        while (!ct.IsCancellationRequested)
        {
            await Task.Delay(Poll, ct);
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var handedIn = db.Responses.Where(r => r.Attempt.QuizId == quizId && r.Attempt.SubmittedAt != null);
            var answers = await handedIn.CountAsync(ct);
            var graded = await handedIn.CountAsync(r => r.Grade != null, ct);
            if (duringGrading is not null && fault is null && graded > 0)
                fault = duringGrading();
            if (handInsReturned() && (fault?.IsCompleted ?? true) && answers > 0 && graded == answers)
            {
                AllGraded = outcomes.Now;
                break;
            }
            if (handInsReturned() && outcomes.Now - LastHandIn > scenario.GradingTimeout)
                break;
        }
        if (fault is not null)
            await fault;
    }

    public async Task CheckAsync(IServiceProvider data, int quizId, CancellationToken ct)
    {
        var dbFactory = data.GetRequiredService<IDbContextFactory<QuizDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var handedIn = db.Responses.Where(r => r.Attempt.QuizId == quizId && r.Attempt.SubmittedAt != null);
        Answers = await handedIn.CountAsync(ct);
        Ungraded = await handedIn.CountAsync(r => r.Grade == null, ct);
        GradedMoreThanOnce = await db.Grades.Where(g => g.Response.Attempt.QuizId == quizId)
            .GroupBy(g => g.ResponseId).CountAsync(g => g.Count() > 1, ct);
        Saves = await acknowledged.CheckAsync(dbFactory, ct);
        loadAfter = DeadlineRush.LoadAverage();
    }

    /// <summary>
    /// What a run must not show: errors (allowed while a fault is injected: they are what it causes), lost saves,
    /// hand-ins missing or not graded once.
    /// </summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (outcomes.ErrorCount > 0 && scenario.Fault is null)
            problems.Add($"{outcomes.ErrorCount:N0} errors");
        if (Saves is { Lost: > 0 } saves)
            problems.Add($"{saves.Lost:N0} acknowledged saves lost");
        if (scenario.HandInWindow is not null)
        {
            if (HandedIn < scenario.Students)
                problems.Add($"{scenario.Students - HandedIn:N0} students could not hand in");
            if (Ungraded > 0)
                problems.Add($"{Ungraded:N0} handed-in answers not graded");
            if (GradedMoreThanOnce > 0)
                problems.Add($"{GradedMoreThanOnce:N0} answers graded more than once");
        }
        return problems;
    }

    public void Write(TextWriter output)
    {
        var typing = HandInBegan - EveryoneStarted;
        output.WriteLine($"#### `{scenario.Name}`: {scenario.Students:N0} students ({began:yyyy-MM-dd HH:mm} UTC)");
        output.WriteLine();
        output.WriteLine($"{Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}; load average {loadBefore} before, {loadAfter} after. " +
            $"Sign-ins spread over {scenario.SignInWindow.TotalSeconds:N0} s" +
            (scenario.StartWindow is { } w ? $", starts within {w.TotalSeconds:N0} s once all were in" : "") +
            (scenario.FillAll ? $", {scenario.Questions} answers each"
                : scenario.Typing > TimeSpan.Zero ? $", typing {typing.TotalSeconds:N0} s with everyone in (a save every {scenario.SaveEvery.TotalSeconds:N0} s)" : "") +
            (scenario.HandInWindow is { } b ? $", hand-ins within {b.TotalSeconds:N0} s" : "") + ".");
        output.WriteLine();
        output.WriteLine("| step | p50 ms | p95 ms | p99 ms | max ms | n |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (step, latencies) in outcomes.Steps())
            Row(output, HttpOutcomes.Name(step), latencies);
        if (outcomes.SteadySaves.Count > 0)
            Row(output, "save, everyone in", outcomes.SteadySaves);
        output.WriteLine();
        if (typing > TimeSpan.Zero && outcomes.SteadySaves.Count > 0)
            output.WriteLine($"- saves with everyone in: {outcomes.SteadySaves.Count / typing.TotalSeconds:N1}/s over {typing.TotalSeconds:N0} s");
        if (outcomes.RepliesLostButStored > 0)
            output.WriteLine("- saves whose reply was lost and that the retry found stored (the version rule's 409 with that text): " +
                outcomes.RepliesLostButStored.ToString("N0"));
        output.WriteLine($"- refused and waited out (429/503 + Retry-After): {outcomes.Refusals()}");
        output.WriteLine($"- errors: {outcomes.Errors()}");
        foreach (var fault in Faults)
            output.WriteLine($"- fault: {fault}");
        if (FaultAt is { } at && scenario.Fault is not null)
        {
            var after = outcomes.ErrorsSince(at);
            output.WriteLine(after.Count == 0 ? "- errors after the fault: none"
                : $"- errors after the fault: {after.Count:N0}, from +{(after[0].At - at).TotalSeconds:F1} s " +
                  $"to +{(after[^1].At - at).TotalSeconds:F1} s after it");
        }
        if (scenario.HandInWindow is not null)
        {
            output.WriteLine($"- handed in: {HandedIn:N0} of {scenario.Students:N0}");
            output.WriteLine(AllGraded is { } graded
                ? $"- graded: all {Answers:N0} handed-in answers {(graded - HandInBegan).TotalSeconds:F1} s after the hand-ins began " +
                  $"({Math.Max(0, (graded - LastHandIn).TotalSeconds):F1} s after the last one returned)"
                : $"- graded: NOT all within {scenario.GradingTimeout.TotalMinutes:N0} min of the last hand-in: " +
                  $"{Ungraded:N0} of {Answers:N0} answers without a grade");
            output.WriteLine($"- graded exactly once: {Answers - Ungraded - GradedMoreThanOnce:N0} of {Answers:N0} answers " +
                $"({Ungraded:N0} without a grade, {GradedMoreThanOnce:N0} with more than one)");
        }
        output.WriteLine($"- acknowledged saves checked against the database: {Saves}");
        output.WriteLine($"- app memory: {memory}");
        var problems = Problems();
        output.WriteLine(problems.Count == 0 ? "- result: **passed**" : $"- result: **FAILED**: {string.Join("; ", problems)}");
        output.WriteLine();
    }

    static void Row(TextWriter output, string name, Latencies latencies) => output.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {latencies.At(0.50):F0} | {latencies.At(0.95):F0} | {latencies.At(0.99):F0} | {latencies.At(1):F0} | {latencies.Count:N0} |"));
}
