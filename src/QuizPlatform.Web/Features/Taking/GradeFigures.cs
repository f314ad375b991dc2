using QuizPlatform.Data.Entities;
using QuizPlatform.Grading;

namespace QuizPlatform.Web.Features.Taking;

/// <summary>
/// A grade's figures without its explanation; <see cref="CountedScore"/> is the score that counts, and
/// <see cref="Provisional"/> says the grader asked for an instructor who has not looked yet.
/// </summary>
public sealed record GradeFigures(double Score, double? OverrideScore, double MaxPoints, GradeFlags Flags = GradeFlags.None,
    DateTime? ReviewedAt = null)
{
    public double CountedScore => Grade.Counted(Score, OverrideScore);

    public bool Provisional => Grade.Provisional(Flags, ReviewedAt);

    public InstructorReview Review =>
        Provisional ? InstructorReview.Provisional : ReviewedAt is not null ? InstructorReview.Reviewed : InstructorReview.None;
}

/// <summary>
/// The instructor's review of an answer as its student reads it: <see cref="Provisional"/> while the grader's flag
/// waits for the instructor (Grade.Provisional), <see cref="Reviewed"/> once they accepted or overrode it.
/// </summary>
public enum InstructorReview { None, Provisional, Reviewed }
