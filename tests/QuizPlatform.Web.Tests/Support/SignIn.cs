namespace QuizPlatform.Web.Tests.Support;

public static class SignIn
{
    /// <summary>
    /// Signs in through the real login form (hidden fields, anti-forgery token and all). The client must keep
    /// cookies and not follow redirects. Returns the login response: a redirect on success.
    /// </summary>
    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password) =>
        client.SubmitFormAsync("/Account/Login", ("Input.Email", email), ("Input.Password", password));

    /// <summary>Signs out as the menu's Sign out button does (from the account page, whose form carries the token).</summary>
    public static async Task<HttpResponseMessage> SignOutAsync(this HttpClient client, string returnUrl = "Account/Login")
    {
        var token = await client.AntiforgeryTokenAsync("/Account/Manage");
        return await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("ReturnUrl", returnUrl)]));
    }
}
