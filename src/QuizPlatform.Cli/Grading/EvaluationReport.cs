using System.Globalization;
using QuizPlatform.Cli.Commands;
using QuizPlatform.Grading;

namespace QuizPlatform.Cli.Grading;

/// <summary>The text <c>quiz evaluate</c> prints: agreement figures, a confusion table and the worst disagreements.</summary>
public static class EvaluationReport
{
    public static async Task WriteAsync(TextWriter output, IReadOnlyList<EvaluatedResponse> samples, int failed, int top, double pass)
    {
        var human = new double[samples.Count];
        var grader = new double[samples.Count];
        for (var i = 0; i < samples.Count; i++)
        {
            human[i] = samples[i].Human;
            grader[i] = samples[i].Grader;
        }
        var inv = CultureInfo.InvariantCulture;
        var text = new System.Text.StringBuilder();
        text.AppendLine(inv, $"Graded {samples.Count} responses ({failed} line(s) skipped), grader {Grader.Version}.");
        text.AppendLine(inv, $"Pearson  {Figure(GradingMetrics.Pearson(grader, human))}");
        text.AppendLine(inv, $"Spearman {Figure(GradingMetrics.Spearman(grader, human))}");
        var binary = Array.TrueForAll(human, h => h is 0 or 1);
        text.AppendLine(binary
            ? string.Create(inv, $"ROC AUC  {Figure(GradingMetrics.RocAuc(grader, Array.ConvertAll(human, h => h == 1)))}")
            : "ROC AUC  n/a (the human marks are not all correct/incorrect)");

        // Human positive: a mark of at least the pass share (a "correct" label is 1).
        var humanCorrect = Array.ConvertAll(human, h => h >= pass);
        var atCurve = GradingMetrics.Confusion(grader, humanCorrect, pass);
        var best = GradingMetrics.BestThreshold(grader, humanCorrect);
        text.AppendLine();
        text.AppendLine(inv, $"Confusion at the grading curve (correct = at least {pass:0.##} of the points):");
        text.AppendLine("                   human correct  human incorrect");
        text.AppendLine(inv, $"grader correct     {atCurve.TruePositives,13}  {atCurve.FalsePositives,15}");
        text.AppendLine(inv, $"grader incorrect   {atCurve.FalseNegatives,13}  {atCurve.TrueNegatives,15}");
        text.AppendLine(inv, $"accuracy {atCurve.Accuracy:0.000}, precision {atCurve.Precision:0.000}, recall {atCurve.Recall:0.000}");
        text.AppendLine(inv, $"(the best cut on this data would be {best.Threshold:0.###} of the points: accuracy {best.Accuracy:0.000})");

        if (top > 0)
        {
            text.AppendLine();
            text.AppendLine(inv, $"Largest disagreements (human vs grader, as shares of the points):");
            var worst = Enumerable.Range(0, samples.Count)
                .OrderByDescending(i => Math.Abs(grader[i] - human[i])).ThenBy(i => i).Take(top);
            foreach (var i in worst)
            {
                var sample = samples[i];
                text.AppendLine(inv, $"- {sample.Id}: human {sample.Human:0.##}, grader {sample.Grader:0.##}");
                text.AppendLine(inv, $"  response: {Excerpt(sample.Response)}");
                text.AppendLine(inv, $"  {sample.Result.Summary}");
            }
        }
        await output.WriteAsync(text.ToString());
    }

    /// <summary>
    /// <c>--marks K</c>: the mean of each figure over the draws (each measured on the responses not drawn), then the
    /// first draw in full.
    /// </summary>
    public static async Task WriteMarksAsync(TextWriter output, int marks, int seed, IReadOnlyList<IReadOnlyList<EvaluatedResponse>> draws,
        int failed, int top, double pass)
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new System.Text.StringBuilder();
        text.AppendLine(inv, $"Learning from marks: {marks} marked answer(s) per question drawn at random (at most all but one), {draws.Count} draws from seed {seed};");
        text.AppendLine(inv, $"each draw is measured on the responses it did not draw (mean {draws.Average(d => d.Count):0} per draw).");
        foreach (var (name, metric) in new (string, Func<double[], double[], double>)[]
        {
            ("Pearson ", GradingMetrics.Pearson),
            ("Spearman", GradingMetrics.Spearman),
            ("ROC AUC ", (grader, human) => Array.TrueForAll(human, h => h is 0 or 1)
                ? GradingMetrics.RocAuc(grader, Array.ConvertAll(human, h => h == 1)) : double.NaN),
        })
        {
            var values = draws.Select(d => metric([.. d.Select(s => s.Grader)], [.. d.Select(s => s.Human)])).ToList();
            text.AppendLine(inv, $"{name} mean {Figure(values.Average())} (draws {Figure(values.Min())} to {Figure(values.Max())})");
        }
        text.AppendLine();
        text.AppendLine("The first draw in full:");
        await output.WriteAsync(text.ToString());
        await WriteAsync(output, draws[0], failed, top, pass);
    }

    private static string Figure(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Excerpt(string response)
    {
        var flat = string.Join(' ', response.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 160 ? flat : flat[..157] + "...";
    }
}
