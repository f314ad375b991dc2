using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Audit;

namespace QuizPlatform.Web.Features.Accounts;

/// <summary>
/// The sign-in manager the app uses: <see cref="ActiveUserSignInManager"/>'s rules, and every sign-in, failed
/// sign-in (with the name typed, whether or not an account has it) and sign-out written to the audit trail.
/// </summary>
public sealed class AuditedSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    TimeProvider clock,
    AuditLog audit)
    : ActiveUserSignInManager(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation, clock)
{
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var result = await base.PasswordSignInAsync(userName, password, isPersistent, lockoutOnFailure);
        // A password that needs a second factor is not a sign-in yet: the code's outcome is recorded instead.
        if (!result.RequiresTwoFactor)
            await RecordAsync(await UserManager.FindByNameAsync(userName), userName, result, "a password");
        return result;
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        await RecordAsync(user, null, result, "an authenticator code");
        return result;
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        await RecordAsync(user, null, result, "a recovery code");
        return result;
    }

    public override async Task SignOutAsync()
    {
        var userId = UserManager.GetUserId(Context.User);
        await base.SignOutAsync();
        if (userId is not null)
            await audit.WriteAsync(userId, AuditActions.SignOut, AuditSubject.User(userId), "Signed out.");
    }

    Task RecordAsync(ApplicationUser? user, string? typed, SignInResult result, string with)
    {
        var (action, summary) = result switch
        {
            { Succeeded: true } => (AuditActions.SignIn, $"Signed in with {with}."),
            _ when user is null => (AuditActions.SignInFailed, "Sign-in failed: no account has this email."),
            { IsLockedOut: true } => (AuditActions.SignInFailed, $"Sign-in refused: the account is locked out (tried {with})."),
            { IsNotAllowed: true } => (AuditActions.SignInFailed, $"Sign-in refused: the account is deactivated or not confirmed (tried {with})."),
            _ => (AuditActions.SignInFailed, $"Sign-in failed: wrong {with[(with.IndexOf(' ') + 1)..]}."),
        };
        return audit.WriteAsync(user?.Id, action, user is null ? null : AuditSubject.User(user.Id), summary,
            actorEmail: user?.Email ?? typed);
    }
}
