using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Admission;

namespace QuizPlatform.Web.Features.AntiAutomation;

/// <summary>
/// What the sign-in form shows: Identity's result, or a wait when this address or account must slow down (429), or
/// when too many sign-ins are under way (<paramref name="Busy"/>: 503).
/// </summary>
public sealed record SignInOutcome(SignInResult Result, TimeSpan? RetryAfter = null, bool Busy = false);

/// <summary>
/// Password sign-in behind two brakes instead of a lockout: a per-address limit (<see cref="RequestThrottles"/>) and
/// a short progressive wait per account (<see cref="SignInDelayOptions"/>), counted in Identity's
/// <c>AccessFailedCount</c> with the end of the wait in <c>LockoutEnd</c>. An unknown email and a deactivated account
/// go through the same steps as a wrong password (a password hash is checked, failures counted and waits imposed),
/// so neither the message, the waits nor the time taken tell whether an account exists. Past the per-address limit, a
/// sign-in waits its turn at the <see cref="AdmissionKind.SignIn"/> gate, as its password hash takes tens of
/// milliseconds of a core: a guesser is refused before taking a place in that queue.
/// </summary>
public sealed class ThrottledSignIn(SignInManager<ApplicationUser> signIn, IPasswordHasher<ApplicationUser> hasher,
    RequestThrottles throttles, UnknownAccountFailures unknownAccounts, AdmissionGates gates, TimeProvider clock,
    IOptions<RateLimitsOptions> options)
{
    static readonly ApplicationUser NoOne = new() { UserName = "no-one" };
    static string? s_dummyHash;

    public async Task<SignInOutcome> PasswordSignInAsync(HttpContext http, string email, string password, bool remember)
    {
        if (throttles.SignInRefusal(http) is { } busy)
            return Wait(busy);
        using var admission = await gates.EnterAsync(AdmissionKind.SignIn, http.RequestAborted);
        if (!admission.Admitted)
            return new(SignInResult.Failed, admission.RetryAfter, Busy: true);
        var delay = options.Value.SignInDelay;
        var now = clock.GetUtcNow();
        var users = signIn.UserManager;
        if (await users.FindByNameAsync(email) is not { } user)
        {
            var key = users.NormalizeName(email);
            if (unknownAccounts.WaitFor(key, now) is { } wait)
                return Wait(wait);
            await signIn.PasswordSignInAsync(email, password, remember, lockoutOnFailure: false); // the audit trail's record
            VerifyDummyPassword(password);
            unknownAccounts.Failed(key, now, delay);
            return new(SignInResult.Failed);
        }

        if (user.LockoutEnd - now is { } left && left > TimeSpan.Zero)
            return Wait(left);
        var failures = user.LockoutEnd is { } lastWaitEnd && now - lastWaitEnd > delay.ForgetAfter ? 0 : user.AccessFailedCount;
        // By name, the overload the audit trail records (it finds the same tracked user).
        var result = await signIn.PasswordSignInAsync(email, password, remember, lockoutOnFailure: false);
        if (result.Succeeded || result.RequiresTwoFactor)
            return new(result);
        if (result.IsLockedOut && user.LockoutEnd - now is { } locked && locked > TimeSpan.Zero)
            return Wait(locked);
        if (result.IsNotAllowed)
            VerifyDummyPassword(password); // refused before its password was checked: take as long as a wrong one

        user.AccessFailedCount = failures + 1;
        user.LockoutEnd = now + delay.After(failures + 1);
        await users.UpdateAsync(user); // a concurrency failure means a parallel failure was counted: good enough
        return new(SignInResult.Failed);
    }

    void VerifyDummyPassword(string password)
    {
        s_dummyHash ??= hasher.HashPassword(NoOne, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(NoOne, s_dummyHash, password);
    }

    static SignInOutcome Wait(TimeSpan wait) => new(SignInResult.Failed, wait);
}
