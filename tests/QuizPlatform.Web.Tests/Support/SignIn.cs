using System.Net;
using System.Text.RegularExpressions;

namespace QuizPlatform.Web.Tests.Support;

public static partial class SignIn
{
    /// <summary>
    /// Signs in through the real login form (hidden fields, anti-forgery token and all). The client must keep
    /// cookies and not follow redirects. Returns the login response: a redirect on success.
    /// </summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/Account/Login");
        var fields = HiddenInput().Matches(form)
            .Select(m => KeyValuePair.Create(WebUtility.HtmlDecode(m.Groups["name"].Value), WebUtility.HtmlDecode(m.Groups["value"].Value)))
            .ToList();
        fields.Add(KeyValuePair.Create("Input.Email", email));
        fields.Add(KeyValuePair.Create("Input.Password", password));
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex(@"<input type=""hidden"" name=""(?<name>[^""]+)"" value=""(?<value>[^""]*)""")]
    private static partial Regex HiddenInput();
}
