namespace QuizPlatform.Web.Features.AntiAutomation;

/// <summary>
/// The <c>RateLimits</c> section. The defaults let a whole school behind one NAT address through at exam start
/// (500 students signing in within a minute, with typos) while a script guessing passwords from one address is held
/// to a few hundred tries a minute and any one account to about two tries a minute (<see cref="SignInDelay"/>).
/// </summary>
public sealed class RateLimitsOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in form posts per client IP address.</summary>
    public WindowLimit SignInPerIp { get; set; } = new() { PermitLimit = 1000, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Forgot-password form posts per client IP address (each one may send a mail).</summary>
    public WindowLimit ForgotPasswordPerIp { get; set; } = new() { PermitLimit = 100, Window = TimeSpan.FromMinutes(15) };

    /// <summary>
    /// Answer saves per signed-in user. The page saves after a pause in typing, every 10 s of steady typing and every
    /// answer at hand-in, so a fast typist on a long quiz stays far below this.
    /// </summary>
    public WindowLimit SavesPerUser { get; set; } = new() { PermitLimit = 120, Window = TimeSpan.FromMinutes(1) };

    public SignInDelayOptions SignInDelay { get; set; } = new();
}

/// <summary>At most <see cref="PermitLimit"/> requests in any <see cref="Window"/> (a sliding window of six segments).</summary>
public sealed class WindowLimit
{
    public int PermitLimit { get; set; }
    public TimeSpan Window { get; set; }
}

/// <summary>
/// The per-account brake that replaces a lockout: after <see cref="FreeFailures"/> wrong passwords in a row, the
/// next try must wait 2 s, then 4, 8, 16, up to <see cref="MaxDelay"/>. Nobody can lock a class out for longer than
/// that, and the right password after the wait signs in.
/// </summary>
public sealed class SignInDelayOptions
{
    public int FreeFailures { get; set; } = 3;
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Failures older than this (counted from the end of the last wait) are forgotten.</summary>
    public TimeSpan ForgetAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The wait imposed after the <paramref name="failures"/>-th wrong password in a row.</summary>
    public TimeSpan After(int failures) => failures < FreeFailures
        ? TimeSpan.Zero
        : TimeSpan.FromSeconds(Math.Min(Math.Pow(2, failures - FreeFailures + 1), MaxDelay.TotalSeconds));
}
