namespace QuizPlatform.Web.Features.QuizResults.Export;

/// <summary>
/// Keeps a spreadsheet from running a student's answer as a formula (OWASP "CSV injection"): a text cell that starts
/// with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or a line break gets a leading single quote, which spreadsheets
/// read as "this is text". So does one where spaces come first (a spreadsheet may trim them on import) or a fullwidth
/// sign (<c>＝</c>, which an East Asian spreadsheet may read as <c>=</c>). Applied to every text cell of both formats;
/// numbers and times are written as such and need nothing.
/// </summary>
public static class FormulaInjection
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠'];

    public static string Neutralise(string text)
    {
        var start = text.AsSpan().TrimStart(' ');
        return start.Length > 0 && Array.IndexOf(FormulaStarts, start[0]) >= 0 ? "'" + text : text;
    }
}
