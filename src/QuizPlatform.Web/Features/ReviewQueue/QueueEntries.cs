using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Grading;

namespace QuizPlatform.Web.Features.ReviewQueue;

/// <summary>One answer the queue holds: its grade, why it is there, and whether an instructor has reviewed it.</summary>
public sealed record QueueEntry(int GradeId, int ResponseId, ReviewReason Reason, bool Reviewed);

/// <summary>
/// What is in a quiz's review queue, by <see cref="ReviewSelection"/>, over the graded answers of handed-in attempts:
/// one query of a few numbers per answer (no texts, no explanations), the rule applied here because the spot-check
/// draw is a hash the database cannot compute. The queue's page, its count on the results header and the hold on
/// students' scores all read it from here.
/// </summary>
public static class QueueEntries
{
    /// <summary>The coverage that earns full marks, around which an answer is borderline: the grader's own setting.</summary>
    public static readonly double FullMarksCoverage = new GradingOptions().FullMarksCoverage;

    /// <summary>Every answer selected for review, reviewed or not, in the queue's stable order.</summary>
    public static Task<List<QueueEntry>> AllAsync(QuizDbContext db, int quizId, double spotCheckShare, CancellationToken cancellationToken) =>
        ReadAsync(db, quizId, spotCheckShare, unreviewedOnly: false, cancellationToken);

    /// <summary>Whether any selected answer still waits for an instructor: what holds students' scores back.</summary>
    public static async Task<bool> AnyLeftAsync(QuizDbContext db, int quizId, double spotCheckShare, CancellationToken cancellationToken) =>
        (await ReadAsync(db, quizId, spotCheckShare, unreviewedOnly: true, cancellationToken)).Count > 0;

    static async Task<List<QueueEntry>> ReadAsync(QuizDbContext db, int quizId, double spotCheckShare, bool unreviewedOnly,
        CancellationToken cancellationToken)
    {
        var grades = db.Grades.AsNoTracking()
            .Where(g => g.Response.Attempt.QuizId == quizId && g.Response.Attempt.SubmittedAt != null);
        if (unreviewedOnly)
            grades = grades.Where(g => g.ReviewedAt == null);
        if (spotCheckShare == 0)
        {
            // Without a spot check only flagged and borderline answers can be in the queue: the database narrows the
            // rows to those (a superset, with a margin; ReviewSelection.Why below decides) instead of sending them all.
            var (low, high) = (FullMarksCoverage - ReviewSelection.BorderlineBand - 1e-6, FullMarksCoverage + ReviewSelection.BorderlineBand + 1e-6);
            grades = grades.Where(g => (g.Flags & ReviewFlags.Any) != 0 || (g.Coverage >= low && g.Coverage <= high));
        }
        var rows = await grades
            .Select(g => new { g.Id, g.ResponseId, g.Flags, g.Coverage, Reviewed = g.ReviewedAt != null })
            .ToListAsync(cancellationToken);
        return [.. rows
            .Select(r => (Row: r, Why: ReviewSelection.Why(r.Flags, r.Coverage, quizId, r.ResponseId, spotCheckShare, FullMarksCoverage)))
            .Where(x => x.Why is not null)
            .OrderBy(x => ReviewSelection.Order(quizId, x.Row.ResponseId))
            .Select(x => new QueueEntry(x.Row.Id, x.Row.ResponseId, x.Why!.Value, x.Row.Reviewed))];
    }
}
