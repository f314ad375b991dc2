using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;

namespace QuizPlatform.LoadHarness.Http;

public sealed record StudentLogin(string Email, string Password);

/// <summary>
/// One student over real HTTP, through its own <see cref="StudentBrowser"/>: the login form, the start form, the quiz
/// page read as its script reads it, saves sent exactly as the script sends them (<c>wwwroot/js/answer-autosave.js</c>:
/// the version the text was typed over, the page's token in the <c>RequestVerificationToken</c> header, a save whose
/// reply never came remembered), and the hand-in form.
/// </summary>
public sealed class HttpStudent(Uri baseAddress, StudentLogin login, HttpOutcomes outcomes, AcknowledgedSaves acknowledged) : IDisposable
{
    readonly StudentBrowser browser = new(baseAddress, outcomes);
    readonly Dictionary<int, (string Text, int Version)> maybeStored = [];

    public AttemptPage? Attempt { get; private set; }

    /// <inheritdoc cref="StudentBrowser.DropNetwork"/>
    public void DropNetwork(TimeSpan length) => browser.DropNetwork(length);

    /// <summary>The login form: GET it, POST it with its token, follow the redirect (home).</summary>
    public async Task SignInAsync(CancellationToken ct)
    {
        var home = await browser.SubmitAsync(Step.SignInPage, Step.SignIn, "Account/Login", "login",
            [("Input.Email", login.Email), ("Input.Password", login.Password)], ct);
        await browser.ReadAsync(Step.HomePage, home, ct);
    }

    /// <summary>The quiz's start page (what a student opens from the home page).</summary>
    public Task<(Uri Uri, IHtmlDocument Page)> OpenQuizAsync(int quizId, CancellationToken ct) =>
        browser.GetAsync(Step.QuizIntro, $"quizzes/{quizId}/take", ct);

    /// <summary>The quiz's start page, then its start form (the timer confirmed), then the quiz page it leads to.</summary>
    public async Task StartAsync(int quizId, CancellationToken ct)
    {
        var path = $"quizzes/{quizId}/take";
        var (_, intro) = await OpenQuizAsync(quizId, ct);
        var attemptPath = await browser.SubmitAsync(Step.QuizIntro, Step.Start, path, "start-attempt",
            [("Start.TimerUnderstood", "True")], ct, intro);
        var (uri, page) = await browser.GetAsync(Step.AttemptPage, attemptPath, ct);
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
            await browser.OnlineAsync(ct);
            var sending = text();
            var baseVersion = attempt.Versions[questionId];
            using var request = new HttpRequestMessage(HttpMethod.Put, $"api/attempts/{attempt.AttemptId}/answers/{questionId}")
            {
                Content = JsonContent.Create(new { text = sending, baseVersion }),
            };
            request.Headers.Add("RequestVerificationToken", attempt.Token);
            request.Headers.Add("X-Requested-With", "XMLHttpRequest");
            var (response, failure) = await browser.TrySendAsync(request, ct);
            if (response is null)
            {
                maybeStored[questionId] = (sending, baseVersion + 1);
                if (failure is not null)
                    outcomes.Failed(Step.Save, failure);
                await Task.Delay(retry = StudentBrowser.Next(retry), ct);
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
                        var own = maybeStored.TryGetValue(questionId, out var unanswered) && unanswered.Text == Text() && unanswered.Version == Version();
                        if (own)
                            outcomes.ReplyLostButStored();
                        if (Text() == sending)
                            return Acknowledge(attempt, questionId, Version(), sending, started);
                        if (own)
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
                        await Task.Delay(StudentBrowser.RetryAfter(response) ?? (retry = StudentBrowser.Next(retry)), ct);
                        continue;
                    case >= 500:
                        maybeStored[questionId] = (sending, baseVersion + 1); // it may have been stored before the failure
                        outcomes.Failed(Step.Save, status.ToString());
                        await Task.Delay(retry = StudentBrowser.Next(retry), ct);
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
        return await browser.PostAsync(Step.HandIn, attempt.PageUri.ToString(), attempt.SubmitFields, ct) ?? throw new HttpStepFailed(Step.HandIn);
    }

    public Task OpenResultsAsync(string path, CancellationToken ct) => browser.ReadAsync(Step.ResultsPage, path, ct);

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

    public void Dispose() => browser.Dispose();
}

/// <summary>A step that cannot go on (the app answered something no retry fixes); already counted as an error.</summary>
public sealed class HttpStepFailed(Step step) : Exception($"{HttpOutcomes.Name(step)} failed")
{
    public Step Step => step;
}
