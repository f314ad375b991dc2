using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data.Entities;

namespace QuizPlatform.Web.Tests.Features.Accounts;

/// <summary>Users made the way an admin would, and server-rendered forms submitted as a browser would.</summary>
public static partial class AccountTestSupport
{
    public static HttpClient CreateCookieClient(this WebApplicationFactory<Program> app, string baseAddress = "http://localhost") =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) });

    /// <summary>GETs the page, keeps its hidden fields (handler, anti-forgery token, ...), adds <paramref name="fields"/> and POSTs it back.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string url, params (string Name, string Value)[] fields)
    {
        var form = await client.GetStringAsync(url);
        var values = HiddenInput().Matches(form)
            .Select(m => KeyValuePair.Create(WebUtility.HtmlDecode(m.Groups["name"].Value), WebUtility.HtmlDecode(m.Groups["value"].Value)))
            .DistinctBy(field => field.Key) // the layout's sign-out form repeats the same anti-forgery token
            .ToList();
        values.AddRange(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));
        return await client.PostAsync(url, new FormUrlEncodedContent(values));
    }

    [GeneratedRegex(@"<input type=""hidden"" name=""(?<name>[^""]+)"" value=""(?<value>[^""]*)""")]
    private static partial Regex HiddenInput();
}
