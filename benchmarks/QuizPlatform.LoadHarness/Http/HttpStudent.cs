using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;

namespace QuizPlatform.LoadHarness.Http;

public sealed record StudentLogin(string Email, string Password);

/// <summary>
/// One student's browser over real HTTP: its own cookies and connections, the forms posted with their hidden fields
/// (antiforgery included) and their redirects followed, and the quiz page's saves sent exactly as its script sends
/// them (<c>wwwroot/js/answer-autosave.js</c>): the version the text was typed over, the page's token in the
/// <c>RequestVerificationToken</c> header, a reply that never came remembered, 429 and 503 waited out for their
/// <c>Retry-After</c>, anything else retried after 2 s doubling to 30 s.
/// </summary>
public sealed class HttpStudent(Uri baseAddress, StudentLogin login, HttpOutcomes outcomes, AcknowledgedSaves acknowledged) : IDisposable
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

    readonly Dictionary<int, (string Text, int Version)> maybeStored = [];
    CancellationTokenSource network = new();
    TimeSpan offlineUntil;

    public StudentLogin Login => login;
    public AttemptPage? Attempt { get; private set; }

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

    /// <summary>The login form: GET it, POST it with its token, follow the redirect (home).</summary>
    public async Task SignInAsync(CancellationToken ct)
    {
        var home = await SubmitAsync(Step.SignInPage, Step.SignIn, "Account/Login", "login",
            [("Input.Email", login.Email), ("Input.Password", login.Password)], ct);
        await GetAsync(Step.HomePage, home, ct);
    }

    /// <summary>The quiz's start page (what a student opens from the home page).</summary>
    public Task<(Uri Uri, IHtmlDocument Page)> OpenQuizAsync(int quizId, CancellationToken ct) => GetAsync(Step.QuizIntro, $"quizzes/{quizId}/take", ct);

    /// <summary>The quiz's start page, then its start form (the timer confirmed), then the quiz page it leads to.</summary>
    public async Task StartAsync(int quizId, CancellationToken ct)
    {
        var path = $"quizzes/{quizId}/take";
        var (_, intro) = await OpenQuizAsync(quizId, ct);
        var attemptPath = await SubmitAsync(Step.QuizIntro, Step.Start, path, "start-attempt", [("Start.TimerUnderstood", "True")], ct, intro);
        var (uri, page) = await GetAsync(Step.AttemptPage, attemptPath, ct);
        Attempt = AttemptPage.Read(uri, page);
    }

    /// <summary>Saves one answer until the app acknowledges it (or refuses it for good), always sending the newest text.</summary>
    public async Task<bool> SaveAsync(int questionId, Func<string> text, CancellationToken ct)
    {
        var attempt = Attempt ?? throw new InvalidOperationException("Start the attempt first.");
        var started = Stopwatch.GetTimestamp();
        var retry = TimeSpan.Zero;
        while (true)
        {
            await OnlineAsync(ct);
            var sending = text();
            var baseVersion = attempt.Versions[questionId];
            using var request = new HttpRequestMessage(HttpMethod.Put, $"api/attempts/{attempt.AttemptId}/answers/{questionId}")
            {
                Content = JsonContent.Create(new { text = sending, baseVersion }),
            };
            request.Headers.Add("RequestVerificationToken", attempt.Token);
            request.Headers.Add("X-Requested-With", "XMLHttpRequest");
            var (response, failure) = await TrySendAsync(request, ct);
            if (response is null)
            {
                maybeStored[questionId] = (sending, baseVersion + 1);
                if (failure is not null)
                    outcomes.Failed(Step.Save, failure);
                await Task.Delay(retry = Next(retry), ct);
                continue;
            }
            using (response)
            {
                var status = (int)response.StatusCode;
                var reply = status is 200 or 409 ? await response.Content.ReadFromJsonAsync<JsonElement>(ct) : default;
                string? Text() => reply.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                int Version() => reply.GetProperty("version").GetInt32();
                switch (status)
                {
                    case 200:
                        return Acknowledge(attempt, questionId, Version(), sending, started);
                    case 409 when reply.GetProperty("status").GetString() == "stale":
                        if (Text() == sending)
                            return Acknowledge(attempt, questionId, Version(), sending, started);
                        if (maybeStored.TryGetValue(questionId, out var own) && own.Text == Text() && own.Version == Version())
                        {
                            // Our own save, stored before its reply was lost: the newer text goes on top of it.
                            maybeStored.Remove(questionId);
                            attempt.Versions[questionId] = Version();
                            continue;
                        }
                        outcomes.Failed(Step.Save, "409 changed elsewhere");
                        return false;
                    case 409:
                        outcomes.Failed(Step.Save, $"409 {reply.GetProperty("status").GetString()}");
                        return false;
                    case 429 or 503:
                        outcomes.Refused(Step.Save, status);
                        await Task.Delay(RetryAfter(response) ?? (retry = Next(retry)), ct);
                        continue;
                    case >= 500:
                        maybeStored[questionId] = (sending, baseVersion + 1); // it may have been stored before the failure
                        outcomes.Failed(Step.Save, status.ToString());
                        await Task.Delay(retry = Next(retry), ct);
                        continue;
                    default:
                        outcomes.Failed(Step.Save, status.ToString());
                        return false;
                }
            }
        }
    }

    /// <summary>The hand-in form of the quiz page; returns the results page it leads to.</summary>
    public async Task<string> HandInAsync(CancellationToken ct)
    {
        var attempt = Attempt ?? throw new InvalidOperationException("Start the attempt first.");
        return await PostAsync(Step.HandIn, attempt.PageUri.ToString(), attempt.SubmitFields, ct) ?? throw new HttpStepFailed(Step.HandIn);
    }

    public Task OpenResultsAsync(string path, CancellationToken ct) => GetAsync(Step.ResultsPage, path, ct);

    bool Acknowledge(AttemptPage attempt, int questionId, int version, string text, long started)
    {
        maybeStored.Remove(questionId);
        attempt.Versions[questionId] = version;
        acknowledged.Record(attempt.AttemptId, questionId, version, text);
        var took = Stopwatch.GetElapsedTime(started);
        outcomes.Of(Step.Save).Add(took);
        if (outcomes.AllIn)
            outcomes.SteadySaves.Add(took);
        return true;
    }

    /// <summary>GETs the form's page (unless given), POSTs the form's hidden fields plus <paramref name="fields"/>; returns where it redirects.</summary>
    async Task<string> SubmitAsync(Step pageStep, Step step, string path, string formName, (string Name, string Value)[] fields, CancellationToken ct,
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
    async Task<string?> PostAsync(Step step, string path, IReadOnlyList<KeyValuePair<string, string>> form, CancellationToken ct,
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

    async Task<(Uri Uri, IHtmlDocument Page)> GetAsync(Step step, string path, CancellationToken ct)
    {
        using var response = await SendAsync(step, () => new HttpRequestMessage(HttpMethod.Get, path), ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            outcomes.Failed(step, $"{(int)response.StatusCode} for {new Uri(path, UriKind.RelativeOrAbsolute).ToString()}");
            throw new HttpStepFailed(step);
        }
        return (response.RequestMessage!.RequestUri!, PageForms.Parse(await response.Content.ReadAsStringAsync(ct)));
    }

    /// <summary>Sends until the app answers with neither a refusal nor a server error; the whole wait is the step's latency.</summary>
    async Task<HttpResponseMessage> SendAsync(Step step, Func<HttpRequestMessage> request, CancellationToken ct)
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
    async Task<(HttpResponseMessage? Response, string? Failure)> TrySendAsync(HttpRequestMessage request, CancellationToken ct)
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

    async Task OnlineAsync(CancellationToken ct)
    {
        var left = offlineUntil - outcomes.Now;
        if (left > TimeSpan.Zero)
            await Task.Delay(left, ct);
    }

    static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter?.Delta is { } delta && delta > TimeSpan.Zero
        ? delta : null;

    static TimeSpan Next(TimeSpan retry) => retry == TimeSpan.Zero ? FirstRetry : TimeSpan.FromTicks(Math.Min(MaxRetry.Ticks, retry.Ticks * 2));

    public void Dispose()
    {
        client.Dispose();
        network.Dispose();
    }
}

/// <summary>A step that cannot go on (the app answered something no retry fixes); already counted as an error.</summary>
public sealed class HttpStepFailed(Step step) : Exception($"{HttpOutcomes.Name(step)} failed")
{
    public Step Step => step;
}
