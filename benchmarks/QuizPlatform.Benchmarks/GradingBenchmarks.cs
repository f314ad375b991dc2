using BenchmarkDotNet.Attributes;
using QuizPlatform.Grading;

namespace QuizPlatform.Benchmarks;

/// <summary>
/// <see cref="Grader.Grade"/> on ~80-word responses against compiled 15-phrase keys of the seed. One operation is
/// one response (OperationsPerInvoke), so Mean is ns per response, Op/s is responses per second and Allocated is
/// bytes per response. Warm: the same responses come round every invocation, so every word is in the term cache.
/// </summary>
[MemoryDiagnoser]
public class GradingBenchmarks
{
    private const int PerKind = 32;
    private const int Questions = 4;
    private const int MixSize = PerKind * Questions * 4;

    private readonly Grader grader = new();
    private (GradingKey Key, string Response)[] mix = [];
    private Dictionary<ResponseKind, (GradingKey Key, string Response)[]> byKind = [];
    private QuestionSet seedQuiz = null!;

    [GlobalSetup]
    public void Setup()
    {
        var seed = SeedAssignment.Load();
        var responses = new StudentResponses(seed.Questions, seed.Keywords);
        var cases = new List<(GradingKey Key, string Response, ResponseKind Kind)>();
        var keys = seed.Questions.Select((question, q) => grader.Compile(question.Prompt, seed.Keywords[q])).ToArray();
        seedQuiz = new QuestionSet(keys);
        foreach (var q in seed.QuestionsWithKeyOf(15, Questions))
        {
            var key = keys[q];
            foreach (var kind in Enum.GetValues<ResponseKind>())
                for (var i = 0; i < PerKind; i++)
                    cases.Add((key, responses.Create(q, kind, (ulong)i), kind));
        }
        // Interleave kinds and questions as a class's submissions would be, not sorted by kind.
        mix = cases.OrderBy(c => (uint)c.Response.GetHashCode(StringComparison.Ordinal)).Select(c => (c.Key, c.Response)).ToArray();
        byKind = cases.GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => g.Select(c => (c.Key, c.Response)).ToArray());
    }

    [Benchmark(OperationsPerInvoke = MixSize, Description = "Grade: mix of good, partial, off-topic, typos")]
    public double GradeMix() => GradeAll(mix);

    /// <summary>The same mix, each response graded among the seed's 50 questions (<see cref="QuestionSet"/>).</summary>
    [Benchmark(OperationsPerInvoke = MixSize, Description = "Grade: the mix among the seed's 50 questions")]
    public double GradeMixAmongFifty() => GradeAll(mix, seedQuiz);

    [Benchmark(OperationsPerInvoke = PerKind * Questions)]
    public double GradeGood() => GradeAll(byKind[ResponseKind.Good]);

    [Benchmark(OperationsPerInvoke = PerKind * Questions)]
    public double GradePartial() => GradeAll(byKind[ResponseKind.Partial]);

    [Benchmark(OperationsPerInvoke = PerKind * Questions)]
    public double GradeOffTopic() => GradeAll(byKind[ResponseKind.OffTopic]);

    [Benchmark(OperationsPerInvoke = PerKind * Questions)]
    public double GradeTypos() => GradeAll(byKind[ResponseKind.Typos]);

    private double GradeAll((GradingKey Key, string Response)[] cases, QuestionSet? among = null)
    {
        double total = 0;
        foreach (var (key, response) in cases) total += grader.Grade(key, response, 10, among).Score;
        return total;
    }
}
