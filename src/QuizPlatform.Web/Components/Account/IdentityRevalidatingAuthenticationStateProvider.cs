using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Accounts;

namespace QuizPlatform.Web.Components.Account;

/// <summary>
/// Re-checks the user of an open interactive circuit every <see cref="AccountsOptions.RevalidationInterval"/>
/// (at least a second): a deactivated account, one whose security stamp changed (password reset, roles
/// changed), or a session that ended (signed out in another tab, ended from another device, expired) loses the
/// circuit's signed-in state without waiting for the next page load.
/// </summary>
internal sealed class IdentityRevalidatingAuthenticationStateProvider
    : RevalidatingServerAuthenticationStateProvider, OpenCircuits.ISignedInPage
{
    readonly IServiceScopeFactory scopeFactory;
    readonly IOptions<IdentityOptions> options;
    readonly IOptions<AccountsOptions> accounts;
    readonly AccountSessions sessions;
    readonly OpenCircuits circuits;

    public IdentityRevalidatingAuthenticationStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopeFactory,
        IOptions<IdentityOptions> options, IOptions<AccountsOptions> accounts, AccountSessions sessions, OpenCircuits circuits)
        : base(loggerFactory)
    {
        (this.scopeFactory, this.options, this.accounts, this.sessions, this.circuits) = (scopeFactory, options, accounts, sessions, circuits);
        AuthenticationStateChanged += RegisterAsync;
    }

    /// <summary>Tells <see cref="OpenCircuits"/> which session this circuit is signed in through, so its end reaches here at once.</summary>
    async void RegisterAsync(Task<AuthenticationState> state)
    {
        try
        {
            var user = (await state).User;
            if (AccountSessions.CurrentId(user) is { } sessionId && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
                circuits.SignedIn(this, userId, sessionId);
            else
                circuits.Closed(this);
        }
        catch (Exception)
        {
            circuits.Closed(this); // no state to register; revalidation still runs
        }
    }

    public void SessionEnded() =>
        SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));

    protected override void Dispose(bool disposing)
    {
        circuits.Closed(this);
        AuthenticationStateChanged -= RegisterAsync;
        base.Dispose(disposing);
    }

    protected override TimeSpan RevalidationInterval =>
        accounts.Value.RevalidationInterval < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : accounts.Value.RevalidationInterval;

    protected override Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        IsStillValidAsync(authenticationState.User);

    /// <summary>Whether <paramref name="principal"/> still names an active user with an unchanged security stamp, in an open session.</summary>
    internal async Task<bool> IsStillValidAsync(ClaimsPrincipal principal)
    {
        if (AccountSessions.CurrentId(principal) is { } sessionId && !await sessions.IsOpenAsync(sessionId))
            return false;
        // Get the user manager from a new scope to ensure it fetches fresh data
        await using var scope = scopeFactory.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await ValidateSecurityStampAsync(userManager, principal);
    }

    private async Task<bool> ValidateSecurityStampAsync(UserManager<ApplicationUser> userManager, ClaimsPrincipal principal)
    {
        var user = await userManager.GetUserAsync(principal);
        if (user is null || !user.IsActive)
        {
            return false;
        }
        else if (!userManager.SupportsUserSecurityStamp)
        {
            return true;
        }
        else
        {
            var principalStamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
            var userStamp = await userManager.GetSecurityStampAsync(user);
            return principalStamp == userStamp;
        }
    }
}
