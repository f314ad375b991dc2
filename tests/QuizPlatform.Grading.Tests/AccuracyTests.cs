using Xunit.Abstractions;

namespace QuizPlatform.Grading.Tests;

/// <summary>
/// Agreement with human markers on the dev set (<see cref="DevSet"/>). Keywords come from each question's single model
/// answer; labels are only used to measure. See docs/grading.md.
/// </summary>
public class AccuracyTests(ITestOutputHelper output)
{
    private static IReadOnlyList<DevSet.Row> Rows => DevSet.Rows;

    /// <summary>Our grader's results, keywords only, each module's questions playing the quiz.</summary>
    private static readonly Lazy<List<GradeResult>> Graded = new(() =>
        [.. Rows.Select(r => DevSet.Grader.Grade(DevSet.Keys[r.QuestionId], r.Response, 1, DevSet.ModuleOf(r)))]);

    /// <summary>With the meaning pass.</summary>
    private static readonly Lazy<List<GradeResult>> GradedWithMeaning = new(() =>
        [.. Rows.Select((r, i) => DevSet.Grader.Grade(DevSet.Keys[r.QuestionId], r.Response, 1, DevSet.Meanings[r.QuestionId], DevSet.Encoded[i],
            DevSet.ModuleOf(r)))]);

    /// <summary>The plain baseline: share of the model answer's content-word stems found in the response.</summary>
    private static List<double> BaselineScores()
    {
        HashSet<string> Stems(string text) => Text.Tokenizer.Tokenize(text).Where(t => !t.Term.IsStop).Select(t => t.Term.Stem).ToHashSet();
        return Rows.Select(r =>
        {
            var model = Stems(r.ModelAnswer);
            var response = Stems(r.Response);
            return model.Count == 0 ? 0 : (double)model.Count(response.Contains) / model.Count;
        }).ToList();
    }

    [Fact]
    public void GraderAgreesWithHumanMarkersBetterThanTheBaseline()
    {
        var labels = DevSet.Labels;
        var ours = GradingMetrics.RocAuc(Graded.Value.Select(g => g.Score).ToList(), labels);
        var baseline = GradingMetrics.RocAuc(BaselineScores(), labels);
        output.WriteLine($"ROC AUC keywords {ours:F4}, baseline {baseline:F4}");
        Assert.True(ours > baseline, $"ROC AUC {ours:F3} does not beat the baseline {baseline:F3}");
        // Keywords alone, as with Grading:Meaning off: 0.742 (see docs/grading.md).
        Assert.True(ours >= 0.74, $"ROC AUC {ours:F3} fell below the documented 0.742");
    }

    [Fact]
    public void TheMeaningPassAgreesWithHumanMarkersBetterThanKeywordsAlone()
    {
        var labels = DevSet.Labels;
        var withMeaning = GradingMetrics.RocAuc(GradedWithMeaning.Value.Select(g => g.Score).ToList(), labels);
        var keywordsOnly = GradingMetrics.RocAuc(Graded.Value.Select(g => g.Score).ToList(), labels);
        output.WriteLine($"ROC AUC with meaning {withMeaning:F4}, keywords alone {keywordsOnly:F4}");
        Assert.True(withMeaning > keywordsOnly, $"ROC AUC with meaning {withMeaning:F3}, keywords alone {keywordsOnly:F3}");
        // Reached: 0.7738 with the model's third layer reading content words (docs/grading.md, "Content words only"); the
        // issue's target is 0.77.
        Assert.True(withMeaning >= 0.773, $"ROC AUC {withMeaning:F4} fell below the documented 0.7738");
    }

    [Fact]
    public void AlmostNoRightAnswerReadsAsAnAnswerToAnotherQuestionOfItsModule()
    {
        // Measured for 1.9.0: 2 of 2,008 correct answers (0.1 %), 8 of 2,961 incorrect (docs/grading.md).
        var flagged = Rows.Where((r, i) => r.Correct && Graded.Value[i].Flags.HasFlag(GradeFlags.OtherQuestion)).Count();
        Assert.True(flagged <= 5, $"{flagged} correct answers flagged as answers to another question of their module");
    }

    [Fact]
    public void PaddingRuleAlmostNeverFlagsARealAnswer()
    {
        // Measured for 1.5.0: 2 of 4,969 (0.04 %), both answers the markers judged incorrect (see docs/grading.md).
        var flagged = Graded.Value.Count(g => g.Flags.HasFlag(GradeFlags.KeywordPadding));
        Assert.True(flagged <= Rows.Count / 200, $"{flagged} of {Rows.Count} real answers flagged as keyword padding");
    }
}
