using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using QuizPlatform.Web.Components.Shared;
using QuizPlatform.Web.Features.AntiAutomation;

namespace QuizPlatform.Web.Features.Admission;

/// <summary>
/// A request that failed because the database could not keep up (no pooled connection free within the pool's
/// timeout, a command timeout, PostgreSQL restarting or refusing connections, SQLite busy) is answered 503 with
/// <c>Retry-After</c>, not 500: the API with a JSON problem, a page with a short page that tries again by itself
/// (GET) or says to send again (POST). Placed before authentication, whose session lookup reads the database too.
/// </summary>
public sealed class DatabaseOverload(RequestDelegate next, IOptions<AdmissionOptions> options, ILogger<DatabaseOverload> logger)
{
    const int SqliteBusy = 5, SqliteLocked = 6;

    public async Task InvokeAsync(HttpContext http)
    {
        try
        {
            await next(http);
        }
        catch (Exception exception) when (IsOverload(exception) && !http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            logger.LogWarning("{Method} {Path} answered 503: the database is overloaded ({Error})",
                http.Request.Method, http.Request.Path, exception.GetBaseException().Message);
            http.Response.Clear();
            var seconds = RequestThrottles.Refuse(http.Response, options.Value.DatabaseBusyRetryAfter, StatusCodes.Status503ServiceUnavailable);
            if (http.Request.Path.StartsWithSegments("/api"))
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status503ServiceUnavailable,
                        Detail = $"The server is busy: try again in {Formats.Seconds(seconds)}. Your text is kept in this browser.",
                    },
                });
            else
                await Page(http, seconds).ExecuteAsync(http);
        }
    }

    /// <summary>Whether <paramref name="exception"/>, or one it wraps, says the database is overloaded or briefly away.</summary>
    public static bool IsOverload(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
            if (e is NpgsqlException { IsTransient: true } or TimeoutException
                or SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked })
                return true;
        return false;
    }

    static IResult Page(HttpContext http, int seconds)
    {
        var retry = HttpMethods.IsGet(http.Request.Method)
            ? $"This page tries again by itself in {Formats.Seconds(seconds)}."
            : $"What you sent was not taken. <a href=\"{WebUtility.HtmlEncode(http.Request.Path.Value?.TrimStart('/') + http.Request.QueryString)}\">Go back to the page</a> and send it again in {Formats.Seconds(seconds)}.";
        return BusyPage.Result(http, "Many students are using QuizPlatform right now",
            $"<p>{retry}</p>\n<p>Answers already saved are kept, and a quiz page keeps unsaved answers in this browser.</p>",
            HttpMethods.IsGet(http.Request.Method) ? seconds : null);
    }
}
