using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using QuizPlatform.Data;
using QuizPlatform.Web.Features.Admission;
using QuizPlatform.Web.Features.AntiAutomation;
using QuizPlatform.Web.Features.Observability;

namespace QuizPlatform.Web.Features.Taking;

public static class TakingFeature
{
    /// <summary>The body of a save: the answer's text and the version it was typed over.</summary>
    public sealed record AnswerSave(string? Text, int BaseVersion);

    /// <summary>
    /// The reply to a save. <see cref="ServerNow"/> lets the page keep counting down on the server's clock.
    /// </summary>
    public sealed record SaveReply(SaveStatus Status, int Version, DateTime? SavedAt, string? Text, string? Message, DateTime ServerNow);

    /// <summary>Why a save was not even looked at (the request itself was refused).</summary>
    public sealed record SaveRejection(string Message);

    // Room for MaxResponseChars of any script, JSON-escaped; anything bigger is cut off by the server as 413.
    public const long MaxSaveBytes = 256 * 1024;

    public static IServiceCollection AddTakingFeature(this IServiceCollection services)
    {
        services.AddOptions<AttemptsOptions>().BindConfiguration(AttemptsOptions.Section);
        services.AddSingleton<AttemptService>().AddBackgroundWorker<ExpiredAttemptSubmitter>();
        return services;
    }

    public static IEndpointRouteBuilder MapTakingFeature(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/attempts/{attemptId:int}/answers/{questionId:int}", SaveAnswerAsync)
            .RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Student })
            .WithMetadata(new RequestSizeLimitAttribute(MaxSaveBytes))
            .RequireRateLimiting(AntiAutomationFeature.SavesPolicy);
        // Ahead of the quiz page's own endpoint at this address (order 0), which then only ever shows the page.
        app.MapPost("/attempts/{attemptId:int}", HandInAsync)
            .RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Student })
            .WithMetadata(new RequestSizeLimitAttribute(MaxHandInBytes))
            .WithOrder(-1);
        return app;
    }

    /// <summary>The name the quiz page's hand-in form posts in <c>_handler</c>, as a Blazor form names itself.</summary>
    public const string HandInForm = "submit-attempt";

    // The form's two short fields, with room to spare.
    const long MaxHandInBytes = 4 * 1024;

    /// <summary>
    /// <c>POST /attempts/{attemptId}</c>, the quiz page's hand-in form: hands the attempt in (once, however often it is
    /// posted) and redirects to its results. An endpoint rather than the page's form handler: at a deadline a whole
    /// class posts at once, and Blazor renders the page, layout and user menu included, before a handler runs
    /// (docs/benchmarks.md, "Concurrency"). Refused at the gate, it answers 503 with a page that hands in again.
    /// </summary>
    public static async Task<IResult> HandInAsync(int attemptId, ClaimsPrincipal user, HttpContext http, IAntiforgery antiforgery,
        AdmissionGates admission, AttemptService attempts, CancellationToken cancellationToken)
    {
        if (!await antiforgery.IsRequestValidAsync(http) || http.Request.Form["_handler"] != HandInForm)
            return TypedResults.BadRequest();
        using var ticket = await admission.EnterAsync(AdmissionKind.HandIn, cancellationToken);
        if (!ticket.Admitted)
        {
            var seconds = RequestThrottles.Refuse(http.Response, ticket.RetryAfter, StatusCodes.Status503ServiceUnavailable);
            return HandInWait.Result(http, attemptId, http.Request.Form["__RequestVerificationToken"].ToString(), seconds);
        }
        // Someone else's attempt looks exactly like one that does not exist.
        return (await attempts.SubmitAsync(Actor.IdOf(user), attemptId, cancellationToken)).Found
            ? TypedResults.Redirect($"{http.Request.PathBase}/attempts/{attemptId}/results")
            : TypedResults.NotFound();
    }

    /// <summary>
    /// <c>PUT /api/attempts/{attemptId}/answers/{questionId}</c>: saves one answer. A plain request rather than a
    /// circuit call, so the page can keep saving (and retrying) however its Blazor connection fares.
    /// </summary>
    public static async Task<Results<Ok<SaveReply>, NotFound<SaveReply>, Conflict<SaveReply>, JsonHttpResult<SaveReply>,
        BadRequest<SaveRejection>, ForbidHttpResult>> SaveAnswerAsync(int attemptId, int questionId, [FromBody] AnswerSave body,
        ClaimsPrincipal user, HttpContext http, IAntiforgery antiforgery, AttemptService attempts, TimeProvider clock,
        QuizMetrics metrics, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            metrics.SaveRejected(Stopwatch.GetElapsedTime(started));
            return TypedResults.BadRequest(new SaveRejection(
                "The page's security token has expired: reload the page (your answers are kept in this browser)."));
        }
        SaveResult result;
        try
        {
            result = await attempts.SaveAsync(Actor.IdOf(user), attemptId, questionId, body.Text ?? "",
                body.BaseVersion, cancellationToken);
        }
        catch (UnauthorizedAccessException)
        {
            metrics.SaveRejected(Stopwatch.GetElapsedTime(started));
            return TypedResults.Forbid();
        }
        metrics.Saved(result.Status, Stopwatch.GetElapsedTime(started));
        var reply = new SaveReply(result.Status, result.Version, result.SavedAt, result.Text, result.Message,
            clock.GetUtcNow().UtcDateTime);
        return result.Status switch
        {
            SaveStatus.Saved => TypedResults.Ok(reply),
            SaveStatus.NotFound => TypedResults.NotFound(reply),
            SaveStatus.TooLong => TypedResults.Json(reply, statusCode: StatusCodes.Status413PayloadTooLarge),
            _ => TypedResults.Conflict(reply),
        };
    }
}
