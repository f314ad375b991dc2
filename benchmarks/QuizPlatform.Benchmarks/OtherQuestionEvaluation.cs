using System.Globalization;
using System.Text.Json;
using QuizPlatform.Grading;
using QuizPlatform.Grading.Meaning;
using QuizPlatform.Grading.Text;

namespace QuizPlatform.Benchmarks;

/// <summary>
/// Measures the other-question check (<see cref="QuestionSet"/>, docs/grading.md "Answers to another question"). On
/// eval/scientsbank-train.jsonl, each module's questions playing the quiz: how many answers it flags by label over a
/// grid of its three thresholds, the flagged answers to read, and the AUC with and without a cap (no marks, 5, 10).
/// On the seed (its 50 questions one quiz): the share of each kind of generated answer it flags, and their scores
/// before and after it, by keywords and by meaning.
/// </summary>
public static class OtherQuestionEvaluation
{
    private sealed record Row(string QuestionId, string Module, string Question, string ModelAnswer, string Response, bool Correct);

    public static void Run(string devSet)
    {
        using var encoder = new CachedEncoder(Path.GetTempPath());
        DevSet(devSet, encoder);
        TheSeed(encoder);
    }

    private static void DevSet(string path, CachedEncoder encoder)
    {
        var rows = File.ReadLines(path).Select(line => JsonDocument.Parse(line).RootElement).Select(e =>
        {
            var id = e.GetProperty("question_id").GetString()!;
            return new Row(id, id.Split('_')[0], e.GetProperty("question").GetString()!, e.GetProperty("model_answer").GetString()!,
                e.GetProperty("response").GetString()!, e.GetProperty("label_2way").GetString() == "correct");
        }).ToList();
        var grader = new Grader();
        var keys = new Dictionary<string, GradingKey>(StringComparer.Ordinal);
        var sets = new Dictionary<string, QuestionSet>(StringComparer.Ordinal);
        var questions = rows.GroupBy(r => r.QuestionId).Select(g => g.First()).OrderBy(r => r.QuestionId, StringComparer.Ordinal).ToList();
        foreach (var module in questions.GroupBy(q => q.Module))
        {
            var list = module.ToList();
            var keywords = new KeywordExtractor().Extract(list.Select(q => new QuestionText(q.Question, q.ModelAnswer)).ToList());
            for (var i = 0; i < list.Count; i++) keys[list[i].QuestionId] = grader.Compile(list[i].Question, keywords[i]);
            sets[module.Key] = new QuestionSet([.. list.Select(q => keys[q.QuestionId])], [.. list.Select(q => q.QuestionId)]);
        }
        var labels = rows.Select(r => r.Correct).ToList();
        Console.WriteLine($"Dev set: {rows.Count} answers ({labels.Count(l => l)} correct), {questions.Count} questions in {sets.Count} modules");

        var fits = rows.Select(r => Fits(keys[r.QuestionId], sets[r.Module], r.Response)).ToList();
        Console.WriteLine("keywords  fit  margin  flagged correct  flagged incorrect");
        foreach (var least in new[] { 1, 3, 4, 5, 6, 7 })
            foreach (var fit in new[] { 0.3, 0.4, 0.5, 0.6 })
                foreach (var margin in new[] { 0.2, 0.3, 0.4 })
                {
                    var flagged = fits.Select(f => Fires(f, least, fit, margin)).ToList();
                    Console.WriteLine(F($"{least}  {fit:0.0}  {margin:0.0}     {Count(flagged, labels, true),5}  {Count(flagged, labels, false),5}"));
                }

        var meanings = KeyMeaning.BuildAll(encoder, [.. questions.Select(q => (keys[q.QuestionId], q.ModelAnswer))])
            .Select((m, i) => (questions[i].QuestionId, m)).ToDictionary(p => p.QuestionId, p => p.m, StringComparer.Ordinal);
        var encoded = MeaningText.EncodeDistinct(encoder, rows.Select(r => r.Response));
        foreach (var cap in new[] { 1, 0.25, 0 })
        {
            var capped = new Grader(new GradingOptions { OtherQuestionCap = cap });
            var byKeywords = rows.Select(r => capped.Grade(keys[r.QuestionId], r.Response, 1, sets[r.Module])).ToList();
            var byMeaning = rows.Select(r => capped.Grade(keys[r.QuestionId], r.Response, 1, meanings[r.QuestionId],
                encoded.GetValueOrDefault(r.Response), sets[r.Module])).ToList();
            var flagged = byKeywords.Select(g => g.Flags.HasFlag(GradeFlags.OtherQuestion)).ToList();
            Console.WriteLine(F($"cap {cap:0.00}: flagged {Count(flagged, labels, true)} correct, {Count(flagged, labels, false)} incorrect; ") +
                F($"AUC keywords {GradingMetrics.RocAuc(byKeywords.Select(g => g.Score).ToList(), labels):0.0000}, ") +
                F($"meaning {GradingMetrics.RocAuc(byMeaning.Select(g => g.Score).ToList(), labels):0.0000}"));
            double WithMarks(int k) => AucWithMarks(k, capped, rows, keys, sets, meanings, encoded);
            Console.WriteLine(F($"  with marks (mean of 3 draws, as MarksAccuracyTests): 5 marks {WithMarks(5):0.0000}, 10 marks {WithMarks(10):0.0000}"));
            if (cap == 1)
                foreach (var (r, g) in rows.Zip(byKeywords).Where(p => p.Second.OtherQuestion is not null).Take(40))
                    Console.WriteLine($"  {(r.Correct ? "correct  " : "incorrect")} {r.QuestionId} -> {g.OtherQuestion!.Question} " +
                        F($"({g.OtherQuestion.Fit:0.00} vs {g.OtherQuestion.OwnFit:0.00}): {r.Response}"));
        }
    }

