using System.Globalization;

namespace QuizPlatform.Web.Components.Shared;

/// <summary>
/// One way to show each kind of figure, the same whatever culture the server runs in (the app sets none, and a
/// culture-dependent "0.##" or "HH:mm" would print "2,5" or "09.05" on some machines).
/// </summary>
public static class Formats
{
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Points, scores and weights: "2", "2.5", "0.33".</summary>
    public static string Figure(double value) => value.ToString("0.##", Invariant);

    /// <summary>
    /// What a page says under the total of <paramref name="scores"/> when the scores, each shown as a <see cref="Figure"/>,
    /// add up to another figure ("0.24" and "0.13" under "0.38"): the total adds the exact scores, as gradebooks do.
    /// Null when they agree.
    /// </summary>
    public static string? RoundingNote(IReadOnlyCollection<double> scores) =>
        Figure(scores.Sum(s => double.Parse(Figure(s), Invariant))) == Figure(scores.Sum())
            ? null
            : "Question scores are shown rounded to two decimals; the total adds the unrounded scores.";

    /// <summary>What a figure reads when there is not enough data for it.</summary>
    public const string None = "—";

    /// <summary>A <see cref="Figure"/>, or <see cref="None"/>.</summary>
    public static string Figure(double? value) => value is { } v ? Figure(v) : None;

    /// <summary>A percentage already on 0..100: "72.5 %".</summary>
    public static string Percent(double? percent) => percent is { } p ? p.ToString("0.#", Invariant) + " %" : None;

    /// <summary>A share on 0..1 as a percentage: 0.725 is "72.5 %".</summary>
    public static string Share(double? share) => Percent(share * 100);

    /// <summary>How many decimals a <see cref="Statistic"/> shows; the exports round to it too.</summary>
    public const int StatisticDecimals = 2;

    /// <summary>
    /// A statistic: a mean or standard deviation in points, a facility, a correlation, Cronbach's alpha. Always two
    /// decimals, so figures side by side in a table read alike: "0.40", "2.50", "-0.10".
    /// </summary>
    public static string Statistic(double? value) => value?.ToString("F" + StatisticDecimals, Invariant) ?? None;

    /// <summary>"point" or "points", to follow a <see cref="Figure"/>.</summary>
    public static string PointsWord(double points) => points == 1 ? "point" : "points";

    /// <summary>"1 point", "2.5 points".</summary>
    public static string Points(double points) => $"{Figure(points)} {PointsWord(points)}";

    /// <summary>A count with thousands separated: "1,234".</summary>
    public static string Count(int count) => count.ToString("N0", Invariant);

    /// <summary>A count and what it counts, plural unless one: "1 graded attempt", "1,234 graded attempts".</summary>
    public static string Count(int count, string noun, string? plural = null) => $"{Count(count)} {(count == 1 ? noun : plural ?? noun + "s")}";

    /// <summary>Items in a sentence: "Algebra", "Algebra and Geometry", "Algebra, Geometry and Physics".</summary>
    public static string List(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : $"{string.Join(", ", items.SkipLast(1))} and {items[^1]}";

    /// <summary>"1 word", "1,234 words".</summary>
    public static string Words(int count) => Count(count, "word");

    /// <summary>"1 answer", "1,234 answers".</summary>
    public static string Answers(int count) => Count(count, "answer");

    /// <summary>A wait in whole seconds: "1 second", "8 seconds".</summary>
    public static string Seconds(int seconds) => Count(seconds, "second");

    /// <summary>"1 day", "7 days".</summary>
    public static string Days(long days) => days == 1 ? "1 day" : $"{days} days";

    /// <summary>A date and time already in the reader's zone: "Mon 2027-03-01 09:05".</summary>
    public static string DateTime(DateTime time) => time.ToString("ddd yyyy-MM-dd HH:mm", Invariant);

    /// <summary>A time of day with seconds: "09:05:07".</summary>
    public static string TimeOfDay(DateTime time) => time.ToString("HH:mm:ss", Invariant);

    /// <summary>A UTC time where the reader's zone is unknown: "2027-03-01 09:05 UTC".</summary>
    public static string Utc(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", Invariant) + " UTC";
}
