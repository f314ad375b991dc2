using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Taking;

namespace QuizPlatform.Web.Features.StudentHome;

/// <summary>The quizzes a student sees on their home page: those assigned to a class they are enrolled in.</summary>
public sealed class StudentQuizzes(IDbContextFactory<QuizDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>
    /// The student's quizzes, soonest-closing first. Throws <see cref="UnauthorizedAccessException"/> unless
    /// <paramref name="studentId"/> is an active student (roles read from the database).
    /// </summary>
    public async Task<IReadOnlyList<StudentQuiz>> ListAsync(string studentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.DemandRoleAsync(studentId, Roles.Student);

        var myClassIds = db.Enrollments.Where(e => e.StudentId == studentId).Select(e => e.ClassId);
        var quizzes = await db.Quizzes
            .Where(q => q.Classes.Any(qc => myClassIds.Contains(qc.ClassId)))
            .Select(q => new
            {
                q.Id, q.Title, q.OpensAt, q.ClosesAt, q.TimeLimit, q.AttemptsAllowed, q.ShowScore,
                ClassNames = q.Classes.Where(qc => myClassIds.Contains(qc.ClassId)).Select(qc => qc.Class.Name).ToList(),
                Accommodation = q.Accommodations.Where(a => a.StudentId == studentId)
                    .Select(a => new { a.TimeMultiplier, a.ExtendedClosesAt }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var quizIds = quizzes.Select(q => q.Id).ToList();
        var attempts = await db.Attempts
            .Where(a => a.StudentId == studentId && quizIds.Contains(a.QuizId))
            .Select(a => new
            {
                a.Id, a.QuizId, a.Number, a.Deadline, a.SubmittedAt,
                Grades = a.Responses.Select(r => r.Grade == null ? null
                    : new GradeFigures(r.Grade.OverrideScore ?? r.Grade.Score, r.Grade.MaxPoints)).ToList(),
            })
            .ToListAsync(cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var rows = quizzes.Select(q =>
        {
            var closes = q.Accommodation?.ExtendedClosesAt ?? q.ClosesAt;
            var limit = q.TimeLimit * (q.Accommodation?.TimeMultiplier ?? 1);
            var mine = attempts.Where(a => a.QuizId == q.Id).OrderBy(a => a.Number).ToList();
            var attemptsLeft = Math.Max(0, q.AttemptsAllowed - mine.Count);
            var running = mine.FirstOrDefault(a => AttemptTimes.InProgress(a.SubmittedAt, a.Deadline, now));
            // A past deadline counts as handed in: the timer submits such attempts even when the browser is gone.
            var lastDone = mine.LastOrDefault(a => a.SubmittedAt is not null || a.Deadline <= now);
            var opened = q.OpensAt is null || q.OpensAt <= now;
            var closed = closes is not null && closes <= now;
            var graded = lastDone is { Grades.Count: > 0 } && lastDone.Grades.All(g => g is not null);
            var state = running is not null ? StudentQuizState.InProgress
                : !opened ? StudentQuizState.NotYetOpen
                : !closed && attemptsLeft > 0 ? StudentQuizState.Open
                : graded ? StudentQuizState.Graded
                : lastDone is not null ? StudentQuizState.Submitted
                : StudentQuizState.Closed;
            var scoreShown = state == StudentQuizState.Graded
                && (q.ShowScore == ReviewVisibility.Immediately || q.ShowScore == ReviewVisibility.AfterClose && closed);
            return new StudentQuiz(q.Id, q.Title, q.ClassNames, state, q.OpensAt, closes, limit, q.AttemptsAllowed, attemptsLeft,
                running?.Deadline - now,
                scoreShown ? lastDone!.Grades.Sum(g => g!.Score) : null,
                scoreShown ? lastDone!.Grades.Sum(g => g!.MaxPoints) : null,
                lastDone?.Id,
                running?.Id);
        });
        return [.. rows.OrderBy(r => r.State is StudentQuizState.InProgress or StudentQuizState.Open ? 0 : 1)
            .ThenBy(r => r.ClosesAt ?? DateTime.MaxValue).ThenBy(r => r.Title, StringComparer.CurrentCulture)];
    }

    private sealed record GradeFigures(double Score, double MaxPoints);
}
