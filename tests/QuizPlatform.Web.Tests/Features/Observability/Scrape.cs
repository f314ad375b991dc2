using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace QuizPlatform.Web.Tests.Features.Observability;

/// <summary>
/// One read of <c>/metrics</c> as Prometheus takes it (text format), sent from <paramref name="from"/> straight into
/// the app's pipeline, so a test chooses the caller's address as a network would.
/// </summary>
public sealed partial class Scrape
{
    readonly (string Name, Dictionary<string, string> Labels, double Value)[] samples;

    Scrape(int status, string text)
    {
        Status = status;
        Text = text;
        samples = [.. text.Split('\n').Select(line => SampleLine().Match(line)).Where(m => m.Success).Select(m => (
            m.Groups["name"].Value,
            LabelPair().Matches(m.Groups["labels"].Value).ToDictionary(l => l.Groups[1].Value, l => l.Groups[2].Value),
            double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture)))];
    }

    public int Status { get; }

    public string Text { get; }

    public static async Task<Scrape> TakeAsync(WebApplicationFactory<Program> app, IPAddress? from, string path = "/metrics",
        Action<HttpContext>? adjust = null)
    {
        var http = await app.Server.SendAsync(context =>
        {
            context.Request.Method = "GET";
            context.Request.Path = path;
            context.Connection.RemoteIpAddress = from;
            adjust?.Invoke(context);
        });
        using var reader = new StreamReader(http.Response.Body);
        return new Scrape(http.Response.StatusCode, await reader.ReadToEndAsync());
    }

    /// <summary>The sum of the series named <paramref name="name"/> that carry every label of <paramref name="labels"/> (0 if none).</summary>
    public double Value(string name, params (string Label, string Value)[] labels) =>
        Series(name, labels).Sum(s => s.Value);

    /// <summary>Whether any series named <paramref name="name"/> is served.</summary>
    public bool Has(string name) => samples.Any(s => s.Name == name);

    IEnumerable<(string Name, Dictionary<string, string> Labels, double Value)> Series(string name, (string Label, string Value)[] labels) =>
        samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Label, out var v) && v == l.Value));

    // Label values are quoted and may hold braces (http_route="/api/attempts/{attemptId:int}/...").
    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>(?:[^""}]|""(?:[^""\\]|\\.)*"")*)\})? (?<value>\S+)")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(\w+)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}
