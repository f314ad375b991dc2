namespace QuizPlatform.Web.Features;

public static class Durations
{
    /// <summary>A time limit or time left as a student reads it: "45 min", "1 h", "1 h 30 min" (part minutes round up).</summary>
    public static string Describe(TimeSpan span)
    {
        var minutes = Math.Max(0, (int)Math.Ceiling(span.TotalMinutes));
        return minutes < 60 ? $"{minutes} min" : minutes % 60 == 0 ? $"{minutes / 60} h" : $"{minutes / 60} h {minutes % 60} min";
    }
}
