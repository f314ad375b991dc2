namespace QuizPlatform.Web.Tests.Support;

/// <summary>Waits for background work (the grader, the expiry submitter) to reach a state the test can check.</summary>
public static class Eventually
{
    /// <summary>
    /// Polls <paramref name="probe"/> until it returns a value, or fails after <paramref name="timeoutSeconds"/>: a
    /// generous bound for a loaded machine, not a speed requirement.
    /// </summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> probe, string what, int timeoutSeconds = 60) where T : class
    {
        var giveUp = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            if (await probe() is { } value)
                return value;
            if (DateTime.UtcNow > giveUp)
                throw new TimeoutException($"Gave up after {timeoutSeconds} s waiting for {what}.");
            await Task.Delay(100);
        }
    }
}
