using System.Diagnostics;

namespace QuizPlatform.LoadHarness.Http;

/// <summary>
/// Runs a <see cref="ConcurrencyScenario"/>: every student of the school as its own <see cref="HttpStudent"/>, on one
/// clock, phases joined by gates (everyone in, everyone started, everyone's answers in) so each phase is measured
/// with the whole class in it. The fault, if any, is injected here; grading and the checks are <see cref="ConcurrencyReport"/>'s.
/// </summary>
public sealed class ConcurrencyRun(Uri baseAddress, ConcurrencyClass school, ConcurrencyScenario scenario)
{
    const int WordsPerSave = 6;
    readonly HttpOutcomes outcomes = new();
    readonly AcknowledgedSaves acknowledged = new();
    readonly AnswerTexts texts = new(emptyShare: 0);
    readonly TaskCompletionSource handInBegins = new(TaskCreationOptions.RunContinuationsAsynchronously);
    int handedIn, gaveUp;

    public async Task<ConcurrencyReport> RunAsync(IServiceProvider data, AppMemory memory, CancellationToken ct)
    {
        var students = school.Students.Take(scenario.Students)
            .Select(login => new HttpStudent(baseAddress, login, outcomes, acknowledged)).ToList();
        var signedIn = new Gate(students.Count);
        var started = new Gate(students.Count);
        var answered = new Gate(students.Count);
        var report = new ConcurrencyReport(scenario, outcomes, acknowledged, memory);
        using var sampling = memory.SampleEverySecond();
        var done = Task.WhenAll(students.Select((student, i) =>
            Task.Run(() => StudentAsync(student, i, signedIn, started, answered, report, ct), ct)));
        await started.All;
        report.EveryoneStarted = outcomes.Now;
        outcomes.AllIn = true;
        var fault = scenario.Fault is { Kind: not FaultKind.KillGrading } f ? InjectAsync(f, students, report, ct) : Task.CompletedTask;
        await (scenario.FillAll ? answered.All : Task.WhenAny(Task.Delay(scenario.Typing, ct), done));
        outcomes.AllIn = false;
        report.HandInBegan = outcomes.Now;
        handInBegins.TrySetResult();
        if (scenario.HandInWindow is not null)
        {
            var grading = scenario.Fault is { Kind: FaultKind.KillGrading } g ? () => RunCommandAsync(g, report) : (Func<Task>?)null;
            await report.WaitForGradingAsync(data, school.QuizId,
                () => Volatile.Read(ref handedIn) + Volatile.Read(ref gaveUp) >= students.Count, grading, ct);
        }
        await done;
        await fault;
        report.HandedIn = handedIn;
        await report.CheckAsync(data, school.QuizId, ct);
        students.ForEach(s => s.Dispose());
        return report;
    }

    async Task StudentAsync(HttpStudent student, int index, Gate signedIn, Gate started, Gate answered, ConcurrencyReport report,
        CancellationToken ct)
    {
        var random = new Random(index);
        var step = 0; // how many gates this student has passed, so a student that gives up lets the others on
        try
        {
            await Task.Delay(random.NextDouble() * scenario.SignInWindow, ct);
            await student.SignInAsync(ct);
            signedIn.Arrive();
            step++;
            if (scenario.HandInWindow is null)
            {
                await student.OpenQuizAsync(school.QuizId, ct); // the sign-in scenario: in, the quiz opened, done
                return;
            }
            if (scenario.StartWindow is { } window)
            {
                await signedIn.All;
                await Task.Delay(random.NextDouble() * window, ct);
            }
            await student.StartAsync(school.QuizId, ct);
            started.Arrive();
            step++;
            var attempt = student.Attempt!;
            var answer = Answer(index, attempt.QuestionIds[0]);
            if (scenario.FillAll)
            {
                foreach (var questionId in attempt.QuestionIds)
                {
                    var text = texts.For(index, school.Questions.First(q => q.QuestionId == questionId).SeedIndex) ?? "";
                    await student.SaveAsync(questionId, () => text, ct);
                }
                answered.Arrive();
                step++;
            }
            else
                await TypeAsync(student, attempt.QuestionIds[0], answer, random, ct);
            if (scenario.HandInWindow is not { } burst)
                return;
            await handInBegins.Task.WaitAsync(ct);
            await Task.Delay(random.NextDouble() * burst, ct);
            var results = await student.HandInAsync(ct);
            Interlocked.Increment(ref handedIn);
            lock (report)
                report.LastHandIn = outcomes.Now;
            await student.OpenResultsAsync(results, ct);
        }
        catch (HttpStepFailed)
        {
            // Counted as an error where it happened; this student stops.
            Interlocked.Increment(ref gaveUp);
        }
        finally
        {
            foreach (var gate in new[] { signedIn, started, answered }.Skip(step))
                gate.Arrive();
        }
    }

