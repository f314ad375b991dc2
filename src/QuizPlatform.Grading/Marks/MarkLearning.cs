using QuizPlatform.Grading.Meaning;

namespace QuizPlatform.Grading.Marks;

/// <summary>
/// What one question's marks teach the grader (see docs/grading.md, "Learning from marks"): answers given full marks
/// become references (reference expansion), and the question gets its own offset on the dev set's logistic curve
/// (<see cref="Calibration"/>), shrunk towards none when the marks are few. Each marked answer is scored without itself
/// as a reference when fitting: with itself it would recall itself perfectly, and the offset would be biased low. It
/// is scored among the quiz's other questions, as it is graded: an answer pasted from another question that the
/// instructor marked 0 agrees with its capped grade, and must not pull the question's curve down.
/// </summary>
public static class MarkLearning
{
    /// <summary>Shares at or above this count as full marks for reference expansion.</summary>
    public const double FullMarks = 0.999;

    /// <param name="encodedMarks">The marked responses encoded by the same model, in the order of <paramref name="marks"/>.</param>
    /// <param name="among">The quiz's questions, as the answers are graded among them.</param>
    public static KeyMeaning Learn(Grader grader, GradingKey key, KeyMeaning meaning, IReadOnlyList<HumanMark> marks,
        IReadOnlyList<MeaningText> encodedMarks, CalibrationCurve? curve = null, QuestionSet? among = null)
    {
        var predicted = FittingShares(grader, key, meaning, marks, encodedMarks, among);
        return meaning.WithReferences([.. References(marks).Select(r => encodedMarks[r])])
            .WithCalibration(Calibration.Fit(predicted, [.. marks.Select(m => m.Share)], curve));
    }

    /// <summary>
    /// What one of the marked answers is graded with: <paramref name="learned"/> without the answer itself among its
    /// references, as the fit scores it. With itself it would read "close to an answer you marked correct", meaning itself.
    /// </summary>
    /// <param name="answer">The marked answer, the very instance it was learned from (answers are encoded once per text).</param>
    public static KeyMeaning ForMarkedAnswer(KeyMeaning learned, MeaningText answer)
    {
        ArgumentNullException.ThrowIfNull(learned);
        return learned.WithReferences([.. learned.References.Where(r => !ReferenceEquals(r, answer))]);
    }

    /// <summary>
    /// The grader's share for each marked answer as the fit sees it: with every other full-mark answer as a reference,
    /// never itself, and no calibration.
    /// </summary>
    public static double[] FittingShares(Grader grader, GradingKey key, KeyMeaning meaning, IReadOnlyList<HumanMark> marks,
        IReadOnlyList<MeaningText> encodedMarks, QuestionSet? among = null)
    {
        ArgumentNullException.ThrowIfNull(grader);
        ArgumentNullException.ThrowIfNull(meaning);
        ArgumentNullException.ThrowIfNull(marks);
        ArgumentNullException.ThrowIfNull(encodedMarks);
        if (marks.Count != encodedMarks.Count) throw new ArgumentException("One encoded response per mark.", nameof(encodedMarks));
        var references = References(marks);
        var shares = new double[marks.Count];
        for (var i = 0; i < marks.Count; i++)
        {
            var others = meaning.WithReferences([.. references.Where(r => r != i).Select(r => encodedMarks[r])]).WithCalibration(null);
            shares[i] = grader.Grade(key, marks[i].Response, 1, others, encodedMarks[i], among).Score;
        }
        return shares;
    }

    private static List<int> References(IReadOnlyList<HumanMark> marks) =>
        [.. Enumerable.Range(0, marks.Count).Where(i => marks[i].Share >= FullMarks)];
}
