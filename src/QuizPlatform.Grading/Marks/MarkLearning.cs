using QuizPlatform.Grading.Meaning;

namespace QuizPlatform.Grading.Marks;

/// <summary>
/// What one question's marks teach the grader: answers given full marks become references (reference expansion), and
/// the gap between the grader's shares and the instructor's shifts that question's curve (calibration), shrunk
/// towards no shift when the marks are few. Each marked answer is scored without itself as a reference when fitting.
/// </summary>
public static class MarkLearning
{
    /// <summary>Shares at or above this count as full marks for reference expansion.</summary>
    public const double FullMarks = 0.999;

    /// <summary>How many marks' worth of belief the prior "no shift" carries.</summary>
    public const double PriorMarks = 4;

    /// <param name="encodedMarks">The marked responses encoded by the same model, in the order of <paramref name="marks"/>.</param>
    public static KeyMeaning Learn(Grader grader, GradingKey key, KeyMeaning meaning, IReadOnlyList<HumanMark> marks, IReadOnlyList<MeaningText> encodedMarks)
    {
        ArgumentNullException.ThrowIfNull(grader);
        ArgumentNullException.ThrowIfNull(marks);
        ArgumentNullException.ThrowIfNull(encodedMarks);
        if (marks.Count != encodedMarks.Count) throw new ArgumentException("One encoded response per mark.", nameof(encodedMarks));
        if (marks.Count == 0) return meaning.WithReferences([]).WithCalibration(null);

        var references = Enumerable.Range(0, marks.Count).Where(i => marks[i].Share >= FullMarks).ToList();
        double gap = 0;
        for (var i = 0; i < marks.Count; i++)
        {
            var others = meaning.WithReferences([.. references.Where(r => r != i).Select(r => encodedMarks[r])]).WithCalibration(null);
            var predicted = grader.Grade(key, marks[i].Response, 1, others, encodedMarks[i]).Score;
            gap += marks[i].Share - predicted;
        }
        var offset = gap / (marks.Count + PriorMarks);
        return meaning.WithReferences([.. references.Select(r => encodedMarks[r])]).WithCalibration(new Calibration(offset, marks.Count));
    }
}
