using System.Collections.Concurrent;

namespace QuizPlatform.Web.Features.Accounts;

/// <summary>
/// The interactive pages open on this instance, by the session each was signed in through. A session ended here (signed
/// out, "Sign out" on Your sessions, "Sign out all other sessions") signs its open pages out at once; without this they
/// kept working until the next revalidation, up to <see cref="AccountsOptions.RevalidationInterval"/>. Pages open on
/// another instance still wait for theirs.
/// </summary>
public sealed class OpenCircuits
{
    /// <summary>What a page does when its session ends: drop its signed-in state.</summary>
    public interface ISignedInPage
    {
        void SessionEnded();
    }

    readonly ConcurrentDictionary<ISignedInPage, (string UserId, string SessionId)> open = new();

    public void SignedIn(ISignedInPage page, string userId, string sessionId) => open[page] = (userId, sessionId);

    public void Closed(ISignedInPage page) => open.TryRemove(page, out _);

    /// <summary>The session <paramref name="sessionId"/> ended.</summary>
    public void Ended(string sessionId) => End(s => s.SessionId == sessionId);

    /// <summary>Every session of <paramref name="userId"/> but <paramref name="keepId"/> ended.</summary>
    public void EndedAllBut(string userId, string? keepId) => End(s => s.UserId == userId && s.SessionId != keepId);

    void End(Func<(string UserId, string SessionId), bool> ended)
    {
        foreach (var (page, session) in open)
        {
            if (ended(session) && open.TryRemove(page, out _))
                page.SessionEnded();
        }
    }
}
