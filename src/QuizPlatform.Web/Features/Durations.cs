using QuizPlatform.Web.Components.Shared;

namespace QuizPlatform.Web.Features;

public static class Durations
{
    /// <summary>
    /// A time limit or time left as a student reads it: "45 min", "1 h 30 min", "2 days 1 h 30 min", "7 days" (part
    /// minutes round up; parts that are nought are left out).
    /// </summary>
    public static string Describe(TimeSpan span)
    {
        var minutes = Math.Max(0, (long)Math.Ceiling(span.TotalMinutes));
        if (minutes == 0)
            return "0 min";
        var (days, hours) = (minutes / 1440, minutes / 60 % 24);
        string?[] parts =
        [
            days == 0 ? null : Formats.Days(days),
            hours == 0 ? null : $"{hours} h",
            minutes % 60 == 0 ? null : $"{minutes % 60} min",
        ];
        return string.Join(' ', parts.OfType<string>());
    }

    /// <summary>
    /// The time an attempt took, as its instructor reads it: "under 1 min", "12 min", "1 h 5 min" (part minutes round
    /// down: a 17-second attempt did not take a minute).
    /// </summary>
    public static string Used(TimeSpan span) =>
        span < TimeSpan.FromMinutes(1) ? "under 1 min" : Describe(TimeSpan.FromMinutes(Math.Floor(span.TotalMinutes)));

    /// <summary>
    /// The quiz page's timer: "2 days 3 h" beyond a day (whole hours, so never more than is left), then "23:59:59",
    /// "9:05". The page's script ticks the same text (attempt-countdown.js, <c>timeLeft</c>).
    /// </summary>
    public static string Countdown(TimeSpan left)
    {
        var seconds = Math.Max(0, (long)Math.Ceiling(left.TotalSeconds));
        var (days, hours, minutes) = (seconds / 86400, seconds / 3600 % 24, seconds / 60 % 60);
        if (days > 0)
            return Formats.Days(days) + (hours > 0 ? $" {hours} h" : "");
        return hours > 0 ? $"{hours}:{minutes:00}:{seconds % 60:00}" : $"{minutes}:{seconds % 60:00}";
    }
}
