using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Components.Account;
using QuizPlatform.Web.Features.Instances;
using QuizPlatform.Web.Features.Mail;

namespace QuizPlatform.Web.Features.Accounts;

public static class AccountsFeature
{
    /// <summary>
    /// Cookie sign-in over the Data project's Identity stores: sessions kept on the server
    /// (<see cref="SessionTicketStore"/>, which also ends them at the next request after a deactivation or a new
    /// security stamp), open circuits re-checked every <see cref="AccountsOptions.RevalidationInterval"/>, HttpOnly
    /// SameSite=Lax cookies (HTTPS-only under <c>__Host-</c> names outside Development and Testing), and the
    /// account-mail seam.
    /// </summary>
    public static IServiceCollection AddAccountsFeature(this IServiceCollection services)
    {
        services.AddOptions<AccountsOptions>().BindConfiguration(AccountsOptions.Section);
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddAuthorization();
        new IdentityBuilder(typeof(ApplicationUser), typeof(IdentityRole), services).AddSignInManager<AuditedSignInManager>();

        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<IOptions<AccountsOptions>>((validator, accounts) => validator.ValidationInterval = accounts.Value.RevalidationInterval);
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<AccountsOptions>, IHostEnvironment>((cookie, accounts, environment) =>
            {
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookiePolicy(accounts.Value, environment);
                cookie.ExpireTimeSpan = accounts.Value.SessionLifetime;
                cookie.SlidingExpiration = true;
                cookie.CookieManager = new SessionCookieManager();
                // SessionTicketStore checks the security stamp and the account on every request, so Identity's periodic
                // check of the sign-in cookie only repeated it (the user, roles and claims read, the session row
                // rewritten) for every student once a minute, landing on an exam's start. Two-factor remember-me
                // cookies keep theirs.
                cookie.Events.OnValidatePrincipal = _ => Task.CompletedTask;
                cookie.Events.OnCheckSlidingExpiration = context =>
                {
                    context.ShouldRenew &= !SessionTicketStore.IsCheck(context.HttpContext);
                    return Task.CompletedTask;
                };
            })
            .Configure<SessionTicketStore>((cookie, store) => cookie.SessionStore = store);
        services.AddOptions<AntiforgeryOptions>()
            .Configure<IOptions<AccountsOptions>, IHostEnvironment>((antiforgery, accounts, environment) =>
                antiforgery.Cookie.SecurePolicy = CookiePolicy(accounts.Value, environment))
            // After the framework and Identity have named their cookies.
            .PostConfigure(antiforgery => antiforgery.Cookie.Name = CookieName(antiforgery.Cookie.Name, antiforgery.Cookie.SecurePolicy));
        services.PostConfigureAll<CookieAuthenticationOptions>(cookie =>
            cookie.Cookie.Name = CookieName(cookie.Cookie.Name, cookie.Cookie.SecurePolicy));
        services.AddInstancesFeature().AddSingleton<SessionTicketStore>().AddSingleton<OpenCircuits>()
            .AddSingleton<IInstanceMessageReceiver>(provider => provider.GetRequiredService<OpenCircuits>());
        services.AddSingleton<AccountSessions>();

        services.AddMailFeature();
        services.AddSingleton<AccountMail>();
        return services;
    }

    /// <summary>
    /// <c>__Host-</c> before the name of a cookie sent over HTTPS only: browsers then refuse it from a sub-domain or
    /// over plain HTTP, so a neighbour cannot plant one. Over HTTP (Development, Testing) the name stays plain, since
    /// browsers drop a <c>__Host-</c> cookie that is not Secure.
    /// </summary>
    static string? CookieName(string? name, CookieSecurePolicy policy) =>
        policy == CookieSecurePolicy.Always && name is not null && !name.StartsWith(HostPrefix, StringComparison.Ordinal)
            ? HostPrefix + name
            : name;

    const string HostPrefix = "__Host-";

    static CookieSecurePolicy CookiePolicy(AccountsOptions accounts, IHostEnvironment environment) =>
        accounts.SecureCookies ?? !(environment.IsDevelopment() || environment.IsEnvironment("Testing"))
            ? CookieSecurePolicy.Always
            : CookieSecurePolicy.SameAsRequest;
}
