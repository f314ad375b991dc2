using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Configurations;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Components.Shared;
using QuizPlatform.Web.Features.Grading;
using QuizPlatform.Web.Features.QuizResults;
using QuizPlatform.Web.Features.Taking;

namespace QuizPlatform.Web.Features.RegradeRequests;

/// <summary>
/// The student's side of regrade requests: one request per answer, only by the answer's own (active) student, only
/// while <see cref="RegradeWindow"/> is open. Someone else's answer is answered as if there were none.
/// </summary>
public sealed class RegradeRequests(IDbContextFactory<QuizDbContext> dbFactory, TimeProvider clock, QuizActivity activity)
{
    /// <summary>The regrade side of question <paramref name="questionNumber"/> of the student's attempt; null when there is nothing to show.</summary>
    public async Task<RegradePanel?> PanelAsync(string studentId, int attemptId, int questionNumber, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var answer = await LoadAsync(db, studentId, attemptId, r => r.Question.Number == questionNumber, cancellationToken);
        if (answer is null)
            return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var sent = answer.Request is { } r
            ? new SentRequest(r.CreatedAt, r.Keyword, Words(answer.Text, r.SpanStart, r.SpanLength), r.Comment, r.Status, r.Reply, r.RepliedAt)
            : null;
        return new RegradePanel(answer.QuestionId, answer.Text, answer.Window,
            sent is null && !Response.IsEmpty(answer.Text) && answer.Window?.IsOpen(now) == true, answer.MissingKeywords, sent);
    }

    /// <summary>Stores the student's request for their answer to <paramref name="questionId"/> in <paramref name="attemptId"/>.</summary>
    public async Task<CreateOutcome> CreateAsync(string studentId, int attemptId, int questionId, RequestDraft draft,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var answer = await LoadAsync(db, studentId, attemptId, r => r.QuestionId == questionId, cancellationToken);
        if (answer is null)
            return new CreateOutcome.NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        if (answer.Request is not null)
            return new CreateOutcome.Refused(AskedAlready);
        // An empty answer has no words to point at and no reading to dispute: its nought is what was handed in.
        if (Response.IsEmpty(answer.Text))
            return new CreateOutcome.Refused("Your answer is empty: there is nothing in it to regrade.");
        if (answer.Window is not { } window)
            return new CreateOutcome.Refused("This quiz takes no regrade requests.");
        if (now < window.Opens)
            return new CreateOutcome.Refused("You can ask for a regrade once you can see your score.");
        if (!window.IsOpen(now))
            return new CreateOutcome.Refused($"Regrade requests for this answer closed {Formats.Utc(window.Closes)}.");

        var comment = draft.Comment?.Trim() ?? "";
        if (comment.Length > Limits.Reason)
            return new CreateOutcome.Invalid($"Keep the comment under {Limits.Reason} characters.");
        var request = new RegradeRequest { ResponseId = answer.ResponseId, StudentId = studentId, CreatedAt = now, Comment = comment };
        if (string.IsNullOrWhiteSpace(draft.Keyword))
        {
            if (comment.Length == 0)
                return new CreateOutcome.Invalid("Say why the score is wrong: a score dispute needs a comment.");
        }
        else
        {
            var keyword = answer.MissingKeywords.FirstOrDefault(k => k == draft.Keyword.Trim());
            if (keyword is null)
                return new CreateOutcome.Invalid("Pick one of the keywords missing from your answer.");
            if (string.IsNullOrWhiteSpace(draft.Words))
                return new CreateOutcome.Invalid("Select or type the words in your answer that say it.");
            if (AnswerSpan.Find(answer.Text, draft.Words, draft.SpanStart, draft.SpanLength) is not { } span)
                return new CreateOutcome.Invalid($"Your answer does not say \"{draft.Words.Trim()}\": select or type words exactly as they are in your answer.");
            (request.Keyword, request.SpanStart, request.SpanLength) = (keyword, span.Start, span.Length);
        }

        db.RegradeRequests.Add(request);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two tabs sent at once: the unique index kept the first.
            if (await AskedAsync(answer.ResponseId, cancellationToken))
                return new CreateOutcome.Refused(AskedAlready);
            throw;
        }
        activity.Publish(answer.QuizId);
        return new CreateOutcome.Created(request.Id);
    }

    const string AskedAlready = "You have already asked for a regrade of this answer: one request per answer.";

    /// <summary>The words at a stored span of <paramref name="text"/>; null when there is none (or the span no longer fits).</summary>
    public static string? Words(string text, int? start, int? length) =>
        start is { } s && length is { } l && s >= 0 && s + l <= text.Length ? text.Substring(s, l) : null;

    async Task<bool> AskedAsync(int responseId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.RegradeRequests.AnyAsync(r => r.ResponseId == responseId, cancellationToken);
    }

    sealed record GradedAnswer(int QuizId, int ResponseId, int QuestionId, string Text, RegradeWindow? Window,
        IReadOnlyList<string> MissingKeywords, RegradeRequest? Request);

    /// <summary>
    /// The student's graded answer in their handed-in attempt, with the window and what they may name; null unless
    /// it is theirs and graded. Throws <see cref="UnauthorizedAccessException"/> unless they are an active student.
    /// </summary>
    async Task<GradedAnswer?> LoadAsync(QuizDbContext db, string studentId, int attemptId,
        System.Linq.Expressions.Expression<Func<Response, bool>> which, CancellationToken cancellationToken)
    {
        (await Actor.LoadAsync(db, studentId, cancellationToken)).EnsureStudent();
        var answer = await db.Responses.AsNoTracking()
            .Where(r => r.AttemptId == attemptId && r.Attempt.StudentId == studentId && r.Attempt.SubmittedAt != null && r.Grade != null)
            .Where(which)
            .Select(r => new
            {
                r.Attempt.QuizId, ResponseId = r.Id, r.QuestionId, r.Text, r.Grade!.GradedAt, r.Grade.Explanation,
                r.Attempt.Quiz.RegradeRequestWindow,
                Request = db.RegradeRequests.FirstOrDefault(q => q.ResponseId == r.Id),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (answer is null)
            return null;
        var quiz = (await StudentQuizView.LoadAsync(db, studentId, answer.QuizId, cancellationToken))!;
        var window = RegradeWindow.Of(answer.RegradeRequestWindow, quiz.ShowScore, quiz.ClosesAt, answer.GradedAt);
        var now = clock.GetUtcNow().UtcDateTime;
        IReadOnlyList<string> missing = quiz.Review(now).ShowsMissingKeywords
            ? [.. GradeExplanation.Parse(answer.Explanation).Keywords.Where(k => !k.Matched).Select(k => k.Phrase)]
            : [];
        return new GradedAnswer(answer.QuizId, answer.ResponseId, answer.QuestionId, answer.Text, window, missing, answer.Request);
    }
}
