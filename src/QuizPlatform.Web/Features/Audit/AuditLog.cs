using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Configurations;
using QuizPlatform.Data.Entities;

namespace QuizPlatform.Web.Features.Audit;

/// <summary>
/// Writes the audit trail (<see cref="AuditEntry"/>): who did what to which record, when (the app's clock) and from
/// where (<see cref="ClientAddress"/>). A service that changes data through its own context calls <see cref="AddAsync"/>,
/// so the line is saved by the same SaveChanges as the change: both land, or neither does. Changes made elsewhere
/// (Identity's user manager, sign-ins, downloads) call <see cref="WriteAsync"/> once they have happened.
/// </summary>
public sealed class AuditLog(IDbContextFactory<QuizDbContext> dbFactory, TimeProvider clock, ClientAddress client)
{
    /// <summary>Adds the line to <paramref name="db"/>, to be saved by the caller's next SaveChanges.</summary>
    public async Task AddAsync(QuizDbContext db, string? actorId, string action, string? subject, string summary,
        CancellationToken cancellationToken = default) =>
        db.AuditEntries.Add(Line(actorId, await EmailOfAsync(db, actorId, cancellationToken), action, subject, summary));

    /// <summary>
    /// Saves <paramref name="db"/>'s changes, then the line about the record they insert, whose id exists only once it
    /// is saved (<paramref name="subject"/> reads it), in one transaction.
    /// </summary>
    public async Task SaveNewAsync(QuizDbContext db, string? actorId, string action, Func<string> subject, string summary,
        CancellationToken cancellationToken = default)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.SaveChangesAsync(cancellationToken);
        await AddAsync(db, actorId, action, subject(), summary, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
            await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Saves the line on its own. <paramref name="actorEmail"/> is what to record as the actor's name when it is not
    /// the account's email (the name typed at a failed sign-in); by default the account's email.
    /// </summary>
    public async Task WriteAsync(string? actorId, string action, string? subject, string summary, string? actorEmail = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(Line(actorId, actorEmail ?? await EmailOfAsync(db, actorId, cancellationToken), action, subject, summary));
        await db.SaveChangesAsync(cancellationToken);
    }

    AuditEntry Line(string? actorId, string? actorEmail, string action, string? subject, string summary) => new()
    {
        At = clock.GetUtcNow().UtcDateTime,
        ActorId = string.IsNullOrEmpty(actorId) ? null : actorId,
        ActorEmail = Cut(actorEmail, 256),
        Action = action,
        Subject = Cut(subject, 128),
        Summary = Cut(summary, Limits.Reason) ?? "",
        IpAddress = Cut(client.Current, Limits.IpAddress),
    };

    static async Task<string?> EmailOfAsync(QuizDbContext db, string? actorId, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(actorId) ? null
            : await db.Users.Where(u => u.Id == actorId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);

    // A typed sign-in name or a long title must not make the line (and with it the change) fail to save: PostgreSQL
    // refuses U+0000 in text, and a column has its length.
    static string? Cut(string? text, int length)
    {
        if (text is null)
            return null;
        var clean = string.Concat(text.Where(c => !char.IsControl(c) || c is '\t' or '\n'));
        return clean.Length > length ? clean[..(length - 1)] + "…" : clean;
    }
}

/// <summary>An audit line's subject, "kind:id"; the admin page links each kind to its page.</summary>
public static class AuditSubject
{
    public static string User(string id) => $"user:{id}";
    public static string Class(int id) => $"class:{id}";
    public static string Quiz(int id) => $"quiz:{id}";
    public static string Assignment(int id) => $"assignment:{id}";
    public static string Question(int id) => $"question:{id}";
    public static string Grade(int id) => $"grade:{id}";
}
