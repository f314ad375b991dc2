namespace QuizPlatform.Web.Tests.Support;

public static class SignIn
{
    /// <summary>
    /// Signs in through the real login form (hidden fields, anti-forgery token and all). The client must keep
    /// cookies and not follow redirects. Returns the login response: a redirect on success.
    /// </summary>
    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password) =>
        client.SubmitFormAsync("/Account/Login", ("Input.Email", email), ("Input.Password", password));
}
