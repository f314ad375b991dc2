namespace QuizPlatform.Grading.Meaning;

/// <summary>
/// One question's shift of the scoring curve, estimated from the instructor's marks on that question
/// (see docs/grading.md, "Learning from marks"). <see cref="Marks"/> is how many marks it rests on.
/// </summary>
public sealed record Calibration(double Offset, int Marks)
{
    /// <summary>The share of the points after the shift, in [0, 1].</summary>
    public double Apply(double share) => Math.Clamp(share + Offset, 0, 1);
}
