using QuizPlatform.Grading;

namespace QuizPlatform.Data.Entities;

/// <summary>
/// The grader's verdict on a response, and an instructor's override of it. <see cref="EffectiveScore"/> is what
/// the student and exports see. <see cref="Explanation"/> is the grader's JSON (matched and missing keywords).
/// </summary>
public class Grade
{
    public int Id { get; set; }
    public int ResponseId { get; set; }
    public Response Response { get; set; } = null!;
    public double Score { get; set; }
    public double MaxPoints { get; set; }
    public double Coverage { get; set; }
    public string Explanation { get; set; } = "{}";
    /// <summary>The grader's flags, for counting and filtering without reading <see cref="Explanation"/>.</summary>
    public GradeFlags Flags { get; set; }
    /// <summary>
    /// Each keyword's outcome in key order (<see cref="Grading.KeywordHits"/>), for class statistics; null on grades
    /// stored before it existed, whose <see cref="Explanation"/> says the same.
    /// </summary>
    public string? KeywordHits { get; set; }
    public string GraderVersion { get; set; } = "";
    public DateTime GradedAt { get; set; }
    public double? OverrideScore { get; set; }
    public string? OverriddenById { get; set; }
    public ApplicationUser? OverriddenBy { get; set; }
    public string? OverrideReason { get; set; }
    public DateTime? OverriddenAt { get; set; }

    public double EffectiveScore => Counted(Score, OverrideScore);

    /// <summary>The score that counts: the instructor's override when there is one, else the grader's.</summary>
    public static double Counted(double score, double? overrideScore) => overrideScore ?? score;
}
