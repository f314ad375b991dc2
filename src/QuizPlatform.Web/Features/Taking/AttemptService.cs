using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Grading;
using QuizPlatform.Importing;
using QuizPlatform.Web.Components.Shared;
using QuizPlatform.Web.Features.Grading;
using QuizPlatform.Web.Features.Observability;
using QuizPlatform.Web.Features.QuizResults;

namespace QuizPlatform.Web.Features.Taking;

/// <summary>
/// A student's attempts: starting one, reading it back, saving answers under the version and deadline rules, and
/// handing it in once. Every call checks that the attempt is the caller's; someone else's looks like no attempt at all.
/// </summary>
public sealed class AttemptService(IDbContextFactory<QuizDbContext> dbFactory, TimeProvider clock, GradingQueue grading,
    QuizActivity activity, IOptions<AttemptsOptions> options, QuizMetrics metrics, ILogger<AttemptService> logger)
{
    /// <summary>The longest answer taken: the grader's limit, so every saved answer can be graded.</summary>
    public static readonly int MaxResponseChars = new GradingOptions().MaxResponseChars;

    public async Task<QuizIntro?> IntroAsync(string studentId, int quizId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        (await Actor.LoadAsync(db, studentId, cancellationToken)).EnsureStudent();
        var quiz = await StudentQuizView.LoadAsync(db, studentId, quizId, cancellationToken);
        if (quiz is not { AssignedToStudent: true })
            return null;
        var now = Now;
        var inProgress = quiz.InProgress(now);
        var (refusal, reason) = inProgress is null ? quiz.WhyNotStart(now) : (StartRefusal.None, null);
        return new QuizIntro(quizId, quiz.Title, quiz.QuestionCount, quiz.OpensAt, quiz.ClosesAt, quiz.TimeLimit,
            quiz.AttemptsAllowed, quiz.AttemptsUsed, inProgress?.Id, quiz.LastHandedIn(now)?.Id, refusal, reason);
    }

    /// <summary>Starts an attempt, or returns the one in progress (so a double click or a second tab starts one).</summary>
    public async Task<StartOutcome> StartAsync(string studentId, int quizId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        (await Actor.LoadAsync(db, studentId, cancellationToken)).EnsureStudent();
        for (var tries = 0; ; tries++)
        {
            var quiz = await StudentQuizView.LoadAsync(db, studentId, quizId, cancellationToken);
            if (quiz is not { AssignedToStudent: true })
                return new(null, StartRefusal.NotAssigned, "This quiz is not assigned to any of your classes.");
            var now = Now;
            if (quiz.InProgress(now) is { } inProgress)
                return new(inProgress.Id, StartRefusal.None, null);
            var (refusal, reason) = quiz.WhyNotStart(now);
            if (refusal != StartRefusal.None)
                return new(null, refusal, reason);

            var attempt = new Attempt
            {
                QuizId = quizId, StudentId = studentId, Number = quiz.AttemptsUsed + 1, StartedAt = now,
                Deadline = quiz.DeadlineFor(now),
                Responses = [.. (await QuestionDraw.DrawAsync(db, quizId, cancellationToken)).Select((questionId, position) =>
                    new Response { QuestionId = questionId, Position = position })],
            };
            db.Attempts.Add(attempt);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                activity.Publish(quizId);
                return new(attempt.Id, StartRefusal.None, null);
            }
            catch (DbUpdateException) when (tries == 0)
            {
                // Another request started attempt number N at the same moment (unique index): resume that one.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The attempt with its questions and saved answers; null when it is not this student's.</summary>
    public async Task<AttemptSheet?> LoadAsync(string studentId, int attemptId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        (await Actor.LoadAsync(db, studentId, cancellationToken)).EnsureStudent();
        var attempt = await db.Attempts.AsNoTracking()
            .Where(a => a.Id == attemptId && a.StudentId == studentId)
            .Select(a => new { a.Id, a.QuizId, a.Quiz.Title, a.Number, a.Quiz.OnePerPage, a.StartedAt, a.Deadline, a.SubmittedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (attempt is null)
            return null;
        var questions = await db.Responses.AsNoTracking()
            .Where(r => r.AttemptId == attemptId)
            .OrderBy(r => r.Position)
            .Select(r => new SheetQuestion(r.QuestionId, r.Position, r.Question.Number, r.Question.Prompt,
                db.QuizQuestions.Where(q => q.QuizId == attempt.QuizId && q.QuestionId == r.QuestionId).Select(q => q.Points).FirstOrDefault(),
                r.Text, r.Version, r.SavedAt))
            .ToListAsync(cancellationToken);
        return new AttemptSheet(attempt.Id, attempt.QuizId, attempt.Title, attempt.Number, attempt.OnePerPage, attempt.StartedAt,
            attempt.Deadline, attempt.SubmittedAt, Now, MaxResponseChars, questions);
    }

    /// <summary>
    /// Stores <paramref name="text"/> as the answer if it starts from the stored version (<paramref name="baseVersion"/>)
    /// and the attempt still takes saves; otherwise refuses, records the refused text, and says why.
    /// </summary>
    public async Task<SaveResult> SaveAsync(string studentId, int attemptId, int questionId, string text, int baseVersion,
        CancellationToken cancellationToken = default)
    {
        text = ControlCharacters.Clean(text);
        if (text.Length > MaxResponseChars)
            return new(SaveStatus.TooLong, baseVersion, null, null,
                $"This answer is {Formats.Count(text.Length)} characters long; the limit is {Formats.Count(MaxResponseChars)}. Shorten it to save it.");

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        (await Actor.LoadAsync(db, studentId, cancellationToken)).EnsureStudent();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var attempt = await db.Attempts.Where(a => a.Id == attemptId && a.StudentId == studentId)
            .Select(a => new { a.SubmittedAt, a.Deadline, a.Quiz.Grace }).SingleOrDefaultAsync(cancellationToken);
        var stored = await db.Responses.Where(r => r.AttemptId == attemptId && r.QuestionId == questionId)
            .Select(r => new { r.Id, r.Version, r.Text, r.SavedAt }).SingleOrDefaultAsync(cancellationToken);
        if (attempt is null || stored is null)
            return new(SaveStatus.NotFound, baseVersion, null, null, "There is no such question in your attempt.");

        var now = Now;
        async Task<SaveResult> RefuseAsync(SaveStatus status, string reason, string message)
        {
            var kept = await db.RefusedSaves.CountAsync(s => s.AttemptId == attemptId, cancellationToken);
            if (kept < options.Value.RefusedSavesKept)
            {
                db.RefusedSaves.Add(new RefusedSave
                {
                    AttemptId = attemptId, QuestionId = questionId, Text = text, Version = baseVersion, ReceivedAt = now, Reason = reason,
                });
                await db.SaveChangesAsync(cancellationToken);
            }
            else
            {
                // Storage stays bounded however fast a script sends: the first ones show what happened, the rest are counted.
                metrics.RefusedSaveDropped();
                if (kept == options.Value.RefusedSavesKept)
                    logger.LogWarning("Attempt {AttemptId} has {Kept} refused saves stored; further refused saves are counted, not stored.",
                        attemptId, kept);
            }
            await transaction.CommitAsync(cancellationToken);
            return new(status, stored.Version, stored.SavedAt, stored.Text, message);
        }

        if (attempt.SubmittedAt is not null)
            return await RefuseAsync(SaveStatus.Submitted, "submitted", "This attempt has been handed in; answers can no longer change.");
        if (!AttemptTimes.AcceptsSaves(attempt.Deadline, attempt.Grace, now))
            return await RefuseAsync(SaveStatus.Late, "late", "Time is up: this answer arrived after the deadline and was not saved.");

        // Marking the attempt active first locks its row, so a save and a submission of the same attempt run one
        // after the other: a save either lands before the hand-in (and is graded) or sees it and is refused.
        var open = await db.Attempts.Where(a => a.Id == attemptId && a.SubmittedAt == null)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.LastSavedAt, now), cancellationToken);
        if (open == 0)
            return await RefuseAsync(SaveStatus.Submitted, "submitted", "This attempt has been handed in; answers can no longer change.");
        // Read again now that the row is ours: a save of this attempt that held it while this one waited (the previous
        // page's, sent as a reload began) is what the answer now is, and what a refusal must name: the page compares
        // it with what it sent itself, and the version read before the wait made its own save look like another tab's.
        stored = await db.Responses.Where(r => r.Id == stored.Id)
            .Select(r => new { r.Id, r.Version, r.Text, r.SavedAt }).SingleAsync(cancellationToken);

        if (baseVersion == stored.Version && text == stored.Text)
        {
            await transaction.CommitAsync(cancellationToken);
            return new(SaveStatus.Saved, stored.Version, stored.SavedAt, null, null);
        }
        var written = await db.Responses.Where(r => r.Id == stored.Id && r.Version == baseVersion)
            .ExecuteUpdateAsync(r => r
                .SetProperty(x => x.Text, text)
                .SetProperty(x => x.Version, baseVersion + 1)
                .SetProperty(x => x.SavedAt, now), cancellationToken);
        if (written == 0)
            return await RefuseAsync(SaveStatus.Stale, "stale",
                "This answer was changed in another tab or window since this one last saved. Nothing was overwritten.");
        await transaction.CommitAsync(cancellationToken);
        return new(SaveStatus.Saved, baseVersion + 1, now, null, null);
    }

    /// <summary>Hands the attempt in, once: later calls (double click, second tab, the timer) find it submitted.</summary>
    public async Task<SubmitOutcome> SubmitAsync(string studentId, int attemptId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Two statements when a whole class hands in at once: the attempt, read with the student check, then the claim.
        var attempt = await Actor.AttemptsOfStudent(db, studentId).Where(a => a.Id == attemptId)
            .Select(a => new { a.QuizId, a.Deadline, a.SubmittedAt }).SingleOrDefaultAsync(cancellationToken);
        if (attempt is null)
        {
            (await Actor.LoadAsync(db, studentId, cancellationToken)).EnsureStudent();
            return new(false, false, null);
        }
        if (attempt.SubmittedAt is { } earlier)
            return new(true, true, earlier);
        var now = Now;
        // A hand-in at or after the deadline is the timer's (the page hands in by itself when time runs out).
        var by = attempt.Deadline is { } deadline && deadline <= now ? SubmittedBy.Timer : SubmittedBy.Student;
        var claimed = await db.Attempts.Where(a => a.Id == attemptId && a.SubmittedAt == null)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.SubmittedAt, now).SetProperty(x => x.SubmittedBy, by), cancellationToken);
        if (claimed == 0)
            return new(true, true, await db.Attempts.Where(a => a.Id == attemptId).Select(a => a.SubmittedAt).SingleAsync(cancellationToken));
        metrics.HandedIn(by);
        grading.Wake();
        activity.Publish(attempt.QuizId);
        return new(true, false, now);
    }

    /// <summary>
    /// Hands in every attempt whose deadline and grace have passed, for students whose browser is gone; returns how
    /// many. Run by <see cref="ExpiredAttemptSubmitter"/>.
    /// </summary>
    public async Task<int> SubmitExpiredAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = Now;
        var candidates = await db.Attempts.Where(a => a.SubmittedAt == null && a.Deadline != null && a.Deadline < now)
            .Select(a => new { a.Id, a.QuizId, Deadline = a.Deadline!.Value, a.Quiz.Grace }).ToListAsync(cancellationToken);
        var submitted = 0;
        foreach (var expired in candidates.Where(a => !AttemptTimes.AcceptsSaves(a.Deadline, a.Grace, now)))
        {
            var claimed = await db.Attempts.Where(a => a.Id == expired.Id && a.SubmittedAt == null)
                .ExecuteUpdateAsync(a => a
                    .SetProperty(x => x.SubmittedAt, now)
                    .SetProperty(x => x.SubmittedBy, SubmittedBy.Timer), cancellationToken);
            if (claimed == 1)
            {
                metrics.HandedIn(SubmittedBy.Timer);
                grading.Wake();
                activity.Publish(expired.QuizId);
                submitted++;
            }
        }
        return submitted;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
