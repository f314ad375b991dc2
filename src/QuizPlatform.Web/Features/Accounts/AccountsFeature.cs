using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Components.Account;

namespace QuizPlatform.Web.Features.Accounts;

public static class AccountsFeature
{
    /// <summary>
    /// Cookie sign-in over the Data project's Identity stores: deactivated users refused, sessions re-checked every
    /// <see cref="AccountsOptions.RevalidationInterval"/>, HttpOnly SameSite=Lax cookies (HTTPS-only outside
    /// Development and Testing), and the account-mail seam.
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
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
            });
        services.AddOptions<AntiforgeryOptions>()
            .Configure<IOptions<AccountsOptions>, IHostEnvironment>((antiforgery, accounts, environment) =>
                antiforgery.Cookie.SecurePolicy = CookiePolicy(accounts.Value, environment));

        services.TryAddSingleton<IEmailSender<ApplicationUser>, LoggingEmailSender>();
        services.AddSingleton<AccountMail>();
        return services;
    }

    static CookieSecurePolicy CookiePolicy(AccountsOptions accounts, IHostEnvironment environment) =>
        accounts.SecureCookies ?? !(environment.IsDevelopment() || environment.IsEnvironment("Testing"))
            ? CookieSecurePolicy.Always
            : CookieSecurePolicy.SameAsRequest;
}