    /// <summary>Pooled ROC AUC on the answers not drawn, mean over 3 draws: MarksAccuracyTests' computation, with the module's questions.</summary>
    private static double AucWithMarks(int k, Grader grader, List<Row> rows, Dictionary<string, GradingKey> keys, Dictionary<string, QuestionSet> sets,
        Dictionary<string, KeyMeaning> meanings, Dictionary<string, MeaningText> encoded)
    {
        var aucs = new List<double>();
        for (var draw = 0; draw < 3; draw++)
        {
            var random = new Random(1 + draw);
            var scores = new List<double>();
            var correct = new List<bool>();
            foreach (var question in rows.Select((row, index) => (row, index)).GroupBy(p => p.row.QuestionId))
            {
                var order = question.Select(p => p.index).ToArray();
                random.Shuffle(order);
                var drawn = Math.Min(k, order.Length - 1);
                var marked = order.Take(drawn).ToList();
                var key = keys[question.Key];
                var learnt = QuizPlatform.Grading.Marks.MarkLearning.Learn(grader, key, meanings[question.Key],
                    [.. marked.Select(i => new QuizPlatform.Grading.Marks.HumanMark(rows[i].Response, rows[i].Correct ? 1 : 0))],
                    [.. marked.Select(i => encoded[rows[i].Response])]);
                foreach (var i in order.Skip(drawn))
                {
                    scores.Add(grader.Grade(key, rows[i].Response, 1, learnt, encoded.GetValueOrDefault(rows[i].Response), sets[rows[i].Module]).Score);
                    correct.Add(rows[i].Correct);
                }
            }
            aucs.Add(GradingMetrics.RocAuc(scores, correct));
        }
        return aucs.Average();
    }

