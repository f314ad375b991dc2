using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace QuizPlatform.Web.Features.AntiAutomation;

/// <summary>
/// The per-address limits of the sign-in and forgot-password forms. They are static SSR forms, so the page itself
/// takes a permit and, when refused, renders its own "try again in N seconds" with status 429 instead of the
/// middleware's bare refusal. (The save API, a plain endpoint, is limited by the rate-limiting middleware.)
/// </summary>
public sealed class RequestThrottles(IOptions<RateLimitsOptions> options) : IDisposable
{
    const int Segments = 6;

    readonly PartitionedRateLimiter<string> _signIn = PerKey(options.Value.SignInPerIp);
    readonly PartitionedRateLimiter<string> _forgotPassword = PerKey(options.Value.ForgotPasswordPerIp);

    /// <summary>Null when this address may post the sign-in form now, else how long it must wait.</summary>
    public TimeSpan? SignInRefusal(HttpContext http) => Refusal(_signIn, http, options.Value.SignInPerIp);

    public TimeSpan? ForgotPasswordRefusal(HttpContext http) => Refusal(_forgotPassword, http, options.Value.ForgotPasswordPerIp);

    /// <summary>
    /// The client's address as the server sees it: behind a proxy, only right once forwarded headers are configured
    /// (else every request shares the proxy's address, and its limit).
    /// </summary>
    public static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public static SlidingWindowRateLimiterOptions SlidingWindow(WindowLimit limit) => new()
    {
        PermitLimit = limit.PermitLimit, Window = limit.Window, SegmentsPerWindow = Segments, QueueLimit = 0,
    };

    /// <summary>The wait a refused lease names, or one segment of the window when it names none.</summary>
    public static TimeSpan RetryAfter(RateLimitLease lease, WindowLimit limit) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var after) && after > TimeSpan.Zero ? after : limit.Window / Segments;

    /// <summary>
    /// Marks the response <paramref name="statusCode"/> (429: this client must slow down; 503: the server is busy) with
    /// <c>Retry-After</c> in whole seconds (at least 1), and returns those seconds.
    /// </summary>
    public static int Refuse(HttpResponse response, TimeSpan retryAfter, int statusCode = StatusCodes.Status429TooManyRequests)
    {
        var seconds = WholeSeconds(retryAfter);
        response.StatusCode = statusCode;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return seconds;
    }

    public static int WholeSeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    static TimeSpan? Refusal(PartitionedRateLimiter<string> limiter, HttpContext http, WindowLimit limit)
    {
        using var lease = limiter.AttemptAcquire(ClientAddress(http));
        return lease.IsAcquired ? null : RetryAfter(lease, limit);
    }

    static PartitionedRateLimiter<string> PerKey(WindowLimit limit) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => SlidingWindow(limit)));

    public void Dispose()
    {
        _signIn.Dispose();
        _forgotPassword.Dispose();
    }
}
