using Microsoft.Extensions.Caching.Memory;

namespace QuizPlatform.Web.Features.AntiAutomation;

/// <summary>
/// Failed sign-ins to emails that have no account, counted like an account's (in memory, for a bounded number of
/// emails), so that waits imposed after wrong passwords do not reveal which emails have accounts.
/// </summary>
public sealed class UnknownAccountFailures : IDisposable
{
    sealed record Failures(int Count, DateTimeOffset WaitEnd);

    readonly MemoryCache _failures = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public TimeSpan? WaitFor(string normalizedEmail, DateTimeOffset now) =>
        _failures.TryGetValue(normalizedEmail, out Failures? failures) && failures!.WaitEnd > now ? failures.WaitEnd - now : null;

    public void Failed(string normalizedEmail, DateTimeOffset now, SignInDelayOptions delay)
    {
        var count = _failures.TryGetValue(normalizedEmail, out Failures? before) && now - before!.WaitEnd <= delay.ForgetAfter
            ? before.Count + 1
            : 1;
        _failures.Set(normalizedEmail, new Failures(count, now + delay.After(count)),
            new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = delay.ForgetAfter + delay.MaxDelay });
    }

    public void Dispose() => _failures.Dispose();
}
