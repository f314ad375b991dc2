using System.Globalization;

namespace QuizPlatform.Web;

/// <summary>
/// The one culture the app formats numbers and times in and compares names by, whatever the server's locale: a
/// server set to da-DK would otherwise write "1,5" and "14.30". It is the invariant culture because that is what
/// every test and CI run (under C.UTF-8) has always shown: English names, a decimal point, a colon in times.
/// </summary>
public static class FormattingCulture
{
    public static CultureInfo Culture { get; } = CultureInfo.InvariantCulture;

    /// <summary>
    /// How lists of names are ordered, people's and those of classes, quizzes and assignments: case aside, and numbers
    /// by their value, so "Student 2" comes before "Student 10" (a roster of numbered accounts read 1, 10, 11, ..., 19,
    /// 2) and "Assignment-8" before "Assignment-10". Sorted here rather than by the database, whose collation differs
    /// between providers and knows nothing of numbers.
    /// </summary>
    public static StringComparer Names { get; } = StringComparer.Create(Culture, CompareOptions.IgnoreCase | CompareOptions.NumericOrdering);

    /// <summary>For work outside a request: start-up, background workers.</summary>
    public static void UseForThreads()
    {
        CultureInfo.DefaultThreadCurrentCulture = Culture;
        CultureInfo.DefaultThreadCurrentUICulture = Culture;
    }

    /// <summary>For each request, and so for each Blazor circuit, which keeps the culture of the request that opened it.</summary>
    public static IApplicationBuilder UseFormattingCulture(this IApplicationBuilder app) =>
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new(Culture), SupportedCultures = [Culture], SupportedUICultures = [Culture],
            RequestCultureProviders = [],
        });
}
