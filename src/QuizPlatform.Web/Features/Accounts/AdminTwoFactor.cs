using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;

namespace QuizPlatform.Web.Features.Accounts;

/// <summary>
/// Two-factor sign-in for administrators (<see cref="AccountsOptions.RequireTwoFactorForAdmins"/>). An admin whose
/// account has an authenticator is asked for its code at every sign-in by Identity itself (LoginWith2fa); one without
/// is signed in but sent to set one up from every page and admin download except the account pages, like
/// <see cref="PasswordChange"/>. Turning two-factor on or off changes the account's security stamp, so sessions
/// signed in before it was turned on end at their next check.
/// </summary>
public static class AdminTwoFactor
{
    public const string SetUpPath = "/Account/Manage/EnableAuthenticator";

    public static bool IsRequired(AccountsOptions accounts, IHostEnvironment environment) =>
        accounts.RequireTwoFactorForAdmins ?? !(environment.IsDevelopment() || environment.IsEnvironment("Testing"));

    public static IApplicationBuilder UseAdminTwoFactorRequirement(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var services = context.RequestServices;
        if (context.User.IsInRole(Roles.Admin)
            && PasswordChange.IsGated(context)
            && IsRequired(services.GetRequiredService<IOptions<AccountsOptions>>().Value, services.GetRequiredService<IHostEnvironment>())
            && await services.GetRequiredService<UserManager<ApplicationUser>>().GetUserAsync(context.User) is { TwoFactorEnabled: false })
        {
            context.Response.Redirect(context.Request.PathBase + SetUpPath);
            return;
        }
        await next(context);
    });
}
