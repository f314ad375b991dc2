using System.Collections.Concurrent;
using System.Globalization;
using QuizPlatform.Web.Features.Instances;

namespace QuizPlatform.Web.Features.QuizResults;

/// <summary>
/// "Something changed in quiz N" (an attempt started, handed in or graded), for pages that follow a quiz live.
/// Publishing only marks the quiz: <see cref="QuizActivityRelay"/> sends the marks out about once a second, so a
/// deadline rush of thousands of hand-ins costs a few messages, not one per hand-in. On PostgreSQL the relay goes
/// through <c>LISTEN/NOTIFY</c>, so a dashboard on one app instance hears what happened on another.
/// </summary>
public sealed class QuizActivity : IInstanceMessageReceiver
{
    public const string Channel = "quiz_activity";
    readonly ConcurrentDictionary<int, byte> changed = new();
    readonly ConcurrentDictionary<int, ImmutableCallbacks> followers = new();

    /// <summary>Marks the quiz as changed; followers hear of it within about a second.</summary>
    public void Publish(int quizId) => changed.TryAdd(quizId, 0);

    /// <summary>Calls <paramref name="onChange"/> whenever the quiz changes, until the result is disposed.</summary>
    public IDisposable Follow(int quizId, Action onChange)
    {
        followers.AddOrUpdate(quizId, _ => new([onChange]), (_, current) => current.With(onChange));
        return new Unfollow(() => followers.AddOrUpdate(quizId, _ => new([]), (_, current) => current.Without(onChange)));
    }

    /// <summary>The quizzes marked since the last call; the relay sends these out.</summary>
    internal IReadOnlyList<int> TakeChanged()
    {
        var taken = new List<int>();
        foreach (var quizId in changed.Keys)
            if (changed.TryRemove(quizId, out _))
                taken.Add(quizId);
        return taken;
    }

    string IInstanceMessageReceiver.Channel => Channel;

    /// <summary>Tells this instance's followers of the quizzes in <paramref name="payload"/> ("3,17"), from any instance.</summary>
    public void Received(string payload)
    {
        foreach (var part in payload.Split(','))
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var quizId))
                Dispatch(quizId);
    }

    /// <summary>Tells this instance's followers of <paramref name="quizId"/>; a failing follower does not stop the others.</summary>
    void Dispatch(int quizId)
    {
        if (!followers.TryGetValue(quizId, out var callbacks))
            return;
        foreach (var callback in callbacks.Items)
        {
            try
            {
                callback();
            }
            catch (Exception)
            {
                // A page that is going away may throw; it unfollows when disposed.
            }
        }
    }

    sealed record ImmutableCallbacks(Action[] Items)
    {
        public ImmutableCallbacks With(Action callback) => new([.. Items, callback]);
        public ImmutableCallbacks Without(Action callback) => new([.. Items.Where(c => c != callback)]);
    }

    sealed class Unfollow(Action action) : IDisposable
    {
        int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
                action();
        }
    }
}
