using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using QuizPlatform.Grading;

namespace QuizPlatform.Benchmarks;

/// <summary>
/// Responses with misspellings never seen before (random letters): every such word misses the process-wide term cache (stemming) and
/// the key's typo memo (edit-distance search). This is what a real stream of 100,000 different responses costs
/// beyond the warm figures. Each iteration grades a fresh batch built in <see cref="IterationSetup"/>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, warmupCount: 2, iterationCount: 10)]
public class ColdGradingBenchmarks
{
    private const int Batch = 4_000;

    private readonly Grader grader = new();
    private SeedAssignment seed = null!;
    private StudentResponses responses = null!;
    private (GradingKey Key, int Question)[] keys = [];
    private string[] batch = [];
    private ulong next = 1_000_000;

    [GlobalSetup]
    public void Setup()
    {
        seed = SeedAssignment.Load();
        responses = new StudentResponses(seed.Questions, seed.Keywords);
        keys = seed.QuestionsWithKeyOf(15, 4).Select(q => (grader.Compile(seed.Questions[q].Prompt, seed.Keywords[q]), q)).ToArray();
    }

    [IterationSetup]
    public void NewResponses() =>
        batch = Enumerable.Range(0, Batch).Select(i => responses.CreateUnseen(keys[i % keys.Length].Question, next++)).ToArray();

    [Benchmark(OperationsPerInvoke = Batch, Description = "Grade: typos, never seen before (cold caches)")]
    public double GradeUnseenTypos()
    {
        double total = 0;
        for (var i = 0; i < batch.Length; i++) total += grader.Grade(keys[i % keys.Length].Key, batch[i], 10).Score;
        return total;
    }
}
