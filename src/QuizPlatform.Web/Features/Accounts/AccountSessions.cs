using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Components.Shared;
using QuizPlatform.Web.Features.Audit;

namespace QuizPlatform.Web.Features.Accounts;

/// <summary>A signed-in browser as its owner sees it on "Your sessions".</summary>
public sealed record SessionView(string Id, string Browser, string? IpAddress, DateTime CreatedAt, DateTime LastSeenAt, bool IsCurrent);

/// <summary>
/// A user's own sessions (<see cref="SessionTicketStore"/>'s rows): listed and ended only by their owner, or all ended
/// by an admin (<see cref="Users.UserAdminService"/>); every query names the owner, so a session id of someone else's
/// finds nothing.
/// </summary>
public sealed class AccountSessions(IDbContextFactory<QuizDbContext> dbFactory, SessionTicketStore store, OpenCircuits circuits,
    TimeProvider clock, AuditLog audit)
{
    /// <summary>The session the request or circuit of <paramref name="principal"/> is signed in through, if any.</summary>
    public static string? CurrentId(ClaimsPrincipal principal) => principal.FindFirstValue(SessionTicketStore.SessionClaim);

    /// <summary>The user's sessions that still sign them in, the most recently active first.</summary>
    public async Task<IReadOnlyList<SessionView>> ListAsync(string userId, string? currentId)
    {
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync();
        var rows = await db.UserSessions.Where(s => s.UserId == userId && s.ExpiresAt > now)
            .Select(s => new { s.Id, s.Ticket, s.ExpiresAt, s.User.SecurityStamp, s.User.IsActive, s.UserAgent, s.IpAddress, s.CreatedAt, s.LastSeenAt })
            .ToListAsync();
        return rows
            .Where(s => store.IsLive(TicketSerializer.Default.Deserialize(s.Ticket), s.ExpiresAt, s.SecurityStamp, s.IsActive, now))
            .Select(s => new SessionView(s.Id, BrowserNames.Describe(s.UserAgent), s.IpAddress, s.CreatedAt, s.LastSeenAt, s.Id == currentId))
            .OrderByDescending(s => s.IsCurrent).ThenByDescending(s => s.LastSeenAt)
            .ToList();
    }

    /// <summary>Ends one of the user's own sessions; false when <paramref name="userId"/> has no such session.</summary>
    public async Task<bool> EndAsync(string userId, string sessionId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (await db.UserSessions.Where(s => s.Id == sessionId && s.UserId == userId).ExecuteDeleteAsync() == 0)
            return false;
        await circuits.EndedAsync(sessionId);
        await audit.WriteAsync(userId, AuditActions.SessionEnded, AuditSubject.User(userId), "Signed out one of their other sessions.");
        return true;
    }

    /// <summary>Ends every session of the user but <paramref name="keepId"/>, the one they are using; returns how many ended.</summary>
    public async Task<int> EndOthersAsync(string userId, string? keepId)
    {
        var ended = await EndAllButAsync(userId, keepId);
        if (ended > 0)
            await audit.WriteAsync(userId, AuditActions.SessionEnded, AuditSubject.User(userId),
                $"Signed out {Formats.Count(ended, "other session", "other sessions")}.");
        return ended;
    }

    /// <summary>
    /// Ends every session of the user, and their open pages at once, on every instance: for an admin, who says why in
    /// the audit trail. A session's cookie that an attacker copied stops working with it.
    /// </summary>
    public Task<int> EndAllAsync(string userId) => EndAllButAsync(userId, null);

    async Task<int> EndAllButAsync(string userId, string? keepId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var ended = await db.UserSessions.Where(s => s.UserId == userId && s.Id != keepId).ExecuteDeleteAsync();
        await circuits.EndedAllButAsync(userId, keepId);
        return ended;
    }

    /// <summary>Whether the session has not ended (signed out, ended elsewhere, expired): what an open circuit asks.</summary>
    public async Task<bool> IsOpenAsync(string sessionId)
    {
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.UserSessions.AnyAsync(s => s.Id == sessionId && s.ExpiresAt > now);
    }

    DateTime Now => clock.GetUtcNow().UtcDateTime;
}
