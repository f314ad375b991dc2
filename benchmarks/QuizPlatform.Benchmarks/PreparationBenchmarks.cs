using BenchmarkDotNet.Attributes;
using QuizPlatform.Grading;
using QuizPlatform.Importing;

namespace QuizPlatform.Benchmarks;

/// <summary>The once-per-assignment and once-per-question work: parsing the seed, extracting its keywords, compiling a key.</summary>
[MemoryDiagnoser]
public class PreparationBenchmarks
{
    private readonly Grader grader = new();
    private SeedAssignment seed = null!;
    private QuestionText question = null!;
    private IReadOnlyList<Keyword> keywords = [];

    [GlobalSetup]
    public void Setup()
    {
        seed = SeedAssignment.Load();
        var q = seed.QuestionsWithKeyOf(15, 1)[0];
        (question, keywords) = (seed.Questions[q], seed.Keywords[q]);
    }

    [Benchmark(Description = "Parse the seed assignment (50 questions)")]
    public ParseResult ParseSeed() => new AssignmentParser().Parse(seed.Text);

    [Benchmark(Description = "Extract keywords for the whole seed (50 answers)")]
    public IReadOnlyList<IReadOnlyList<Keyword>> ExtractSeedKeywords() => new KeywordExtractor().Extract(seed.Questions);

    [Benchmark(Description = "Compile one 15-phrase key")]
    public GradingKey CompileKey() => grader.Compile(question.Prompt, keywords);
}
