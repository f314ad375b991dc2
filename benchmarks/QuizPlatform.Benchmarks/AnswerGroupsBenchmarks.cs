using BenchmarkDotNet.Attributes;
using QuizPlatform.Grading;
using QuizPlatform.Grading.Statistics;

namespace QuizPlatform.Benchmarks;

/// <summary>
/// <see cref="AnswerGroups.Of"/> on a question answered by 500 students, as the by-question view groups the rows it
/// loaded: ~80-word answers of the seed graded by the real grader (their keyword hits, flags and scores), one in five
/// a copy of another's with its case and punctuation changed. One operation is grouping all 500.
/// </summary>
[MemoryDiagnoser]
public class AnswerGroupsBenchmarks
{
    private const int Students = 500;

    private GroupableAnswer[] answers = [];

    [GlobalSetup]
    public void Setup()
    {
        var seed = SeedAssignment.Load();
        var responses = new StudentResponses(seed.Questions, seed.Keywords);
        var grader = new Grader();
        var q = seed.QuestionsWithKeyOf(15, 1).First();
        var key = grader.Compile(seed.Questions[q].Prompt, seed.Keywords[q]);
        var kinds = Enum.GetValues<ResponseKind>();
        var texts = new string[Students];
        for (var i = 0; i < Students; i++)
            texts[i] = i % 5 == 4 ? texts[i - 3].ToUpperInvariant() + "!" : responses.Create(q, kinds[i % kinds.Length], (ulong)i);
        answers = [.. texts.Select((text, i) =>
        {
            var result = grader.Grade(key, text, 10);
            return new GroupableAnswer(i + 1, text, result.Score, KeywordHits.Encode(result.Keywords), result.Flags, i % 17 == 0);
        })];
    }

    [Benchmark(Description = "Group 500 answers by their folded text")]
    public int ByText() => AnswerGroups.Of(answers, AnswerGrouping.Text).Count;

    [Benchmark(Description = "Group 500 answers by keywords and flags")]
    public int ByKeywords() => AnswerGroups.Of(answers, AnswerGrouping.Keywords).Count;
}
