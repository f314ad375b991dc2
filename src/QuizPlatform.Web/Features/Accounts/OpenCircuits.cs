using System.Collections.Concurrent;
using QuizPlatform.Web.Features.Instances;

namespace QuizPlatform.Web.Features.Accounts;

/// <summary>
/// The interactive pages open on this instance, by the session each was signed in through. A session that ends (signed
/// out, "Sign out" on Your sessions, "Sign out all other sessions", or every session of a user an admin deactivated,
/// changed the roles or reset the password of) signs its open pages out at once, on this instance and, through
/// <see cref="InstanceMessages"/>, on the others; without this they kept working until their next revalidation, up to
/// <see cref="AccountsOptions.RevalidationInterval"/>, which stays the net should a message be lost.
/// </summary>
public sealed class OpenCircuits(InstanceMessages messages) : IInstanceMessageReceiver
{
    public const string Channel = "session_ended";

    /// <summary>What a page does when its session ends: drop its signed-in state.</summary>
    public interface ISignedInPage
    {
        void SessionEnded();
    }

    readonly ConcurrentDictionary<ISignedInPage, (string UserId, string SessionId)> open = new();

    public void SignedIn(ISignedInPage page, string userId, string sessionId) => open[page] = (userId, sessionId);

    public void Closed(ISignedInPage page) => open.TryRemove(page, out _);

    /// <summary>The session <paramref name="sessionId"/> ended.</summary>
    public Task EndedAsync(string sessionId) => EndAsync($"session {sessionId}");

    /// <summary>Every session of <paramref name="userId"/> but <paramref name="keepId"/> (all of them when null) ended.</summary>
    public Task EndedAllButAsync(string userId, string? keepId) => EndAsync($"user {userId} {keepId}".TrimEnd());

    /// <summary>Here at once, whatever the other instances hear; they act on it too, and this one again, harmlessly.</summary>
    async Task EndAsync(string message)
    {
        Received(message);
        await messages.SendAsync(Channel, message);
    }

    string IInstanceMessageReceiver.Channel => Channel;

    public void Received(string payload)
    {
        switch (payload.Split(' '))
        {
            case ["session", var sessionId]:
                End(s => s.SessionId == sessionId);
                break;
            case ["user", var userId, .. var keep]:
                End(s => s.UserId == userId && !keep.Contains(s.SessionId));
                break;
        }
    }

    void End(Func<(string UserId, string SessionId), bool> ended)
    {
        foreach (var (page, session) in open)
        {
            if (ended(session) && open.TryRemove(page, out _))
                page.SessionEnded();
        }
    }
}
