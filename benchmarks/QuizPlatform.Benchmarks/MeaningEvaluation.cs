using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using QuizPlatform.Grading;
using QuizPlatform.Grading.Meaning;

namespace QuizPlatform.Benchmarks;

/// <summary>
/// Tunes and measures the meaning pass on eval/scientsbank-train.jsonl: every distinct text is encoded once, then
/// each setting is a pass of <see cref="Grader"/> over the cached encodings (well under a second each). Prints the
/// in-sample AUC, the leave-one-module-out AUC of a sweep (the setting chosen on the other modules, applied to the
/// held-out one, pooled), the ablation and a sample of meaning matches to read. See docs/grading.md.
/// </summary>
public static class MeaningEvaluation
{
    private sealed record Row(string QuestionId, string Module, string Question, string ModelAnswer, string Response, bool Correct);

    public static void Run(string path, string mode)
    {
        var rows = File.ReadLines(path).Select(line => JsonDocument.Parse(line).RootElement).Select(e =>
        {
            var id = e.GetProperty("question_id").GetString()!;
            return new Row(id, id.Split('_')[0], e.GetProperty("question").GetString()!, e.GetProperty("model_answer").GetString()!,
                e.GetProperty("response").GetString()!, e.GetProperty("label_2way").GetString() == "correct");
        }).ToList();
        var labels = rows.Select(r => r.Correct).ToList();
        var keyGrader = new Grader();
        var keys = new Dictionary<string, GradingKey>(StringComparer.Ordinal);
        var questions = rows.GroupBy(r => r.QuestionId).Select(g => g.First()).OrderBy(r => r.QuestionId, StringComparer.Ordinal).ToList();
        foreach (var module in questions.GroupBy(q => q.Module))
        {
            var list = module.ToList();
            var keywords = new KeywordExtractor().Extract(list.Select(q => new QuestionText(q.Question, q.ModelAnswer)).ToList());
            for (var i = 0; i < list.Count; i++) keys[list[i].QuestionId] = keyGrader.Compile(list[i].Question, keywords[i]);
        }

        var clock = Stopwatch.StartNew();
        using var encoder = new CachedEncoder(Path.GetTempPath());
        var built = KeyMeaning.BuildAll(encoder, [.. questions.Select(q => (keys[q.QuestionId], q.ModelAnswer))]);
        var meanings = questions.Select((q, i) => (q.QuestionId, built[i])).ToDictionary(p => p.QuestionId, p => p.Item2, StringComparer.Ordinal);
        Console.WriteLine($"{questions.Count} questions prepared: {clock.Elapsed.TotalSeconds:0.0} s");
        clock.Restart();
        var distinct = rows.Select(r => r.Response).Where(r => !string.IsNullOrWhiteSpace(r)).Distinct(StringComparer.Ordinal).ToList();
        var encodedList = MeaningText.Encode(encoder, distinct);
        var encoded = distinct.Select((text, i) => (text, i)).ToDictionary(p => p.text, p => encodedList[p.i], StringComparer.Ordinal);
        Console.WriteLine($"{distinct.Count} distinct responses encoded: {clock.Elapsed.TotalSeconds:0.0} s ({distinct.Count / clock.Elapsed.TotalSeconds:0} /s)");

        double[] Scores(GradingOptions? options, bool meaning = true)
        {
            var grader = new Grader(options);
            return [.. rows.Select(r => grader.Grade(keys[r.QuestionId], r.Response, 1,
                meaning ? meanings[r.QuestionId] : null, encoded.GetValueOrDefault(r.Response)).Score)];
        }
        double Auc(IReadOnlyList<double> scores) => GradingMetrics.RocAuc(scores, labels);

        var defaults = new GradingOptions();
        Console.WriteLine(F($"keywords only: {Auc(Scores(null, meaning: false)):0.0000}"));
        Console.WriteLine(F($"meaning, defaults: {Auc(Scores(defaults)):0.0000}"));
        if (mode == "sweep") Sweep(rows, labels, Scores);
        if (mode == "ablation") Ablation(Scores, Auc);
        // "matches" lists them at the default threshold, "matches:0.8" at another.
        if (mode.Split(':') is ["matches", .. var threshold])
            Matches(rows, keys, meanings, encoded, threshold is [var t] ? double.Parse(t, CultureInfo.InvariantCulture) : defaults.MeaningMatchThreshold);
    }