    private static void TheSeed(CachedEncoder encoder)
    {
        const int Seeds = 10;
        var seed = SeedAssignment.Load();
        var grader = new Grader();
        var keys = seed.Questions.Select((q, i) => grader.Compile(q.Prompt, seed.Keywords[i])).ToList();
        var set = new QuestionSet(keys);
        var meanings = KeyMeaning.BuildAll(encoder, [.. seed.Questions.Select((q, i) => (keys[i], q.ModelAnswer))]);
        var responses = new StudentResponses(seed.Questions, seed.Keywords);
        var answers = (from q in Enumerable.Range(0, keys.Count)
                       from kind in Enum.GetValues<ResponseKind>()
                       from s in Enumerable.Range(0, Seeds)
                       let text = responses.Create(q, kind, (ulong)s)
                       let name = kind != ResponseKind.OffTopic ? kind.ToString()
                           : responses.OtherQuestionOf(q, (ulong)s) is null ? "OffTopic (filler)" : "OffTopic (another question's good answer)"
                       select (Question: q, Kind: name, Text: text, Other: kind == ResponseKind.OffTopic ? responses.OtherQuestionOf(q, (ulong)s) : null)).ToList();
        // The issue's case: the answer to the question before, pasted (question 7's into question 8).
        answers.AddRange(from q in Enumerable.Range(0, keys.Count)
                         from s in Enumerable.Range(0, Seeds)
                         let previous = (q + keys.Count - 1) % keys.Count
                         select (q, "The previous question's good answer", responses.Create(previous, ResponseKind.Good, (ulong)s), (int?)previous));
        var encoded = MeaningText.EncodeDistinct(encoder, answers.Select(a => a.Text));
        var fits = answers.Select(a => Fits(keys[a.Question], set, a.Text)).ToList();
        var pasted = answers.Select(a => a.Other is not null).ToList();
        var honest = answers.Select(a => a.Kind is "Good" or "Partial" or "Typos").ToList();
        Console.WriteLine("The seed, another question's answers flagged / good, partial and typo answers flagged:");
        Console.WriteLine("keywords  fit  margin  pasted  honest");
        foreach (var least in new[] { 1, 5, 6 })
            foreach (var fit in new[] { 0.3, 0.4, 0.5 })
                foreach (var margin in new[] { 0.2, 0.3, 0.4 })
                {
                    var flagged = fits.Select(f => Fires(f, least, fit, margin)).ToList();
                    Console.WriteLine(F($"{least}  {fit:0.0}  {margin:0.0}  {Count(flagged, pasted, true),4}/{pasted.Count(p => p)}  ") +
                        F($"{Count(flagged, honest, true),4}/{honest.Count(h => h)}"));
                }
        Console.WriteLine($"The seed: {keys.Count} questions, one quiz; {Seeds} answers of each kind per question");
        Console.WriteLine("kind  answers  flagged: keywords  meaning  (named the right question)  mean score of 10 before -> after: keywords  meaning");
        var uncapped = new Grader(new GradingOptions { OtherQuestionCap = 1 });
        foreach (var kind in answers.GroupBy(a => a.Kind))
        {
            var list = kind.ToList();
            List<GradeResult> ByKeywords(Grader g) => [.. list.Select(a => g.Grade(keys[a.Question], a.Text, 10, set))];
            List<GradeResult> ByMeaning(Grader g) => [.. list.Select(a => g.Grade(keys[a.Question], a.Text, 10, meanings[a.Question], encoded.GetValueOrDefault(a.Text), set))];
            var (byKeywords, byMeaning) = (ByKeywords(uncapped), ByMeaning(uncapped));
            var (cappedKeywords, cappedMeaning) = (ByKeywords(grader), ByMeaning(grader));
            var named = list.Zip(byMeaning).Count(p => p.Second.OtherQuestion?.Question == (p.First.Other + 1)?.ToString(CultureInfo.InvariantCulture));
            Console.WriteLine(F($"{kind.Key}  {list.Count}  {Share(byKeywords):0.0%}  {Share(byMeaning):0.0%}  ({named})  ") +
                F($"{byKeywords.Average(g => g.Score):0.00} -> {cappedKeywords.Average(g => g.Score):0.00}  {byMeaning.Average(g => g.Score):0.00} -> {cappedMeaning.Average(g => g.Score):0.00}  ") +
                F($"(3 or more before: {byKeywords.Count(g => g.Score >= 3)}, {byMeaning.Count(g => g.Score >= 3)}; the most {byKeywords.Max(g => g.Score):0.0}, {byMeaning.Max(g => g.Score):0.0}; ") +
                F($"3 or more after: {cappedKeywords.Count(g => g.Score >= 3)}, {cappedMeaning.Count(g => g.Score >= 3)})"));
        }
    }

    /// <summary>The response's fit to its own question, and to each other question of its set.</summary>
    private static (double Own, (double Share, int Keywords)[] Others) Fits(GradingKey own, QuestionSet set, string response)
    {
        var words = Tokenizer.Tokenize(response).Select(t => t.Term.Canon).ToHashSet();
        return (own.Fit(words).Share, [.. set.Keys.Where(k => !ReferenceEquals(k, own)).Select(k => k.Fit(words))]);
    }

    private static bool Fires((double Own, (double Share, int Keywords)[] Others) fits, int keywords, double fit, double margin) =>
        fits.Others.Any(f => f.Keywords >= keywords && f.Share >= fit && f.Share - fits.Own >= margin);

    private static int Count(List<bool> flagged, List<bool> labels, bool correct) => flagged.Where((f, i) => f && labels[i] == correct).Count();

    private static double Share(List<GradeResult> results) => results.Count(g => g.Flags.HasFlag(GradeFlags.OtherQuestion)) / (double)results.Count;

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
