using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QuizPlatform.Data;
using QuizPlatform.Data.Configurations;
using QuizPlatform.Data.Entities;

namespace QuizPlatform.Web.Features.Accounts;

/// <summary>
/// The sign-in cookie's session store: the ticket lives in <see cref="QuizDbContext.UserSessions"/> and the cookie
/// carries only a random key, so deleting the row (sign-out, "sign out" from another device) ends the session for
/// every copy of the cookie. The row's id is the key's SHA-256: the table alone cannot be replayed as cookies.
/// A session also ends when its user is deactivated or their security stamp changes (new password, roles,
/// "sign out everywhere"), at the next request rather than at the next periodic stamp check.
/// </summary>
public sealed class SessionTicketStore(
    IDbContextFactory<QuizDbContext> dbFactory,
    TimeProvider clock,
    IOptions<AccountsOptions> accounts,
    IOptions<IdentityOptions> identity,
    OpenCircuits circuits) : ITicketStore
{
    /// <summary>Added to the principal of every request signed in through a session: the session's row id.</summary>
    public const string SessionClaim = "quiz:session";

    /// <summary>
    /// Added with <see cref="SessionClaim"/>: the user's display name as the database holds it now, read with the
    /// session, so a page's user menu needs no query of its own and a new name shows on the next request.
    /// </summary>
    public const string DisplayNameClaim = "quiz:display-name";

    /// <summary>
    /// Where a page without a circuit asks whether its session still holds (wwwroot/js/session-ended.js, every minute).
    /// Asking is no activity: it neither marks the session seen nor moves its sliding end, or an open page left alone
    /// would keep its session alive until the absolute end.
    /// </summary>
    public const string CheckPath = "/Account/Session";

    public static bool IsCheck(HttpContext? context) => context?.Request.Path == CheckPath;

    /// <summary>Activity closer together than this does not write the session row again (autosaves come every few seconds).</summary>
    public static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(1);

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, null, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) =>
        StoreAsync(ticket, null, cancellationToken);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        var key = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = Now;
        var absoluteEnd = now + accounts.Value.AbsoluteSessionLifetime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Signing in is rare enough to pay for the sweep of every user's ended sessions.
        await db.UserSessions.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        db.UserSessions.Add(new UserSession
        {
            Id = RowId(key),
            UserId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier)
                     ?? throw new InvalidOperationException("A signed-in principal has no user id."),
            Ticket = Serialize(ticket),
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = SlidingEnd(ticket, now, absoluteEnd),
            AbsoluteExpiresAt = absoluteEnd,
            IpAddress = IpAddress(httpContext),
            UserAgent = UserAgent(httpContext),
        });
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, null, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) =>
        RenewAsync(key, ticket, null, cancellationToken);

    /// <summary>Keeps the renewed ticket and moves the sliding end, never past the absolute end; an ended session stays ended.</summary>
    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.UserSessions.SingleOrDefaultAsync(s => s.Id == RowId(key), cancellationToken);
        if (session is null)
            return;
        var now = Now;
        session.Ticket = Serialize(ticket);
        session.ExpiresAt = SlidingEnd(ticket, now, session.AbsoluteExpiresAt);
        session.LastSeenAt = now;
        session.IpAddress = IpAddress(httpContext) ?? session.IpAddress;
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, null, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) =>
        RetrieveAsync(key, null, cancellationToken);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        var id = RowId(key);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.UserSessions.Where(s => s.Id == id)
            .Select(s => new { s.Ticket, s.ExpiresAt, s.LastSeenAt, s.User.SecurityStamp, s.User.IsActive, s.User.DisplayName })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
            return null;
        var now = Now;
        var ticket = TicketSerializer.Default.Deserialize(row.Ticket);
        if (!IsLive(ticket, row.ExpiresAt, row.SecurityStamp, row.IsActive, now))
        {
            await db.UserSessions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
            return null;
        }
        if (now - row.LastSeenAt >= LastSeenResolution && !IsCheck(httpContext))
        {
            var ip = IpAddress(httpContext);
            await db.UserSessions.Where(s => s.Id == id).ExecuteUpdateAsync(set => set
                .SetProperty(s => s.LastSeenAt, now)
                .SetProperty(s => s.IpAddress, s => ip ?? s.IpAddress), cancellationToken);
        }
        // The cookie handler checks this too; the row's end already includes the absolute lifetime.
        ticket.Properties.ExpiresUtc = new DateTimeOffset(DateTime.SpecifyKind(row.ExpiresAt, DateTimeKind.Utc));
        if (ticket.Principal.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(SessionClaim, id));
            if (!string.IsNullOrWhiteSpace(row.DisplayName))
                identity.AddClaim(new Claim(DisplayNameClaim, row.DisplayName));
        }
        return ticket;
    }

    /// <summary>
    /// Whether a stored session still signs its user in: not past its end (sliding, capped by the absolute end), the
    /// user active, and the user's security stamp the one the session was signed in with.
    /// </summary>
    public bool IsLive([NotNullWhen(true)] AuthenticationTicket? ticket, DateTime expiresAt, string? securityStamp, bool userIsActive, DateTime now) =>
        ticket is not null && now < expiresAt && userIsActive
        && ticket.Principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) == securityStamp;

    public Task RemoveAsync(string key) => RemoveAsync(key, null, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) => RemoveAsync(key, null, cancellationToken);

    public async Task RemoveAsync(string key, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.UserSessions.Where(s => s.Id == RowId(key)).ExecuteDeleteAsync(cancellationToken);
        await circuits.EndedAsync(RowId(key)); // signed out: this browser's other tabs too
    }

    /// <summary>The row id of the cookie's session key.</summary>
    public static string RowId(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    DateTime Now => clock.GetUtcNow().UtcDateTime;

    DateTime SlidingEnd(AuthenticationTicket ticket, DateTime now, DateTime absoluteEnd)
    {
        var sliding = ticket.Properties.ExpiresUtc?.UtcDateTime ?? now + accounts.Value.SessionLifetime;
        return sliding < absoluteEnd ? sliding : absoluteEnd;
    }

    static byte[] Serialize(AuthenticationTicket ticket)
    {
        // The session's claims are added on every read; stored, they would only go stale.
        var principal = ticket.Principal.Clone();
        foreach (var identity in principal.Identities)
            foreach (var added in identity.Claims.Where(c => c.Type is SessionClaim or DisplayNameClaim).ToList())
                identity.RemoveClaim(added);
        return TicketSerializer.Default.Serialize(new AuthenticationTicket(principal, ticket.Properties, ticket.AuthenticationScheme));
    }

    static string? IpAddress(HttpContext? context) => context?.Connection.RemoteIpAddress?.ToString();

    static string? UserAgent(HttpContext? context) =>
        context?.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent[..Math.Min(agent.Length, Limits.UserAgent)] : null;
}
