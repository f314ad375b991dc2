using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace QuizPlatform.Web.Tests.Support;

public static class SignIn
{
    /// <summary>
    /// Signs in through the real login form (hidden fields, anti-forgery token and all). The client must keep
    /// cookies and not follow redirects. Returns the login response: a redirect on success.
    /// </summary>
    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password) =>
        client.SubmitFormAsync("/Account/Login", ("Input.Email", email), ("Input.Password", password));

    /// <summary>A client (keeping cookies, not following redirects) signed in as <paramref name="email"/> through the login form.</summary>
    public static async Task<HttpClient> CreateSignedInClientAsync(this WebApplicationFactory<Program> app, string email,
        string password = TestUsers.Password)
    {
        var client = app.CreateNonRedirectingClient();
        using var signIn = await client.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }

    /// <summary>Asserts the answer sends to the sign-in form: what a request without a live session gets.</summary>
    public static void AssertSentToSignIn(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location?.AbsolutePath);
    }

    /// <summary>Signs out as the menu's Sign out button does (from the account page, whose form carries the token).</summary>
    public static async Task<HttpResponseMessage> SignOutAsync(this HttpClient client, string returnUrl = "Account/Login")
    {
        var token = await client.AntiforgeryTokenAsync("/Account/Manage");
        return await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("ReturnUrl", returnUrl)]));
    }

    /// <summary>The sign-in cookie the client holds, as "name=value" (e.g. to hand to another client).</summary>
    public static async Task<string> SessionCookieAsync(this HttpClient client)
    {
        var probe = new HttpRequestMessage(HttpMethod.Get, "/Account/Manage");
        using var response = await client.SendAsync(probe);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return probe.Headers.GetValues("Cookie").SelectMany(h => h.Split("; "))
            .Single(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
    }

    /// <summary>A client that sends <paramref name="cookie"/> with every request and keeps no cookies of its own: a copied cookie replayed.</summary>
    public static HttpClient CreateReplayingClient(this WebApplicationFactory<Program> app, string cookie)
    {
        var client = app.CreateDefaultClient();
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }
}
