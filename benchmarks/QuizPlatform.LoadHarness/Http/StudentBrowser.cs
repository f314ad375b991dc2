using System.Diagnostics;
using System.Net;
using AngleSharp.Html.Dom;

namespace QuizPlatform.LoadHarness.Http;

/// <summary>
/// A browser's side of the connection: its own cookies and connections, forms posted with their hidden fields and their
/// redirects followed one by one, 429 and 503 waited out for their <c>Retry-After</c>, anything else retried after 2 s
/// doubling to 30 s (as the quiz page's script backs off), and a network that can be cut.
/// </summary>
public sealed class StudentBrowser(Uri baseAddress, HttpOutcomes outcomes) : IDisposable
{
    static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(2), MaxRetry = TimeSpan.FromSeconds(30);

    readonly HttpClient client = new(new SocketsHttpHandler
    {
        CookieContainer = new CookieContainer(),
        AllowAutoRedirect = false, // each redirect is followed, and timed, as its own step
        UseCookies = true,
        MaxConnectionsPerServer = 2, // a page and its saves; a browser's six would only add idle sockets here
        ConnectTimeout = TimeSpan.FromSeconds(10),
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
    })
    { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

    CancellationTokenSource network = new();
    TimeSpan offlineUntil;

    /// <summary>
    /// The network goes for <paramref name="length"/>: requests in flight are cut off (their replies never come) and
    /// nothing is sent until it returns; the student keeps typing into drafts meanwhile.
    /// </summary>
    public void DropNetwork(TimeSpan length)
    {
        offlineUntil = outcomes.Now + length;
        // Not disposed: a request starting right now may still link to its token.
        Interlocked.Exchange(ref network, new CancellationTokenSource()).Cancel();
    }

    /// <summary>GETs the form's page (unless given), POSTs the form's hidden fields plus <paramref name="fields"/>; returns where it redirects.</summary>
    public async Task<string> SubmitAsync(Step pageStep, Step step, string path, string formName, (string Name, string Value)[] fields, CancellationToken ct,
        IHtmlDocument? page = null)
    {
        for (var tries = 1; ; tries++)
        {
            page ??= (await GetAsync(pageStep, path, ct)).Page;
            var form = PageForms.HiddenFields(page, formName).Concat(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))).ToList();
            if (await PostAsync(step, path, form, ct, acceptPage: tries < 3) is { } location)
                return location;
            page = null; // answered with the form again (a refusal's message): take a fresh form and post again
        }
    }

    /// <summary>POSTs a form until it redirects; with <paramref name="acceptPage"/> a 200 (the form shown again) returns null.</summary>
    public async Task<string?> PostAsync(Step step, string path, IReadOnlyList<KeyValuePair<string, string>> form, CancellationToken ct,
        bool acceptPage = false)
    {
        using var response = await SendAsync(step, () => new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) }, ct);
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther && response.Headers.Location is { } to)
            return new Uri(response.RequestMessage!.RequestUri!, to).ToString();
        outcomes.Failed(step, $"{(int)response.StatusCode} instead of a redirect");
        if (!acceptPage)
            throw new HttpStepFailed(step);
        return null;
    }

    public async Task<(Uri Uri, IHtmlDocument Page)> GetAsync(Step step, string path, CancellationToken ct)
    {
        using var response = await SendAsync(step, () => new HttpRequestMessage(HttpMethod.Get, path), ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            outcomes.Failed(step, $"{(int)response.StatusCode} for {new Uri(path, UriKind.RelativeOrAbsolute).ToString()}");
            throw new HttpStepFailed(step);
        }
        return (response.RequestMessage!.RequestUri!, PageForms.Parse(await response.Content.ReadAsStringAsync(ct)));
    }

    /// <summary>
    /// GETs a page the student only reads (the results): fetched whole, as a browser would, but not parsed, since the
    /// harness shares the app's two cores and a parse of 50 answered questions is CPU no student's browser takes from it.
    /// </summary>
    public async Task ReadAsync(Step step, string path, CancellationToken ct)
    {
        using var response = await SendAsync(step, () => new HttpRequestMessage(HttpMethod.Get, path), ct);
        if (response.StatusCode == HttpStatusCode.OK)
            return;
        outcomes.Failed(step, $"{(int)response.StatusCode} for {new Uri(path, UriKind.RelativeOrAbsolute).ToString()}");
        throw new HttpStepFailed(step);
    }

    /// <summary>Sends until the app answers with neither a refusal nor a server error; the whole wait is the step's latency.</summary>
    public async Task<HttpResponseMessage> SendAsync(Step step, Func<HttpRequestMessage> request, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var retry = TimeSpan.Zero;
        while (true)
        {
            await OnlineAsync(ct);
            using var message = request();
            var (response, failure) = await TrySendAsync(message, ct);
            var status = (int?)response?.StatusCode;
            if (response is not null && status is not (429 or 503) && status < 500)
            {
                outcomes.Of(step).Add(Stopwatch.GetElapsedTime(started));
                return response;
            }
            TimeSpan? wait = null;
            if (status is 429 or 503)
            {
                outcomes.Refused(step, status.Value);
                wait = RetryAfter(response!);
            }
            else if (failure is not null || status is not null)
                outcomes.Failed(step, failure ?? status.ToString()!);
            response?.Dispose();
            await Task.Delay(wait ?? (retry = Next(retry)), ct);
        }
    }

    /// <summary>One request; null with why when none came back (null why: the simulated network dropped it).</summary>
    public async Task<(HttpResponseMessage? Response, string? Failure)> TrySendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var dropped = network.Token;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, dropped);
        try
        {
            return (await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token), null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, dropped.IsCancellationRequested ? null : "timeout");
        }
        catch (HttpRequestException e)
        {
            return (null, $"connection {e.HttpRequestError}");
        }
    }

    public async Task OnlineAsync(CancellationToken ct)
    {
        var left = offlineUntil - outcomes.Now;
        if (left > TimeSpan.Zero)
            await Task.Delay(left, ct);
    }

    public static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter?.Delta is { } delta && delta > TimeSpan.Zero
        ? delta : null;

    public static TimeSpan Next(TimeSpan retry) => retry == TimeSpan.Zero ? FirstRetry : TimeSpan.FromTicks(Math.Min(MaxRetry.Ticks, retry.Ticks * 2));

    public void Dispose()
    {
        client.Dispose();
        network.Dispose();
    }
}
