namespace QuizPlatform.Web.Features.QuizResults.Export;

/// <summary>
/// Keeps a spreadsheet from running a student's answer as a formula (OWASP "CSV injection"): a text cell that starts
/// with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return gets a leading single quote, which spreadsheets
/// read as "this is text". Applied to every text cell of both formats; numbers and times are written as such and
/// need nothing.
/// </summary>
public static class FormulaInjection
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static string Neutralise(string text) =>
        text.Length > 0 && Array.IndexOf(FormulaStarts, text[0]) >= 0 ? "'" + text : text;
}
