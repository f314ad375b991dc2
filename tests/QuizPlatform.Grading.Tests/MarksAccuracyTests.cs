using System.Text.Json;
using QuizPlatform.Grading.Marks;
using QuizPlatform.Grading.Meaning;
using QuizPlatform.Grading.Tests.Meaning;

namespace QuizPlatform.Grading.Tests;

/// <summary>
/// Learning from marks on eval/scientsbank-train.jsonl: per question, K marked answers drawn at random teach the grader
/// (references and the question's offset), and the ROC AUC is measured on that question's other answers, pooled,
/// mean over a few draws. Every fifth question (27 of 135, about 1,000 answers) keeps the run to one encoding of
/// each of their texts; the whole set's curve is in docs/grading.md ("Learning from marks").
/// </summary>
public class MarksAccuracyTests
{
    private const int EveryNthQuestion = 5;
    private const int Draws = 3;

    private sealed record Row(string QuestionId, string Question, string ModelAnswer, string Response, bool Correct);

    private sealed record Question(GradingKey Key, KeyMeaning Meaning, List<Row> Rows, MeaningText[] Responses);

    private static readonly Grader Grader = new();

    private static readonly Lazy<List<Question>> Questions = new(() =>
    {
        var rows = File.ReadLines(Seed.RepoFile("eval/scientsbank-train.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(e => new Row(e.GetProperty("question_id").GetString()!, e.GetProperty("question").GetString()!,
                e.GetProperty("model_answer").GetString()!, e.GetProperty("response").GetString()!,
                e.GetProperty("label_2way").GetString() == "correct"))
            .ToList();
        // Keywords as AccuracyTests extracts them: each module (EM, FN, ...) is the assignment.
        var keys = new Dictionary<string, GradingKey>(StringComparer.Ordinal);
        var questions = rows.GroupBy(r => r.QuestionId).Select(g => g.First()).OrderBy(r => r.QuestionId, StringComparer.Ordinal).ToList();
        foreach (var module in questions.GroupBy(q => q.QuestionId.Split('_')[0]))
        {
            var list = module.ToList();
            var keywords = new KeywordExtractor().Extract(list.Select(q => new QuestionText(q.Question, q.ModelAnswer)).ToList());
            for (var i = 0; i < list.Count; i++) keys[list[i].QuestionId] = Grader.Compile(list[i].Question, keywords[i]);
        }
        var chosen = questions.Where((_, i) => i % EveryNthQuestion == 0).ToList();
        var answers = chosen.SelectMany(q => rows.Where(r => r.QuestionId == q.QuestionId)).ToList();
        var encoded = SharedEncoder.Encode([.. answers.Select(r => r.Response)]);
        var at = 0;
        return chosen.Select(q =>
        {
            var own = answers.Where(r => r.QuestionId == q.QuestionId).ToList();
            var question = new Question(keys[q.QuestionId], KeyMeaning.Build(SharedEncoder.Encoder, keys[q.QuestionId], q.ModelAnswer), own,
                encoded[at..(at + own.Count)]);
            at += own.Count;
            return question;
        }).ToList();
    });

    /// <summary>Pooled ROC AUC on the answers not drawn, mean over <see cref="Draws"/> draws (seeds 1, 2, 3).</summary>
    private static double AucWithMarks(int k)
    {
        var aucs = new List<double>();
        for (var draw = 0; draw < Draws; draw++)
        {
            var random = new Random(1 + draw);
            var scores = new List<double>();
            var correct = new List<bool>();
            foreach (var question in Questions.Value)
            {
                var order = Enumerable.Range(0, question.Rows.Count).ToArray();
                random.Shuffle(order);
                var drawn = Math.Min(k, order.Length - 1);
                var marked = order.Take(drawn).ToList();
                var learnt = MarkLearning.Learn(Grader, question.Key, question.Meaning,
                    [.. marked.Select(i => new HumanMark(question.Rows[i].Response, question.Rows[i].Correct ? 1 : 0))],
                    [.. marked.Select(i => question.Responses[i])]);
                foreach (var i in order.Skip(drawn))
                {
                    scores.Add(Grader.Grade(question.Key, question.Rows[i].Response, 1, learnt, question.Responses[i]).Score);
                    correct.Add(question.Rows[i].Correct);
                }
            }
            aucs.Add(GradingMetrics.RocAuc(scores, correct));
        }
        return aucs.Average();
    }

    [Theory]
    // Reached on these questions: 0.818 and 0.847 (0.700 without marks), rounded down. These 27 questions are harder
    // than the whole set, where the same method reaches 0.842 and 0.861 (the targets: 0.83 and 0.85).
    [InlineData(5, 0.81)]
    [InlineData(10, 0.84)]
    public void MarksPerQuestionRaiseAgreementWithTheMarkers(int marks, double reached)
    {
        var auc = AucWithMarks(marks);

        Assert.True(auc >= reached, $"ROC AUC with {marks} marks per question: {auc:F4}, below the {reached} reached so far");
    }
}
