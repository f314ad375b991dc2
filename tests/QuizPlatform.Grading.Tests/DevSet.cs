using System.Text.Json;
using QuizPlatform.Grading.Meaning;
using QuizPlatform.Grading.Tests.Meaning;

namespace QuizPlatform.Grading.Tests;

/// <summary>
/// eval/scientsbank-train.jsonl (SemEval-2013 SciEntsBank) as the accuracy tests read it, prepared once per test
/// process: each question's key (keywords extracted per module, EM, FN, ..., the assignment-like context, whose
/// questions also play the quiz a response is graded among) and meaning, and every distinct response encoded once.
/// Labels are only used to measure.
/// </summary>
internal static class DevSet
{
    public sealed record Row(string QuestionId, string Question, string ModelAnswer, string Response, bool Correct);

    public static readonly Grader Grader = new();

    private static readonly Lazy<List<Row>> LazyRows = new(() => File.ReadLines(Seed.RepoFile("eval/scientsbank-train.jsonl"))
        .Select(line => JsonDocument.Parse(line).RootElement)
        .Select(e => new Row(e.GetProperty("question_id").GetString()!, e.GetProperty("question").GetString()!,
            e.GetProperty("model_answer").GetString()!, e.GetProperty("response").GetString()!,
            e.GetProperty("label_2way").GetString() == "correct"))
        .ToList());

    private static readonly Lazy<Dictionary<string, GradingKey>> LazyKeys = new(() =>
    {
        var keys = new Dictionary<string, GradingKey>(StringComparer.Ordinal);
        var questions = Rows.GroupBy(r => r.QuestionId).Select(g => g.First()).OrderBy(r => r.QuestionId, StringComparer.Ordinal);
        foreach (var module in questions.GroupBy(q => q.QuestionId.Split('_')[0]))
        {
            var list = module.ToList();
            var keywords = new KeywordExtractor().Extract(list.Select(q => new QuestionText(q.Question, q.ModelAnswer)).ToList());
            for (var i = 0; i < list.Count; i++) keys[list[i].QuestionId] = Grader.Compile(list[i].Question, keywords[i]);
        }
        return keys;
    });

    private static readonly Lazy<Dictionary<string, KeyMeaning>> LazyMeanings = new(() =>
    {
        var questions = Rows.DistinctBy(r => r.QuestionId).ToList();
        var prepared = new MeaningGrader(Grader, SharedEncoder.Encoder).Prepare([.. questions.Select(q => (Keys[q.QuestionId], q.ModelAnswer))]);
        return questions.Select((q, i) => (q.QuestionId, Meaning: prepared[i])).ToDictionary(p => p.QuestionId, p => p.Meaning, StringComparer.Ordinal);
    });

    private static readonly Lazy<MeaningText[]> LazyEncoded = new(() =>
    {
        var byText = MeaningText.EncodeDistinct(SharedEncoder.Encoder, Rows.Select(r => r.Response));
        return [.. Rows.Select(r => byText[r.Response])];
    });

    public static List<Row> Rows => LazyRows.Value;

    public static IReadOnlyList<bool> Labels => [.. Rows.Select(r => r.Correct)];

    public static Dictionary<string, GradingKey> Keys => LazyKeys.Value;

    /// <summary>The questions of the row's module (EM, FN, ...: the question id's prefix) as one quiz (<see cref="QuestionSet"/>).</summary>
    public static QuestionSet ModuleOf(Row row) => LazyModules.Value[row.QuestionId.Split('_')[0]];

    private static readonly Lazy<Dictionary<string, QuestionSet>> LazyModules = new(() => Keys.GroupBy(k => k.Key.Split('_')[0])
        .ToDictionary(m => m.Key, m => new QuestionSet([.. m.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => k.Value)]), StringComparer.Ordinal));

    public static Dictionary<string, KeyMeaning> Meanings => LazyMeanings.Value;

    /// <summary>Each row's response encoded, in row order.</summary>
    public static MeaningText[] Encoded => LazyEncoded.Value;
}