    /// <summary>
    /// One growing answer, saved every few seconds until the hand-in; the words typed depend only on the time, so a
    /// student cut off keeps typing.
    /// </summary>
    async Task TypeAsync(HttpStudent student, int questionId, string[] words, Random random, CancellationToken ct)
    {
        var typingSince = outcomes.Now;
        string Text() => string.Join(' ', Enumerable.Range(0, WordsPerSave * (1 + (int)((outcomes.Now - typingSince) / scenario.SaveEvery)))
            .Select(i => words[i % words.Length]));
        var saved = "";
        await Task.Delay(random.NextDouble() * scenario.SaveEvery, ct); // saves spread over the interval, not in step
        while (!handInBegins.Task.IsCompleted)
        {
            var text = Text();
            if (text != saved && await student.SaveAsync(questionId, Text, ct))
                saved = text;
            await Task.WhenAny(Task.Delay(scenario.SaveEvery, ct), handInBegins.Task);
        }
        if (Text() != saved)
            await student.SaveAsync(questionId, Text, ct); // the page saves every answer before it hands in
    }

    string[] Answer(int student, int questionId) =>
        (texts.For(student, school.Questions.First(q => q.QuestionId == questionId).SeedIndex) ?? "answer").Split(' ');

    async Task InjectAsync(Fault fault, List<HttpStudent> students, ConcurrencyReport report, CancellationToken ct)
    {
        await Task.Delay(fault.After, ct);
        if (fault.Kind == FaultKind.NetworkDrop)
        {
            var dropped = students.Where((_, i) => i % (int)Math.Round(1 / fault.DropShare) == 0).ToList();
            dropped.ForEach(s => s.DropNetwork(fault.DropLength));
            report.FaultAt = outcomes.Now;
            report.Faults.Add($"{fault.Name}: {dropped.Count:N0} of {students.Count:N0} students cut off " +
                $"at +{outcomes.Now.TotalSeconds:F0} s for {fault.DropLength.TotalSeconds:F0} s");
            return;
        }
        await RunCommandAsync(fault, report);
    }

    /// <summary>Runs the fault's command (the script's kill or restart, which returns once the part is back up).</summary>
    async Task RunCommandAsync(Fault fault, ConcurrencyReport report)
    {
        var at = outcomes.Now;
        report.FaultAt = at;
        var command = fault.Command ?? throw new InvalidOperationException($"{fault.Name} needs a command");
        using var process = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", command]) { RedirectStandardOutput = true })!;
        var said = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        // The harness's own pooled connections (set-up, the grading watch) did not survive a restarted server.
        Npgsql.NpgsqlConnection.ClearAllPools();
        report.Faults.Add($"{fault.Name} at +{at.TotalSeconds:F0} s (run clock), back after {(outcomes.Now - at).TotalSeconds:F1} s" +
            (process.ExitCode == 0 ? "" : $", its command FAILED with exit code {process.ExitCode}") + (said.Trim() is { Length: > 0 } s ? $": {s}" : ""));
    }

    /// <summary>Opens once <c>count</c> students arrived.</summary>
    sealed class Gate(int count)
    {
        readonly TaskCompletionSource open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        int arrived;

        public Task All => count == 0 ? Task.CompletedTask : open.Task;

        public void Arrive()
        {
            if (Interlocked.Increment(ref arrived) >= count)
                open.TrySetResult();
        }
    }
}
