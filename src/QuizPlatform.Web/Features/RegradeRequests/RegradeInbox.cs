using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Configurations;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Grading;
using QuizPlatform.Web.Features.Marking;
using QuizPlatform.Web.Features.QuizResults;

namespace QuizPlatform.Web.Features.RegradeRequests;

/// <summary>
/// The instructor's side of regrade requests, for the quiz's owner and admins only (anyone else finds nothing): the
/// inbox, accepting a request for one student (an override through <see cref="GradeMarks"/>, so it is in the grade's
/// history with source Request), declining with a reply, and closing the requests a key change already satisfied.
/// </summary>
public sealed class RegradeInbox(IDbContextFactory<QuizDbContext> dbFactory, TimeProvider clock, GradeMarks marks, QuizActivity activity)
{
    /// <summary>How many requests of the quiz are open; null when the actor may not see them.</summary>
    public async Task<int?> OpenCountAsync(string actorId, int quizId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await QuizAsync(db, actorId, quizId, cancellationToken) is null)
            return null;
        return await Requests(db, quizId).CountAsync(r => r.Status == RegradeRequestStatus.Open, cancellationToken);
    }

    /// <summary>The quiz's requests; null when the actor may not see them.</summary>
    public async Task<RequestInbox?> LoadAsync(string actorId, int quizId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await QuizAsync(db, actorId, quizId, cancellationToken) is not { } quiz)
            return null;
        var positions = await db.QuizQuestions.Where(q => q.QuizId == quizId).OrderBy(q => q.Position)
            .Select(q => q.QuestionId).ToListAsync(cancellationToken);
        string Label(int questionId, int number) =>
            positions.IndexOf(questionId) is >= 0 and var i ? $"Q{i + 1}" : $"Question {number}";

        var rows = await Requests(db, quizId).AsNoTracking()
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.Id, r.Status, r.Keyword, r.SpanStart, r.SpanLength, r.Comment, r.CreatedAt, r.Reply, r.RepliedAt,
                RepliedBy = r.RepliedBy == null ? null : ApplicationUser.NameOf(r.RepliedBy.DisplayName, r.RepliedBy.Email),
                Student = ApplicationUser.NameOf(r.Student.DisplayName, r.Student.Email), r.Response.Text, r.Response.QuestionId, r.Response.Question.Number,
                r.Response.Question.Prompt,
                Grade = new GradeState(r.Response.Grade!.Id, r.Response.Grade.Revision, r.Response.Grade.Score,
                    r.Response.Grade.OverrideScore, r.Response.Grade.OverrideReason, r.Response.Grade.OverrideReasonShown,
                    r.Response.Grade.MaxPoints, r.Response.Grade.ReviewedAt,
                    r.Response.Grade.ReviewedBy == null ? null : ApplicationUser.NameOf(r.Response.Grade.ReviewedBy.DisplayName, r.Response.Grade.ReviewedBy.Email)),
                r.Response.Grade.Explanation,
            })
            .ToListAsync(cancellationToken);

        var groups = rows.Where(r => r.Status == RegradeRequestStatus.Open)
            .GroupBy(r => (r.QuestionId, Keyword: r.Keyword))
            .OrderBy(g => positions.IndexOf(g.Key.QuestionId)).ThenBy(g => g.Key.Keyword is null).ThenByDescending(g => g.Count())
            .ThenBy(g => g.Key.Keyword, StringComparer.OrdinalIgnoreCase)
            .Select(g => new RequestGroup(g.Key.QuestionId, Label(g.Key.QuestionId, g.First().Number), g.First().Prompt, g.Key.Keyword,
                [.. g.Select(r => new OpenRequest(r.Id, r.Student, r.CreatedAt, r.Text, r.SpanStart, r.SpanLength, r.Comment, r.Grade,
                    r.Keyword is { } k && Credits(r.Explanation, k)))]))
            .ToList();
        var answered = rows.Where(r => r.Status != RegradeRequestStatus.Open).OrderByDescending(r => r.RepliedAt)
            .Select(r => new AnsweredRequest(r.Id, r.Student, Label(r.QuestionId, r.Number), r.Keyword, r.Status, r.Reply, r.RepliedBy, r.RepliedAt))
            .ToList();
        return new RequestInbox(quizId, quiz.Title, quiz.AssignmentId, groups, answered);
    }

    /// <summary>
    /// Accepts the request for its student: the grade becomes <paramref name="score"/> (an override whose reason is the
    /// reply, shown to the student; history source Request) and the request Accepted with the reply.
    /// </summary>
    public async Task<ReplyOutcome> AcceptAsync(string actorId, int requestId, int seenRevision, double score, string? reply,
        CancellationToken cancellationToken = default)
    {
        var (request, problem) = await OpenRequestAsync(actorId, requestId, reply, cancellationToken);
        if (problem is not null)
            return problem;
        var outcome = await marks.MarkAsync(actorId, request!.GradeId, seenRevision, Mark.Override(score, reply!.Trim(), reasonShown: true),
            GradeChangeSource.Request, cancellationToken);
        return outcome switch
        {
            MarkOutcome.Marked => await AnswerAsync(actorId, [request.Id], RegradeRequestStatus.Accepted, reply, request.QuizId, cancellationToken) == 1
                ? new ReplyOutcome.Done() : new ReplyOutcome.AlreadyAnswered(),
            MarkOutcome.Conflict conflict => new ReplyOutcome.Conflict(conflict.Current),
            MarkOutcome.Invalid invalid => new ReplyOutcome.Invalid(invalid.Message),
            _ => new ReplyOutcome.NotFound(),
        };
    }

    /// <summary>Declines the request with a reply (required); the grade stays as it is.</summary>
    public async Task<ReplyOutcome> DeclineAsync(string actorId, int requestId, string? reply, CancellationToken cancellationToken = default)
    {
        var (request, problem) = await OpenRequestAsync(actorId, requestId, reply, cancellationToken);
        if (problem is not null)
            return problem;
        return await AnswerAsync(actorId, [request!.Id], RegradeRequestStatus.Declined, reply!, request.QuizId, cancellationToken) == 1
            ? new ReplyOutcome.Done() : new ReplyOutcome.AlreadyAnswered();
    }

    /// <summary>
    /// Closes, as Accepted with one reply, the open requests about <paramref name="keyword"/> on the question whose
    /// current grade credits the keyword (a key change regraded them: the score change is already a Regrade row in
    /// their history). The number closed; null when the actor may not answer them.
    /// </summary>
    public async Task<(int Closed, string? Problem)?> CloseSatisfiedAsync(string actorId, int quizId, int questionId, string keyword,
        string? reply, CancellationToken cancellationToken = default)
    {
        if (ReplyProblem(reply) is { } problem)
            return (0, problem);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await QuizAsync(db, actorId, quizId, cancellationToken) is null)
            return null;
        var open = await Requests(db, quizId)
            .Where(r => r.Status == RegradeRequestStatus.Open && r.Response.QuestionId == questionId && r.Keyword == keyword)
            .Select(r => new { r.Id, r.Response.Grade!.Explanation })
            .ToListAsync(cancellationToken);
        var satisfied = open.Where(r => Credits(r.Explanation, keyword)).Select(r => r.Id).ToList();
        return (satisfied.Count == 0 ? 0 : await AnswerAsync(actorId, satisfied, RegradeRequestStatus.Accepted, reply!, quizId, cancellationToken), null);
    }

    /// <summary>Whether a grade's explanation says the answer has <paramref name="keyword"/>.</summary>
    static bool Credits(string explanation, string keyword) =>
        GradeExplanation.Parse(explanation).Keywords.Any(k => k.Matched && string.Equals(k.Phrase, keyword, StringComparison.OrdinalIgnoreCase));

    static string? ReplyProblem(string? reply) =>
        string.IsNullOrWhiteSpace(reply) ? "Write a reply: the student reads it."
        : reply.Trim().Length > Limits.Reason ? $"Keep the reply under {Limits.Reason} characters."
        : null;

    sealed record RequestRef(int Id, int QuizId, int GradeId);

    async Task<(RequestRef?, ReplyOutcome?)> OpenRequestAsync(string actorId, int requestId, string? reply, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actor = await Actor.LoadAsync(db, actorId, cancellationToken);
        var request = await db.RegradeRequests.Where(r => r.Id == requestId && actor.Quizzes(db).Any(q => q.Id == r.Response.Attempt.QuizId))
            .Select(r => new { r.Status, Ref = new RequestRef(r.Id, r.Response.Attempt.QuizId, r.Response.Grade!.Id) })
            .SingleOrDefaultAsync(cancellationToken);
        if (request is null)
            return (null, new ReplyOutcome.NotFound());
        if (request.Status != RegradeRequestStatus.Open)
            return (null, new ReplyOutcome.AlreadyAnswered());
        if (ReplyProblem(reply) is { } problem)
            return (null, new ReplyOutcome.Invalid(problem));
        return (request.Ref, null);
    }

    /// <summary>Answers the still open requests of <paramref name="ids"/>; how many were open.</summary>
    async Task<int> AnswerAsync(string actorId, IReadOnlyCollection<int> ids, RegradeRequestStatus status, string reply, int quizId,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var text = reply.Trim();
        var answered = await db.RegradeRequests.Where(r => ids.Contains(r.Id) && r.Status == RegradeRequestStatus.Open)
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.Status, status).SetProperty(r => r.Reply, text)
                .SetProperty(r => r.RepliedById, actorId).SetProperty(r => r.RepliedAt, now), cancellationToken);
        activity.Publish(quizId);
        return answered;
    }

    static async Task<(string Title, int AssignmentId)?> QuizAsync(QuizDbContext db, string actorId, int quizId, CancellationToken cancellationToken)
    {
        var actor = await Actor.LoadAsync(db, actorId, cancellationToken);
        var quiz = await actor.Quizzes(db).Where(q => q.Id == quizId)
            .Select(q => new { q.Title, q.AssignmentVersion.AssignmentId }).SingleOrDefaultAsync(cancellationToken);
        return quiz is null ? null : (quiz.Title, quiz.AssignmentId);
    }

    static IQueryable<RegradeRequest> Requests(QuizDbContext db, int quizId) =>
        db.RegradeRequests.Where(r => r.Response.Attempt.QuizId == quizId);
}
