using System.Globalization;
using System.Net;

namespace QuizPlatform.Web.Features.Admission;

/// <summary>
/// The short page a refused request gets when the server is too busy: written without the app's layout, since
/// rendering that reads the database and builds the navigation, the work a crowd must not repeat.
/// </summary>
public static class BusyPage
{
    /// <summary>
    /// The page, answered 503 (the <c>Retry-After</c> header is the caller's): <paramref name="heading"/>, then
    /// <paramref name="body"/> (HTML, already encoded), reloading itself after <paramref name="refreshSeconds"/> when
    /// given; <paramref name="script"/> names a module to load.
    /// </summary>
    public static IResult Result(HttpContext http, string heading, string body, int? refreshSeconds = null, string? script = null)
    {
        var refresh = refreshSeconds is { } seconds
            ? $"<meta http-equiv=\"refresh\" content=\"{seconds.ToString(CultureInfo.InvariantCulture)}\">"
            : "";
        var module = script is null ? "" : $"<script type=\"module\" src=\"{WebUtility.HtmlEncode(script)}\"></script>";
        return TypedResults.Content($"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">{refresh}
            <base href="{WebUtility.HtmlEncode(http.Request.PathBase)}/">
            <link rel="stylesheet" href="lib/bootstrap/dist/css/bootstrap.min.css"><link rel="stylesheet" href="app.css">
            <title>Busy · QuizPlatform</title></head>
            <body>
            <main class="container py-4">
            <h1>{WebUtility.HtmlEncode(heading)}</h1>
            {body}
            </main>
            {module}
            </body>
            </html>
            """, "text/html; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
