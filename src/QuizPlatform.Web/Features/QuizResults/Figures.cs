using System.Globalization;

namespace QuizPlatform.Web.Features.QuizResults;

/// <summary>How statistics read on the results pages, whatever the server's culture; "—" where there is not enough data.</summary>
public static class Figures
{
    public const string None = "—";

    public static string Number(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? None;

    /// <summary>A percentage already on 0..100: "72.5 %".</summary>
    public static string Percent(double? value) => value is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) + " %" : None;

    /// <summary>A share on 0..1 as a percentage: 0.725 is "72.5 %".</summary>
    public static string Share(double? share) => Percent(share * 100);

    /// <summary>A coefficient such as facility, a correlation or alpha: "0.72".</summary>
    public static string Ratio(double? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? None;
}
