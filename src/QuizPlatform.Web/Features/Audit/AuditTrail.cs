using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.QuizResults.Export;

namespace QuizPlatform.Web.Features.Audit;

/// <summary>
/// The filters of the audit page and its export: an action (exact), an actor (part of the email), a subject
/// ("quiz:12" exactly, or a kind such as "quiz") and a range of days, both ends included, in UTC.
/// </summary>
public sealed record AuditFilter(string? Action = null, string? Actor = null, string? Subject = null, DateOnly? From = null, DateOnly? To = null)
{
    /// <summary>A day as a date field sends it ("2026-12-05"); null when empty or not a day.</summary>
    public static DateOnly? ParseDay(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}

public sealed record AuditLine(DateTime At, string? ActorId, string? ActorEmail, string Action, string? Subject, string Summary,
    string? IpAddress, string? SubjectHref);

public sealed record AuditLines(IReadOnlyList<AuditLine> Lines, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Reading the audit trail, newest first: admins only, as a page or a CSV download (itself a line of the trail).</summary>
public sealed class AuditTrail(IDbContextFactory<QuizDbContext> dbFactory, AuditLog log)
{
    public const int PageSize = 50;

    /// <summary>Each action in words, in the order the filter lists them.</summary>
    public static readonly IReadOnlyDictionary<string, string> ActionWords = new Dictionary<string, string>
    {
        [AuditActions.SignIn] = "Signed in",
        [AuditActions.SignInFailed] = "Sign-in failed",
        [AuditActions.SignOut] = "Signed out",
        [AuditActions.SessionEnded] = "Ended sessions",
        [AuditActions.PasswordChanged] = "Changed a password",
        [AuditActions.PasswordReset] = "Reset a password",
        [AuditActions.TwoFactorChanged] = "Changed two-factor sign-in",
        [AuditActions.UserCreated] = "Created a user",
        [AuditActions.RoleChanged] = "Changed roles",
        [AuditActions.UserDeactivated] = "Deactivated a user",
        [AuditActions.UserReactivated] = "Reactivated a user",
        [AuditActions.TeachingHandedOver] = "Handed over classes and quizzes",
        [AuditActions.RosterImported] = "Imported a roster",
        [AuditActions.ClassChanged] = "Changed a class",
        [AuditActions.ClassDeleted] = "Deleted a class",
        [AuditActions.AssignmentImported] = "Imported an assignment",
        [AuditActions.AssignmentExported] = "Exported an assignment",
        [AuditActions.AssignmentDeleted] = "Deleted an assignment",
        [AuditActions.KeywordsEdited] = "Edited keywords",
        [AuditActions.QuizCreated] = "Created a quiz",
        [AuditActions.QuizChanged] = "Changed a quiz",
        [AuditActions.QuizDeleted] = "Deleted a quiz",
        [AuditActions.QuizClosed] = "Closed a quiz",
        [AuditActions.QuizReopened] = "Reopened a quiz",
        [AuditActions.ResultsExported] = "Exported results",
        [AuditActions.GradeOverridden] = "Marked a grade",
        [AuditActions.RegradeApplied] = "Regraded answers",
        [AuditActions.LearningStopped] = "Stopped grading with learned marks",
        [AuditActions.AuditExported] = "Exported the audit trail",
    };

    public static string WordsFor(string action) => ActionWords.GetValueOrDefault(action, action);

    public async Task<AuditLines> ListAsync(string actorId, AuditFilter filter, int page, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        (await Actor.LoadAsync(db, actorId, cancellationToken)).EnsureAdmin();
        var query = Filtered(db, filter);
        var total = await query.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var entries = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var links = await LinksAsync(db, entries.Select(e => e.Subject).OfType<string>().ToHashSet(), cancellationToken);
        return new AuditLines([.. entries.Select(e => Line(e, e.Subject is { } s ? links.GetValueOrDefault(s) : null))], total, page, PageSize);
    }

    /// <summary>The filtered lines as a table to download, newest first; the download is recorded before it starts.</summary>
    public async Task<ExportTable> ExportAsync(string actorId, AuditFilter filter, CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            (await Actor.LoadAsync(db, actorId, cancellationToken)).EnsureAdmin();
        await log.WriteAsync(actorId, AuditActions.AuditExported, null, $"Exported the audit trail as CSV ({Describe(filter)}).",
            cancellationToken: cancellationToken);
        return new ExportTable("Audit trail", ["Time (UTC)", "Actor", "Actor id", "Action", "Subject", "Summary", "IP address"],
            RowsAsync(filter, cancellationToken));
    }

    async IAsyncEnumerable<IReadOnlyList<ExportCell>> RowsAsync(AuditFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = Filtered(db, filter).AsNoTracking().OrderByDescending(e => e.At).ThenByDescending(e => e.Id).AsAsyncEnumerable();
        await foreach (var e in entries.WithCancellation(cancellationToken))
            yield return [e.At, e.ActorEmail, e.ActorId, e.Action, e.Subject, e.Summary, e.IpAddress];
    }

    static IQueryable<AuditEntry> Filtered(QuizDbContext db, AuditFilter filter)
    {
        var query = db.AuditEntries.AsQueryable();
        if (!string.IsNullOrWhiteSpace(filter.Action))
            query = query.Where(e => e.Action == filter.Action.Trim());
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim().ToLowerInvariant();
            query = query.Where(e => e.ActorEmail != null && e.ActorEmail.ToLower().Contains(actor));
        }
        if (!string.IsNullOrWhiteSpace(filter.Subject))
        {
            var subject = filter.Subject.Trim().ToLowerInvariant();
            query = subject.Contains(':')
                ? query.Where(e => e.Subject == subject)
                : query.Where(e => e.Subject != null && e.Subject.StartsWith(subject + ":"));
        }
        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(e => e.At >= start);
        }
        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(e => e.At < end);
        }
        return query;
    }

    static string Describe(AuditFilter filter)
    {
        var parts = new[]
        {
            filter.Action is { Length: > 0 } a ? $"action {a}" : null,
            filter.Actor is { Length: > 0 } who ? $"actor '{who}'" : null,
            filter.Subject is { Length: > 0 } s ? $"subject {s}" : null,
            filter.From is { } f ? $"from {f:yyyy-MM-dd}" : null,
            filter.To is { } t ? $"to {t:yyyy-MM-dd}" : null,
        }.OfType<string>().ToList();
        return parts.Count == 0 ? "all lines" : string.Join(", ", parts);
    }

    static AuditLine Line(AuditEntry e, string? href) =>
        new(e.At, e.ActorId, e.ActorEmail, e.Action, e.Subject, e.Summary, e.IpAddress, href);

    /// <summary>
    /// The page each subject of a page of lines opens; a question's and a grade's are looked up, as their pages sit under
    /// their assignment or attempt (and a deleted one gets no link).
    /// </summary>
    static async Task<Dictionary<string, string>> LinksAsync(QuizDbContext db, HashSet<string> subjects, CancellationToken cancellationToken)
    {
        var parsed = subjects.Select(s => s.Split(':', 2)).Where(p => p.Length == 2).Select(p => (Kind: p[0], Id: p[1])).ToList();
        List<int> Ids(string kind) => [.. parsed.Where(p => p.Kind == kind).Select(p => int.TryParse(p.Id, out var id) ? id : 0)];
        var links = new Dictionary<string, string>();
        foreach (var (kind, id) in parsed)
        {
            var href = kind switch
            {
                "user" => $"admin/users/{id}",
                "class" => $"classes/{id}",
                "quiz" => $"quizzes/{id}",
                "assignment" => $"assignments/{id}",
                _ => null,
            };
            if (href is not null)
                links[$"{kind}:{id}"] = href;
        }
        var questionIds = Ids("question");
        foreach (var q in await db.Questions.Where(q => questionIds.Contains(q.Id))
                     .Select(q => new { q.Id, q.AssignmentVersion.AssignmentId }).ToListAsync(cancellationToken))
            links[AuditSubject.Question(q.Id)] = $"assignments/{q.AssignmentId}/questions/{q.Id}/keywords";
        var gradeIds = Ids("grade");
        foreach (var g in await db.Grades.Where(g => gradeIds.Contains(g.Id))
                     .Select(g => new { g.Id, g.Response.AttemptId, g.Response.Attempt.QuizId }).ToListAsync(cancellationToken))
            links[AuditSubject.Grade(g.Id)] = $"quizzes/{g.QuizId}/attempts/{g.AttemptId}";
        return links;
    }
}
