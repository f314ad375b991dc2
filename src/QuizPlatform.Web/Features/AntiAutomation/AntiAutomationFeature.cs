using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using QuizPlatform.Web.Features.Taking;

namespace QuizPlatform.Web.Features.AntiAutomation;

public static class AntiAutomationFeature
{
    /// <summary>The rate-limiting policy of the answer-save API: <see cref="RateLimitsOptions.SavesPerUser"/>, per user.</summary>
    public const string SavesPolicy = "answer-saves";

    /// <summary>Rate limits (section <c>RateLimits</c>), the sign-in brakes, and JSON problems for the API's refusals.</summary>
    public static IServiceCollection AddAntiAutomationFeature(this IServiceCollection services)
    {
        services.AddOptions<RateLimitsOptions>().BindConfiguration(RateLimitsOptions.Section);
        services.AddSingleton<RequestThrottles>().AddSingleton<UnknownAccountFailures>().AddScoped<ThrottledSignIn>();
        // Identity still locks after wrong authenticator codes (the second sign-in step): no longer than a wait here.
        services.AddOptions<IdentityOptions>().Configure<IOptions<RateLimitsOptions>>((identity, limits) =>
            identity.Lockout.DefaultLockoutTimeSpan = limits.Value.SignInDelay.MaxDelay);
        services.AddProblemDetails();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(SavesPolicy, http => RateLimitPartition.GetSlidingWindowLimiter(
                http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? RequestThrottles.ClientAddress(http),
                _ => RequestThrottles.SlidingWindow(Limits(http).SavesPerUser)));
            limiter.OnRejected = (rejected, cancellationToken) =>
            {
                var http = rejected.HttpContext;
                var seconds = RequestThrottles.Refuse(http.Response,
                    RequestThrottles.RetryAfter(rejected.Lease, Limits(http).SavesPerUser));
                return WriteProblemAsync(http, $"Too many saves: the next one is taken in {seconds} seconds. Your text is kept in this browser.");
            };
        });
        return services;
    }

    /// <summary>
    /// After authentication and the status-code pages: a declared body over an endpoint's size limit refused 413 unread,
    /// the rate limiter, and JSON problem bodies (not the HTML not-found page, which answered a PUT with 405) for the
    /// API's refusals that have no body of their own, such as 413 for a body over the size limit and 415 for one that
    /// is not JSON.
    /// </summary>
    public static WebApplication UseAntiAutomation(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            var api = http.Request.Path.StartsWithSegments("/api");
            if (api && http.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
                statusPages.Enabled = false;
            // Any endpoint's: Kestrel stops a body at the endpoint's limit as it arrives; a declared length over it is
            // refused unread.
            if (http.Request.ContentLength > http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize)
            {
                http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                // The status-code page then renders as for a GET: re-run as the form's POST, it read the form, which
                // Kestrel stops at the limit with a bare 400 (the test server has no limit).
                (http.Request.Method, http.Request.Body, http.Request.ContentLength, http.Request.ContentType) = (HttpMethods.Get, Stream.Null, null, null);
            }
            else
                await next(http);
            if (api && !http.Response.HasStarted && http.Response.StatusCode >= 400 && http.Response.ContentLength is null or 0)
                await WriteProblemAsync(http, http.Response.StatusCode switch
                {
                    StatusCodes.Status413PayloadTooLarge => $"This answer is too large to save (the limit is {TakingFeature.MaxSaveBytes / 1024} KB). Shorten it to save it.",
                    StatusCodes.Status415UnsupportedMediaType => "Answers are saved as JSON (Content-Type: application/json).",
                    _ => null,
                });
        });
        app.UseRateLimiter();
        return app;
    }

    static RateLimitsOptions Limits(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<RateLimitsOptions>>().Value;

    static async ValueTask WriteProblemAsync(HttpContext http, string? detail)
    {
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = http.Response.StatusCode, Detail = detail },
        });
    }
}
