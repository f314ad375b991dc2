using System.Globalization;

namespace QuizPlatform.Web.Components.Shared;

/// <summary>
/// Numbers and flags read from a page's address. Bound straight to an <c>int?</c> or <c>bool</c> parameter, a value
/// Blazor cannot parse ("?class=abc", a number past int's range) fails the whole page with a 500, before its own
/// checks run: pages take the text instead and read it here, where a malformed value counts as absent.
/// </summary>
public static class QueryValues
{
    public static int? Int(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static double? Double(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

    public static bool Bool(string? text) => bool.TryParse(text, out var value) && value;
}
