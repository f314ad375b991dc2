using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using QuizPlatform.Grading;
using QuizPlatform.Grading.Meaning;

namespace QuizPlatform.Benchmarks;

/// <summary>
/// Grading with the meaning pass (<see cref="MeaningGrader"/>) on the seed's ~80-word responses (good, partial,
/// off-topic and typos, interleaved), each question's <see cref="KeyMeaning"/> prepared once. One operation is one
/// response: Op/s is responses per second, model included. <see cref="Batch"/> is how many responses go to the model
/// in one call (the grading worker's batch), <see cref="Threads"/> the encoder's threads (windows run side by side,
/// so a batch of one uses one core). Monitoring: one invocation of 64 responses takes seconds, so no pilot runs.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, warmupCount: 3, iterationCount: 10, id: "Meaning")]
public class MeaningBenchmarks
{
    private const int Questions = 4;
    private const int Responses = 64;

    private MiniLmEncoder encoder = null!;
    private MeaningGrader grader = null!;
    private MeaningRequest[] requests = [];

    [Params(1, 2)]
    public int Threads { get; set; }

    [Params(1, 16, 64)]
    public int Batch { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        encoder = new MiniLmEncoder(Threads);
        grader = new MeaningGrader(new Grader(), encoder);
        var seed = SeedAssignment.Load();
        var texts = new StudentResponses(seed.Questions, seed.Keywords);
        var questions = seed.QuestionsWithKeyOf(15, Questions);
        var keys = questions.Select(q => grader.Grader.Compile(seed.Questions[q].Prompt, seed.Keywords[q])).ToList();
        var meanings = grader.Prepare([.. questions.Select((q, i) => (keys[i], seed.Questions[q].ModelAnswer))]);
        var kinds = Enum.GetValues<ResponseKind>();
        requests = [.. Enumerable.Range(0, Responses).Select(i => new MeaningRequest(
            keys[i % Questions], meanings[i % Questions], texts.Create(questions[i % Questions], kinds[i / Questions % kinds.Length], (ulong)i), 10))];
    }

    /// <summary>The process's memory before the model, with it loaded, and after grading a batch (docs/benchmarks.md).</summary>
    public static void ReportMemory()
    {
        static string Now() => FormattableString.Invariant(
            $"working set {Environment.WorkingSet / 1e6:0} MB, managed heap {GC.GetTotalMemory(forceFullCollection: true) / 1e6:0} MB");
        Console.WriteLine($"before the model: {Now()}");
        var benchmark = new MeaningBenchmarks { Threads = 2, Batch = Responses };
        benchmark.Setup();
        Console.WriteLine($"model loaded, 4 questions prepared: {Now()}");
        benchmark.GradeWithMeaning();
        Console.WriteLine($"after grading {Responses} responses in one batch: {Now()}");
        benchmark.Cleanup();
    }

    [GlobalCleanup]
    public void Cleanup() => encoder.Dispose();

    [Benchmark(OperationsPerInvoke = Responses, Description = "MeaningGrader.Grade, ~80-word responses")]
    public double GradeWithMeaning()
    {
        double total = 0;
        for (var first = 0; first < requests.Length; first += Batch)
            foreach (var result in grader.Grade(requests.AsSpan(first, Math.Min(Batch, requests.Length - first)).ToArray()))
                total += result.Score;
        return total;
    }
}
