using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;
using QuizPlatform.Web.Components.Account.Pages;
using QuizPlatform.Web.Components.Account.Pages.Manage;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Accounts;
using QuizPlatform.Web.Features.SecurityHeaders;

namespace Microsoft.AspNetCore.Routing;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    // These endpoints are required by the Identity Razor components defined in the /Components/Account/Pages directory of this project.
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var accountGroup = endpoints.MapGroup("/Account");

        // Ends the session on the server (the ticket store deletes its row) and asks the browser to forget this
        // site's storage: drafts of answers must not be left to the next person at a shared computer.
        accountGroup.MapPost("/Logout", async (
            HttpContext context,
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromForm] string? returnUrl) =>
        {
            await signInManager.SignOutAsync();
            context.Response.Headers["Clear-Site-Data"] = "\"storage\"";
            return TypedResults.LocalRedirect(LocalReturnUrl(returnUrl));
        });

        // Whether this browser's session still holds, for pages without a circuit (js/session-ended.js): 204 or 401.
        endpoints.MapGet(SessionTicketStore.CheckPath, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return context.User.Identity?.IsAuthenticated == true ? Results.NoContent() : Results.Unauthorized();
        });

        var manageGroup = accountGroup.MapGroup("/Manage").RequireAuthorization();

        var loggerFactory = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>();
        var downloadLogger = loggerFactory.CreateLogger("DownloadPersonalData");

        // The file holds the account's personal data: only this site's own form may ask for it, and nothing may keep a copy.
        manageGroup.MapPost("/DownloadPersonalData", async (
            HttpContext context,
            [FromServices] IAntiforgery antiforgery,
            [FromServices] UserManager<ApplicationUser> userManager) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }

            var user = await userManager.GetUserAsync(context.User);
            if (user is null)
            {
                return Results.NotFound($"Unable to load user with ID '{userManager.GetUserId(context.User)}'.");
            }

            var userId = await userManager.GetUserIdAsync(user);
            downloadLogger.LogInformation("User with ID '{UserId}' asked for their personal data.", userId);

            // Only include personal data for download: not the authenticator key, a credential (the template added it),
            // which would let whoever finds the file make this account's sign-in codes.
            var personalData = new Dictionary<string, string>();
            var personalDataProps = typeof(ApplicationUser).GetProperties().Where(
                prop => Attribute.IsDefined(prop, typeof(PersonalDataAttribute)));
            foreach (var p in personalDataProps)
            {
                personalData.Add(p.Name, p.GetValue(user)?.ToString() ?? "null");
            }

            var logins = await userManager.GetLoginsAsync(user);
            foreach (var l in logins)
            {
                personalData.Add($"{l.LoginProvider} external login provider key", l.ProviderKey);
            }

            var fileBytes = JsonSerializer.SerializeToUtf8Bytes(personalData);

            context.Response.Headers.TryAdd("Content-Disposition", "attachment; filename=PersonalData.json");
            return TypedResults.File(fileBytes, contentType: "application/json", fileDownloadName: "PersonalData.json");
        }).WithNoStore();

        return accountGroup;
    }

    /// <summary>
    /// Where to go after signing out: the form's site-relative path ("Account/Login") or a local one ("/quizzes");
    /// anything else (another site, "//x", a scheme) goes home instead of ending in an error.
    /// </summary>
    internal static string LocalReturnUrl(string? returnUrl) =>
        returnUrl is not null && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.Contains('\\')
        && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative)
            ? "~/" + returnUrl.TrimStart('/')
            : "~/";
}
