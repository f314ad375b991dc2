using QuizPlatform.Grading.Marks;

namespace QuizPlatform.Grading.Tests;

/// <summary>
/// Learning from marks on the dev set (<see cref="DevSet"/>): per question, K marked answers drawn at random teach the
/// grader (references and the question's offset), and the ROC AUC is measured on that question's other answers,
/// pooled, mean over a few draws. docs/grading.md ("Learning from marks") has the whole curve.
/// </summary>
public class MarksAccuracyTests
{
    private const int Draws = 3;

    /// <summary>Pooled ROC AUC on the answers not drawn, mean over <see cref="Draws"/> draws (seeds 1, 2, 3).</summary>
    private static double AucWithMarks(int k)
    {
        var questions = DevSet.Rows.Select((row, index) => (row, index)).GroupBy(p => p.row.QuestionId)
            .Select(g => g.Select(p => p.index).ToArray()).ToList();
        var aucs = new List<double>();
        for (var draw = 0; draw < Draws; draw++)
        {
            var random = new Random(1 + draw);
            var scores = new List<double>();
            var correct = new List<bool>();
            foreach (var rows in questions)
            {
                var order = rows.ToArray();
                random.Shuffle(order);
                var drawn = Math.Min(k, order.Length - 1);
                var marked = order.Take(drawn).ToList();
                var question = DevSet.Rows[order[0]].QuestionId;
                var key = DevSet.Keys[question];
                var learnt = MarkLearning.Learn(DevSet.Grader, key, DevSet.Meanings[question],
                    [.. marked.Select(i => new HumanMark(DevSet.Rows[i].Response, DevSet.Rows[i].Correct ? 1 : 0))],
                    [.. marked.Select(i => DevSet.Encoded[i])]);
                foreach (var i in order.Skip(drawn))
                {
                    scores.Add(DevSet.Grader.Grade(key, DevSet.Rows[i].Response, 1, learnt, DevSet.Encoded[i], DevSet.ModuleOf(DevSet.Rows[i])).Score);
                    correct.Add(DevSet.Rows[i].Correct);
                }
            }
            aucs.Add(GradingMetrics.RocAuc(scores, correct));
        }
        return aucs.Average();
    }

    [Theory]
    // Reached with the model's third layer: 0.835 and 0.859 (0.774 with no marks, 0.800 with 1, 0.825 with 3; all six
    // layers gave 0.842 and 0.866 at twice the work, docs/grading.md "Which layer"); 0.8393 and 0.8626 once repetition
    // no longer capped answers (1.11.0); 0.8389 with 5 once irregular verbs' forms match (1.13.0: 26 answers gain a
    // keyword, "it took fewer drops" earning "takes", 16 of them marked incorrect); 0.8433 and 0.8684 once each mark is
    // read through the curve as the grader's share is (1.14.0). The targets are 0.83 and 0.85.
    [InlineData(5, 0.843)]
    [InlineData(10, 0.868)]
    public void MarksPerQuestionRaiseAgreementWithTheMarkers(int marks, double reached)
    {
        var auc = AucWithMarks(marks);

        Assert.True(auc >= reached, $"ROC AUC with {marks} marks per question: {auc:F4}, below the {reached} reached so far");
    }
}
