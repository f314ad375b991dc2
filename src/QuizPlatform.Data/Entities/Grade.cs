using QuizPlatform.Grading;

namespace QuizPlatform.Data.Entities;

/// <summary>
/// The grader's verdict on a response, and an instructor's word on it. The grader's score is a proposal: an instructor
/// accepts it, overrides it or reverts an override, and every change of either is a <see cref="GradeChange"/> in
/// <see cref="History"/>. <see cref="EffectiveScore"/> is what the student and exports see. <see cref="Explanation"/>
/// is the grader's JSON (matched and missing keywords). Change a grade only through the methods below, which keep the
/// history and bump <see cref="Revision"/>, the concurrency token two instructors marking at once are told about.
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
    /// <summary>The version of the question's keyword set (<see cref="Question.KeywordVersion"/>) that graded it.</summary>
    public int KeywordVersion { get; set; } = 1;
    public DateTime GradedAt { get; set; }
    /// <summary>
    /// Graded by keywords at hand-in, with the meaning pass (<c>Grading:Meaning</c>) still to come: it replaces the
    /// grader's proposal and clears this. Pending grades are found again after a restart.
    /// </summary>
    public bool MeaningPending { get; set; }
    /// <summary>Until when a meaning worker holds the pending grade; after it, another takes it over.</summary>
    public DateTime? MeaningLeaseUntil { get; set; }
    public double? OverrideScore { get; set; }
    public string? OverriddenById { get; set; }
    public ApplicationUser? OverriddenBy { get; set; }
    public string? OverrideReason { get; set; }
    /// <summary>Whether the student reads <see cref="OverrideReason"/> on their results.</summary>
    public bool OverrideReasonShown { get; set; }
    public DateTime? OverriddenAt { get; set; }
    /// <summary>When an instructor last accepted or overrode it: a reviewed grade is no longer provisional.</summary>
    public DateTime? ReviewedAt { get; set; }
    public string? ReviewedById { get; set; }
    public ApplicationUser? ReviewedBy { get; set; }
    public int Revision { get; set; }
    public List<GradeChange> History { get; set; } = [];

    public double EffectiveScore => Counted(Score, OverrideScore);

    public bool Reviewed => ReviewedAt is not null;

    /// <summary>The score that counts: the instructor's override when there is one, else the grader's.</summary>
    public static double Counted(double score, double? overrideScore) => overrideScore ?? score;

    /// <summary>
    /// The instructor's mark: the override, else the grader's score once accepted (reviewed); null while only the
    /// grader has spoken. What the agreement panel and learning from marks read.
    /// </summary>
    public static double? InstructorMark(double score, double? overrideScore, DateTime? reviewedAt) =>
        overrideScore ?? (reviewedAt is null ? null : score);

    /// <summary>
    /// Provisional for the student: the grader asked for review (<see cref="ReviewFlags"/>) and no instructor has
    /// looked at it yet.
    /// </summary>
    public static bool Provisional(GradeFlags flags, DateTime? reviewedAt) => ReviewFlags.AskForReview(flags) && reviewedAt is null;

    /// <summary>The instructor agrees with the grader: the grader's score counts and the grade is reviewed.</summary>
    public GradeChange Accept(string byId, DateTime now, GradeChangeSource source = GradeChangeSource.Accept, string? reason = null) =>
        Change(byId, now, source, reason, () =>
        {
            ClearOverride();
            MarkReviewed(byId, now);
        });

    /// <summary>The instructor's score replaces the grader's (0 to <see cref="MaxPoints"/>; a reason is required).</summary>
    public GradeChange Override(double score, string reason, bool reasonShown, string byId, DateTime now,
        GradeChangeSource source = GradeChangeSource.Override)
    {
        if (double.IsNaN(score) || score < 0 || score > MaxPoints)
            throw new ArgumentOutOfRangeException(nameof(score), $"A score is from 0 to {MaxPoints}.");
        if (string.IsNullOrWhiteSpace(reason))
            throw new ArgumentException("An override needs a reason.", nameof(reason));
        return Change(byId, now, source, reason.Trim(), () =>
        {
            OverrideScore = score;
            OverrideReason = reason.Trim();
            OverrideReasonShown = reasonShown;
            OverriddenById = byId;
            OverriddenAt = now;
            MarkReviewed(byId, now);
        });
    }

    /// <summary>Back to the grader's proposal: no override, not reviewed (a flagged answer is in the queue again).</summary>
    public GradeChange Revert(string byId, DateTime now, string? reason = null) =>
        Change(byId, now, GradeChangeSource.Revert, reason, () =>
        {
            ClearOverride();
            ReviewedAt = null;
            ReviewedById = null;
        });

    /// <summary>
    /// A new grader verdict (an edited key or a newer grader). An override stays and keeps counting; null
    /// <paramref name="byId"/> for a background job. On record only when the grader's score moved: a regrade that
    /// comes to the same score changes no mark (the grade still records the new <see cref="KeywordVersion"/>).
    /// </summary>
    public GradeChange? Regrade(GradeResult result, string explanation, int keywordVersion, string? byId, DateTime now, string? reason = null)
    {
        var proposal = Score;
        void Apply()
        {
            Score = result.Score;
            MaxPoints = result.Points;
            Coverage = result.Coverage;
            Explanation = explanation;
            Flags = result.Flags;
            KeywordHits = Grading.KeywordHits.Encode(result.Keywords);
            GraderVersion = result.GraderVersion;
            KeywordVersion = keywordVersion;
            GradedAt = now;
        }
        if (result.Score != proposal)
            return Change(byId, now, GradeChangeSource.Regrade, reason, Apply);
        Apply();
        Revision++;
        return null;
    }

    GradeChange Change(string? byId, DateTime now, GradeChangeSource source, string? reason, Action apply)
    {
        var old = EffectiveScore;
        apply();
        Revision++;
        var change = new GradeChange
        {
            ChangedById = byId, ChangedAt = now, Source = source, OldScore = old, NewScore = EffectiveScore, Reason = reason,
        };
        History.Add(change);
        return change;
    }

    void ClearOverride()
    {
        OverrideScore = null;
        OverrideReason = null;
        OverrideReasonShown = false;
        OverriddenById = null;
        OverriddenAt = null;
    }

    void MarkReviewed(string byId, DateTime now)
    {
        ReviewedAt = now;
        ReviewedById = byId;
    }
}

/// <summary>What changed a grade: an instructor's mark on one answer or a group, a regrade, or an answer to a request.</summary>
public enum GradeChangeSource { Accept, Override, Revert, Group, Regrade, Request }

/// <summary>One change of a grade, on record: who (null for a background job), when, the counted score before and after, why.</summary>
public class GradeChange
{
    public long Id { get; set; }
    public int GradeId { get; set; }
    public Grade Grade { get; set; } = null!;
    public string? ChangedById { get; set; }
    public ApplicationUser? ChangedBy { get; set; }
    public DateTime ChangedAt { get; set; }
    public GradeChangeSource Source { get; set; }
    public double OldScore { get; set; }
    public double NewScore { get; set; }
    public string? Reason { get; set; }
}
