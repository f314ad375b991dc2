using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Components.Shared;

namespace QuizPlatform.Web.Features.Marking;

public enum MarkAction { Accept, Override, Revert }

/// <summary>
/// An instructor's mark on a grade: accept the grader's score, override it (0 to the question's points, with a reason,
/// optionally shown to the student) or revert to the grader.
/// </summary>
public sealed record Mark(MarkAction Action, double? Score = null, string? Reason = null, bool ReasonShown = false)
{
    public static Mark Accept() => new(MarkAction.Accept);
    public static Mark Revert() => new(MarkAction.Revert);
    public static Mark Override(double score, string reason, bool reasonShown = false) => new(MarkAction.Override, score, reason, reasonShown);

    /// <summary>Why the mark cannot be given to a grade worth <paramref name="maxPoints"/>; null when it can.</summary>
    public string? Problem(double maxPoints) => Action switch
    {
        MarkAction.Override when Score is not { } score || double.IsNaN(score) => "Give a score.",
        MarkAction.Override when Score < 0 || Score > maxPoints => $"A score is from 0 to {Formats.Figure(maxPoints)}.",
        MarkAction.Override when string.IsNullOrWhiteSpace(Reason) => "Say why: an override needs a reason.",
        _ when Reason?.Length > Data.Configurations.Limits.Reason => $"Keep the reason under {Data.Configurations.Limits.Reason} characters.",
        _ => null,
    };

    /// <summary>Gives the mark to <paramref name="grade"/>, adding its history row.</summary>
    internal GradeChange ApplyTo(Grade grade, string byId, DateTime now, GradeChangeSource? source = null) => Action switch
    {
        MarkAction.Accept => grade.Accept(byId, now, source ?? GradeChangeSource.Accept, Reason),
        MarkAction.Override => grade.Override(Score!.Value, Reason!, ReasonShown, byId, now, source ?? GradeChangeSource.Override),
        _ => grade.Revert(byId, now, Reason),
    };
}

/// <summary>A grade as the marking controls show it, with the <see cref="Revision"/> a mark must name.</summary>
public sealed record GradeState(int GradeId, int Revision, double GraderScore, double? OverrideScore, string? OverrideReason,
    bool ReasonShown, double MaxPoints, DateTime? ReviewedAt, string? ReviewedBy)
{
    public double Counted => Grade.Counted(GraderScore, OverrideScore);

    public double? InstructorMark => Grade.InstructorMark(GraderScore, OverrideScore, ReviewedAt);

    /// <summary>The state of each grade, read by the database.</summary>
    public static IQueryable<GradeState> Of(IQueryable<Grade> grades) =>
        grades.AsNoTracking().Select(g => new GradeState(g.Id, g.Revision, g.Score, g.OverrideScore, g.OverrideReason,
            g.OverrideReasonShown, g.MaxPoints, g.ReviewedAt, g.ReviewedBy == null ? null : g.ReviewedBy.DisplayName));
}

/// <summary>What came of a mark.</summary>
public abstract record MarkOutcome
{
    private MarkOutcome() { }

    public sealed record Marked(GradeState Grade) : MarkOutcome;
    /// <summary>Someone changed the grade since it was read: nothing was stored; <see cref="Current"/> is what it is now.</summary>
    public sealed record Conflict(GradeState Current) : MarkOutcome;
    public sealed record Invalid(string Message) : MarkOutcome;
    /// <summary>No such grade, or not one the actor may mark (the same answer, so as not to say which).</summary>
    public sealed record NotFound : MarkOutcome;
}

/// <summary>
/// A mark given to a group: how many answers changed, how many overridden ones were left as they were, and how many
/// an accept left because they were accepted already.
/// </summary>
public sealed record GroupMarkOutcome(int Marked, int SkippedOverridden, string? Problem = null, int AlreadyAccepted = 0);

/// <summary>One row of a grade's history, as pages show it.</summary>
public sealed record GradeChangeRow(DateTime ChangedAt, string? ChangedBy, GradeChangeSource Source, double OldScore,
    double NewScore, string? Reason);
