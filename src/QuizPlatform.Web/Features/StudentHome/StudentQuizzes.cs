using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
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
        (await Actor.LoadAsync(db, studentId, cancellationToken)).EnsureStudent();

        var quizzes = await StudentQuizView.ListAsync(db, studentId, cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var rows = quizzes.Select(q =>
        {
            var running = q.InProgress(now);
            var counted = q.Counted(now);
            var closed = q.Closed(now);
            var state = running is not null ? StudentQuizState.InProgress
                : !q.Opened(now) ? StudentQuizState.NotYetOpen
                : !closed && q.AttemptsLeft > 0 ? StudentQuizState.Open
                : counted is { Graded: true } ? StudentQuizState.Graded
                : counted is not null ? StudentQuizState.Submitted
                : StudentQuizState.Closed;
            var review = q.Review(now);
            var scoreShown = state == StudentQuizState.Graded && review.ShowsScore;
            return new StudentQuiz(q.QuizId, q.Title, q.ClassNames, state, q.OpensAt, q.ClosesAt, q.TimeLimit, q.AttemptsAllowed,
                q.AttemptsLeft, running?.Deadline - now,
                scoreShown ? counted!.Score : null,
                scoreShown ? counted!.MaxScore : null,
                counted?.Id,
                running?.Id,
                scoreShown && counted!.Provisional,
                state == StudentQuizState.Graded && review.HoldsScores);
        });
        return [.. rows.OrderBy(r => r.State is StudentQuizState.InProgress or StudentQuizState.Open ? 0 : 1)
            .ThenBy(r => r.ClosesAt ?? DateTime.MaxValue).ThenBy(r => r.Title, FormattingCulture.Names)];
    }

    /// <summary>The names of the classes the student is in: an enrolled student with no quiz yet is told so, not to join one.</summary>
    public async Task<IReadOnlyList<string>> ClassNamesAsync(string studentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var names = await db.Enrollments.Where(e => e.StudentId == studentId).Select(e => e.Class.Name).ToListAsync(cancellationToken);
        return [.. names.Order(FormattingCulture.Names)];
    }
}