    private static void Sweep(List<Row> rows, List<bool> labels, Func<GradingOptions?, bool, double[]> scores)
    {
        var grid = (from threshold in new[] { 0.75, 0.8, 0.85 }
                    from credit in new[] { 0.5, 1.0 }
                    from weight in new[] { 0.5, 0.6, 0.7, 0.8, 0.9 }
                    from floor in new[] { 0.2, 0.3, 0.4 }
                    from full in new[] { 0.8, 0.9, 1.0 }
                    from question in new[] { 0.05, 0.1, 0.3 }
                    select new GradingOptions
                    {
                        MeaningMatchThreshold = threshold, MeaningMatchCredit = credit, SoftRecallWeight = weight,
                        SoftRecallFloor = floor, SoftRecallFull = full, QuestionWordWeight = question,
                    }).ToList();
        var clock = Stopwatch.StartNew();
        var all = new double[grid.Count][];
        Parallel.For(0, grid.Count, i => all[i] = scores(grid[i], true));
        Console.WriteLine($"{grid.Count} settings graded: {clock.Elapsed.TotalSeconds:0.0} s");
        var aucs = all.Select(s => GradingMetrics.RocAuc(s, labels)).ToArray();
        foreach (var i in Enumerable.Range(0, grid.Count).OrderByDescending(i => aucs[i]).Take(15))
            Console.WriteLine(F($"{aucs[i]:0.0000}  {Describe(grid[i])}"));

        // Leave one module out: the best setting on the other modules scores the held-out one.
        var pooled = new double[rows.Count];
        foreach (var module in rows.Select(r => r.Module).Distinct().Order(StringComparer.Ordinal))
        {
            var train = Enumerable.Range(0, rows.Count).Where(i => rows[i].Module != module).ToList();
            var best = Enumerable.Range(0, grid.Count).MaxBy(g => GradingMetrics.RocAuc(train.Select(i => all[g][i]).ToList(), train.Select(i => labels[i]).ToList()));
            foreach (var i in Enumerable.Range(0, rows.Count).Where(i => rows[i].Module == module)) pooled[i] = all[best][i];
            Console.WriteLine($"  {module}: {Describe(grid[best])}");
        }
        Console.WriteLine(F($"leave-one-module-out: {GradingMetrics.RocAuc(pooled, labels):0.0000}"));
    }

    private static void Ablation(Func<GradingOptions?, bool, double[]> scores, Func<IReadOnlyList<double>, double> auc)
    {
        var tuned = new GradingOptions();
        (string, GradingOptions)[] variants =
        [
            ("no meaning matches", tuned with { MeaningMatchThreshold = 2 }),
            ("no soft recall", tuned with { SoftRecallWeight = 0 }),
            ("soft recall only", tuned with { SoftRecallWeight = 1 }),
            ("meaning matches at half credit", tuned with { MeaningMatchCredit = 0.5 }),
            ("question words weigh 0.3 (the extractor's discount)", tuned with { QuestionWordWeight = 0.3 }),
            ("no question-word weighting", tuned with { QuestionWordWeight = 1 }),
            ("soft recall not ramped (floor 0, full 1)", tuned with { SoftRecallFloor = 0, SoftRecallFull = 1 }),
        ];
        foreach (var (name, options) in variants) Console.WriteLine(F($"{name}: {auc(scores(options, true)):0.0000}"));
    }

    private static void Matches(List<Row> rows, Dictionary<string, GradingKey> keys, Dictionary<string, KeyMeaning> meanings, Dictionary<string, MeaningText> encoded, double threshold)
    {
        var grader = new Grader(new GradingOptions { MeaningMatchThreshold = threshold });
        var found = new List<string>();
        foreach (var r in rows)
        {
            if (!encoded.TryGetValue(r.Response, out var text)) continue;
            var result = grader.Grade(keys[r.QuestionId], r.Response, 1, meanings[r.QuestionId], text);
            found.AddRange(result.Matched.Where(m => m.How == MatchKind.Meaning)
                .Select(m => F($"'{m.Keyword.Phrase}' ~ '{r.Response.Substring(m.Spans[0].Start, m.Spans[0].Length)}', {m.Similarity:0.00}  [{r.QuestionId}: {r.Response}]")));
        }
        var step = Math.Max(1, found.Count / 60);
        Console.WriteLine($"{found.Count} meaning matches in {rows.Count} responses; every {step}th:");
        foreach (var line in found.Where((_, i) => i % step == 0)) Console.WriteLine(line);
    }

    private static string Describe(GradingOptions o) => F(
        $"threshold {o.MeaningMatchThreshold} credit {o.MeaningMatchCredit} weight {o.SoftRecallWeight} floor {o.SoftRecallFloor} full {o.SoftRecallFull} question {o.QuestionWordWeight}");

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
