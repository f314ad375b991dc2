using QuizPlatform.Grading;
using QuizPlatform.Web.Features.QuizResults;

namespace QuizPlatform.Web.Features.ReviewQueue;

/// <summary>
/// The queue's figures: <see cref="Total"/> answers were selected for review, <see cref="Left"/> of them wait for an
/// instructor, by why they wait.
/// </summary>
public sealed record QueueCounts(int Total, int Left, int Flagged, int Borderline, int SpotCheck)
{
    public static QueueCounts Of(IReadOnlyCollection<QueueEntry> entries)
    {
        var left = entries.Where(e => !e.Reviewed).ToList();
        return new(entries.Count, left.Count, left.Count(e => e.Reason == ReviewReason.Flagged),
            left.Count(e => e.Reason == ReviewReason.Borderline), left.Count(e => e.Reason == ReviewReason.SpotCheck));
    }
}

/// <summary>
/// One answer to review. <see cref="Student"/> is the student's name, or "Student 17" when names are hidden (a number
/// that stays the same for the quiz); <see cref="Revision"/> is what a mark must name (see Marking.GradeMarks).
/// </summary>
public sealed record QueueItem(
    int GradeId, int Revision, ReviewReason Reason, string Student, int AttemptId, int QuestionId, string QuestionLabel,
    string Prompt, string ModelAnswer, double Points, string Text, ReviewedGrade Grade);

/// <summary>A quiz's queue as its page shows it: the figures and the next answer (null when none is left).</summary>
public sealed record ReviewQueueView(int QuizId, string Title, QueueCounts Counts, QueueItem? Item);
