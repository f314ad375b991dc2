namespace QuizPlatform.Web.Features.Taking;

/// <summary>The server's time rules for an attempt; the browser only ever counts down to what these say.</summary>
public static class AttemptTimes
{
    /// <summary>The time limit a student with this accommodation multiplier gets; null without a limit.</summary>
    public static TimeSpan? StretchedLimit(TimeSpan? timeLimit, double timeMultiplier) => timeLimit * timeMultiplier;

    /// <summary>
    /// The earliest of start + time limit × the student's multiplier and the (possibly extended) close time;
    /// null when the quiz has neither.
    /// </summary>
    public static DateTime? Deadline(DateTime startedAt, TimeSpan? timeLimit, double timeMultiplier, DateTime? closesAt)
    {
        DateTime? byLimit = StretchedLimit(timeLimit, timeMultiplier) is { } limit ? startedAt + limit : null;
        return (byLimit, closesAt) switch
        {
            (null, var closes) => closes,
            (var ends, null) => ends,
            ({ } ends, { } closes) => ends < closes ? ends : closes,
        };
    }

    /// <summary>
    /// Whether an attempt can still be worked on: not handed in and its deadline ahead. One past its deadline counts as
    /// handed in; the server submits it within seconds.
    /// </summary>
    public static bool InProgress(DateTime? submittedAt, DateTime? deadline, DateTime now) =>
        submittedAt is null && (deadline is null || deadline > now);

    /// <summary>Saves are taken until the deadline plus the quiz's grace (time for a last save in flight to arrive).</summary>
    public static bool AcceptsSaves(DateTime? deadline, TimeSpan grace, DateTime now) => deadline is null || now <= deadline.Value + grace;
}
