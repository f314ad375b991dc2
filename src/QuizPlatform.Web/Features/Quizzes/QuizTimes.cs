namespace QuizPlatform.Web.Features.Quizzes;

/// <summary>Wall-clock times in the user's time zone (IANA id from the browser) to and from the stored UTC.</summary>
public static class QuizTimes
{
    /// <summary>The zone with this IANA (or Windows) id; UTC when the id is empty or unknown to this machine.</summary>
    public static TimeZoneInfo Zone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
            return TimeZoneInfo.Utc;
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.Utc;
        }
    }

    /// <summary>False for a wall-clock time the zone skips (the hour lost when clocks go forward).</summary>
    public static bool TryToUtc(DateTime local, TimeZoneInfo zone, out DateTime utc)
    {
        var wallClock = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(wallClock))
        {
            utc = default;
            return false;
        }
        utc = TimeZoneInfo.ConvertTimeToUtc(wallClock, zone);
        return true;
    }

    public static DateTime? ToLocal(DateTime? utc, TimeZoneInfo zone) =>
        utc is { } value
            ? DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(value, DateTimeKind.Utc), zone), DateTimeKind.Unspecified)
            : null;
}
