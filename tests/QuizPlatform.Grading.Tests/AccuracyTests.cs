using System.Text.Json;
using QuizPlatform.Grading.Meaning;
using QuizPlatform.Grading.Tests.Meaning;

namespace QuizPlatform.Grading.Tests;

/// <summary>
/// Agreement with human markers on eval/scientsbank-train.jsonl (SemEval-2013 SciEntsBank). Keywords come from each
/// question's single model answer; labels are only used to measure. See docs/grading.md.
/// </summary>
public class AccuracyTests
{
    private sealed record Row(string QuestionId, string Question, string ModelAnswer, string Response, bool Correct);

    private static readonly Lazy<List<Row>> Rows = new(() => File.ReadLines(Seed.RepoFile("eval/scientsbank-train.jsonl"))
        .Select(line => JsonDocument.Parse(line).RootElement)
        .Select(e => new Row(e.GetProperty("question_id").GetString()!, e.GetProperty("question").GetString()!,
            e.GetProperty("model_answer").GetString()!, e.GetProperty("response").GetString()!,
            e.GetProperty("label_2way").GetString() == "correct"))
        .ToList());

    /// <summary>Each question's key: keywords extracted per module (EM, FN, ...), the assignment-like context.</summary>
    private static readonly Lazy<Dictionary<string, GradingKey>> Keys = new(() =>
    {
        var grader = new Grader();
        var keys = new Dictionary<string, GradingKey>(StringComparer.Ordinal);
        var questions = Rows.Value.GroupBy(r => r.QuestionId).Select(g => g.First()).OrderBy(r => r.QuestionId, StringComparer.Ordinal);
        foreach (var module in questions.GroupBy(q => q.QuestionId.Split('_')[0]))
        {
            var list = module.ToList();
            var keywords = new KeywordExtractor().Extract(list.Select(q => new QuestionText(q.Question, q.ModelAnswer)).ToList());
            for (var i = 0; i < list.Count; i++) keys[list[i].QuestionId] = grader.Compile(list[i].Question, keywords[i]);
        }
        return keys;
    });

    /// <summary>Our grader's results, keywords only.</summary>
    private static readonly Lazy<List<GradeResult>> Graded = new(() =>
    {
        var grader = new Grader();
        return Rows.Value.Select(r => grader.Grade(Keys.Value[r.QuestionId], r.Response)).ToList();
    });

    /// <summary>With the meaning pass: every question prepared and every distinct response encoded once, in one batch each.</summary>
    private static readonly Lazy<GradeResult[]> GradedWithMeaning = new(() =>
    {
        var grader = new MeaningGrader(new Grader(), SharedEncoder.Encoder);
        var questions = Rows.Value.DistinctBy(r => r.QuestionId).ToList();
        var prepared = grader.Prepare([.. questions.Select(q => (Keys.Value[q.QuestionId], q.ModelAnswer))]);
        var meanings = questions.Select((q, i) => (q.QuestionId, Meaning: prepared[i])).ToDictionary(p => p.QuestionId, p => p.Meaning, StringComparer.Ordinal);
        return grader.Grade([.. Rows.Value.Select(r => new MeaningRequest(Keys.Value[r.QuestionId], meanings[r.QuestionId], r.Response))]);
    });

    /// <summary>The plain baseline: share of the model answer's content-word stems found in the response.</summary>
    private static List<double> BaselineScores()
    {
        HashSet<string> Stems(string text) => Text.Tokenizer.Tokenize(text).Where(t => !t.Term.IsStop).Select(t => t.Term.Stem).ToHashSet();
        return Rows.Value.Select(r =>
        {
            var model = Stems(r.ModelAnswer);
            var response = Stems(r.Response);
            return model.Count == 0 ? 0 : (double)model.Count(response.Contains) / model.Count;
        }).ToList();
    }

    [Fact]
    public void GraderAgreesWithHumanMarkersBetterThanTheBaseline()
    {
        var labels = Rows.Value.Select(r => r.Correct).ToList();
        var ours = GradingMetrics.RocAuc(Graded.Value.Select(g => g.Score).ToList(), labels);
        var baseline = GradingMetrics.RocAuc(BaselineScores(), labels);
        Assert.True(ours > baseline, $"ROC AUC {ours:F3} does not beat the baseline {baseline:F3}");
        // Keywords alone, as with Grading:Meaning off: 0.742 (see docs/grading.md).
        Assert.True(ours >= 0.74, $"ROC AUC {ours:F3} fell below the documented 0.742");
    }

    [Fact]
    public void TheMeaningPassAgreesWithHumanMarkersBetterThanKeywordsAlone()
    {
        var labels = Rows.Value.Select(r => r.Correct).ToList();
        var withMeaning = GradingMetrics.RocAuc(GradedWithMeaning.Value.Select(g => g.Score).ToList(), labels);
        var keywordsOnly = GradingMetrics.RocAuc(Graded.Value.Select(g => g.Score).ToList(), labels);
        Assert.True(withMeaning > keywordsOnly, $"ROC AUC with meaning {withMeaning:F3}, keywords alone {keywordsOnly:F3}");
        // Reached: 0.7708 (docs/grading.md, "Meaning"); the target is 0.77.
        Assert.True(withMeaning >= 0.770, $"ROC AUC {withMeaning:F4} fell below the documented 0.7708");
    }

    [Fact]
    public void PaddingRuleAlmostNeverFlagsARealAnswer()
    {
        // Measured for 1.5.0: 2 of 4,969 (0.04 %), both answers the markers judged incorrect (see docs/grading.md).
        var flagged = Graded.Value.Count(g => g.Flags.HasFlag(GradeFlags.KeywordPadding));
        Assert.True(flagged <= Rows.Value.Count / 200, $"{flagged} of {Rows.Value.Count} real answers flagged as keyword padding");
    }
}
