using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using QuizPlatform.Data.Entities;

namespace QuizPlatform.Web.Components.Account;

internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public const string StatusCookieName = "Identity.StatusMessage";

    private static readonly CookieBuilder StatusCookieBuilder = new()
    {
        SameSite = SameSiteMode.Strict,
        HttpOnly = true,
        IsEssential = true,
        MaxAge = TimeSpan.FromSeconds(5),
        // For the page the redirect leads to, also outside /Account (the home page, after a one-time password).
        Path = "/",
    };

    public void RedirectTo(string? uri)
    {
        uri ??= "";

        // Prevent open redirects: an address of this site becomes relative, any other (a foreign ReturnUrl) goes home.
        // Compared as written: ToBaseRelativePath refuses "HTTP://host/" for "http://host/", which was a 500 at sign-in.
        if (!Uri.IsWellFormedUriString(uri, UriKind.Relative)
            || uri.StartsWith("//", StringComparison.Ordinal) || uri.StartsWith("/\\", StringComparison.Ordinal))
        {
            uri = uri.StartsWith(navigationManager.BaseUri, StringComparison.Ordinal)
                ? navigationManager.ToBaseRelativePath(uri)
                : "";
        }

        navigationManager.NavigateTo(uri);
    }

    public void RedirectTo(string uri, Dictionary<string, object?> queryParameters)
    {
        var uriWithoutQuery = navigationManager.ToAbsoluteUri(uri).GetLeftPart(UriPartial.Path);
        var newUri = navigationManager.GetUriWithQueryParameters(uriWithoutQuery, queryParameters);
        RedirectTo(newUri);
    }

    public void RedirectToWithStatus(string uri, string message, HttpContext context)
    {
        context.Response.Cookies.Append(StatusCookieName, message, StatusCookieBuilder.Build(context));
        RedirectTo(uri);
    }

    private string CurrentPath => navigationManager.ToAbsoluteUri(navigationManager.Uri).GetLeftPart(UriPartial.Path);

    public void RedirectToCurrentPage() => RedirectTo(CurrentPath);

    public void RedirectToCurrentPageWithStatus(string message, HttpContext context)
        => RedirectToWithStatus(CurrentPath, message, context);

    /// <summary>
    /// Back to the sign-in form, saying why, from a second sign-in step (authenticator or recovery code) opened
    /// without the first: directly, from a bookmark, or after the first step's cookie expired.
    /// </summary>
    public void RedirectToSignInFirst(string? returnUrl, HttpContext context) =>
        RedirectToWithStatus(returnUrl is null ? "Account/Login" : $"Account/Login?ReturnUrl={Uri.EscapeDataString(returnUrl)}",
            "Error: That sign-in step has expired or was opened on its own. Sign in with your email and password to continue.",
            context);

    public void RedirectToInvalidUser(UserManager<ApplicationUser> userManager, HttpContext context)
        => RedirectToWithStatus("Account/InvalidUser", $"Error: Unable to load user with ID '{userManager.GetUserId(context.User)}'.", context);
}
