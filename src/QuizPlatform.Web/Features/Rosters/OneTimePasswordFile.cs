using QuizPlatform.Data.Rosters;
using QuizPlatform.Web.Features.QuizResults.Export;

namespace QuizPlatform.Web.Features.Rosters;

/// <summary>
/// The one-time passwords as a CSV file the browser saves from a <c>data:</c> link: built from the apply result in
/// the page's memory, so the server neither stores nor serves them, and they are gone when the page is.
/// </summary>
public static class OneTimePasswordFile
{
    public const string FileName = "one-time-passwords.csv";

    public static async Task<string> DataUriAsync(IReadOnlyList<OneTimePassword> passwords)
    {
        var table = new ExportTable("One-time passwords", OneTimePassword.Columns,
            passwords.Select(p => (IReadOnlyList<ExportCell>)[p.Email, p.Name, p.Classes, p.Password]).ToAsyncEnumerable());
        using var buffer = new MemoryStream();
        await CsvExport.WriteAsync(table, buffer);
        return "data:text/csv;charset=utf-8;base64," + Convert.ToBase64String(buffer.ToArray());
    }
}
