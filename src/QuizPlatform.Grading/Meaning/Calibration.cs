namespace QuizPlatform.Grading.Meaning;

/// <summary>
/// One question's shift of the scoring curve, learnt from the instructor's marks on that question (see
/// docs/grading.md, "Learning from marks"). The grader's share of the points is read through a logistic curve,
/// P(correct) = σ(<see cref="CalibrationCurve.Slope"/> × share + <see cref="CalibrationCurve.Intercept"/>), fitted once on
/// the dev set; a question whose answers the instructor marks higher (or lower) than that curve expects gets its own
/// offset, <see cref="Logit"/>, added inside σ. On the share scale that is a shift of <see cref="Shift"/>.
/// <see cref="Marks"/> is how many marks it rests on.
/// </summary>
public sealed record Calibration(double Logit, int Marks, CalibrationCurve Curve)
{
    /// <summary>The same shift on the share scale: the share the dev-set curve maps to the question's probability.</summary>
    public double Shift => Logit / Curve.Slope;

    /// <summary>The share of the points after the shift, in [0, 1].</summary>
    public double Apply(double share) => Math.Clamp(share + Shift, 0, 1);

    /// <summary>
    /// The question's offset from its marks: <paramref name="predicted"/> are the grader's shares for the marked
    /// answers (each scored without itself as a reference), <paramref name="marks"/> the instructor's shares, each read
    /// through the same curve: a mark equal to the grader's share pulls nowhere, and marks all above the grader's move
    /// the curve up (read as chances, a mark of 0.1 on a share of 0 was below the curve's 0.14, and pulled it down). A
    /// maximum a posteriori estimate under a normal prior of the curve's <see cref="CalibrationCurve.PriorSd"/>
    /// (how far questions' offsets spread on the dev set): 2 marks move it a little, 10 a lot. Null without marks.
    /// </summary>
    public static Calibration? Fit(IReadOnlyList<double> predicted, IReadOnlyList<double> marks, CalibrationCurve? curve = null)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(marks);
        if (predicted.Count != marks.Count) throw new ArgumentException("One mark per prediction.", nameof(marks));
        if (marks.Count == 0) return null;
        curve ??= CalibrationCurve.Default;
        var precision = 1 / (curve.PriorSd * curve.PriorSd);
        double offset = 0;
        // Newton's method on a concave log-posterior: a handful of steps reach double precision.
        for (var step = 0; step < 50; step++)
        {
            double gradient = -precision * offset, curvature = -precision;
            for (var i = 0; i < marks.Count; i++)
            {
                var p = Sigmoid(curve.Slope * predicted[i] + curve.Intercept + offset);
                gradient += Sigmoid(curve.Slope * Math.Clamp(marks[i], 0, 1) + curve.Intercept) - p;
                curvature -= p * (1 - p);
            }
            var move = gradient / curvature;
            offset -= move;
            if (Math.Abs(move) < 1e-9) break;
        }
        return new Calibration(offset, marks.Count, curve);
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}

/// <summary>
/// The logistic curve that turns a grader's share into the chance a marker calls the answer correct, fitted on the
/// dev set (eval/scientsbank-train.jsonl, no marks), and the spread of the questions' own offsets around it.
/// </summary>
public sealed record CalibrationCurve(double Slope, double Intercept, double PriorSd)
{
    public static CalibrationCurve Default { get; } = new(3.70, -1.79, 1.0);
}
