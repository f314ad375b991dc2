using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using QuizPlatform.Data.Entities;

namespace QuizPlatform.Web.Features.Accounts;

/// <summary>
/// Identity's sign-in manager, except that a deactivated account can neither sign in nor keep a cookie: the
/// session store ends its session at the next request (<see cref="SessionTicketStore"/>), and Identity's security-stamp
/// checks (open circuits, two-factor remember-me cookies) reject it.
/// </summary>
public class ActiveUserSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    TimeProvider clock)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(ApplicationUser user) =>
        user.IsActive && await base.CanSignInAsync(user);

    public override async Task<ApplicationUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal) =>
        await base.ValidateSecurityStampAsync(principal) is { IsActive: true } user ? user : null;

    // On the app's clock, as the sign-in waits are (Identity's own check reads the system clock).
    protected override Task<bool> IsLockedOut(ApplicationUser user) =>
        Task.FromResult(UserManager.SupportsUserLockout && user.LockoutEnabled && user.LockoutEnd > clock.GetUtcNow());
}
