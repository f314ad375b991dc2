using AngleSharp.Html.Dom;
using System.Net;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Components.Shared;
using QuizPlatform.Web.Tests.Features.Quizzes;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Attempts;

/// <summary>The quiz page, <c>/attempts/{id}</c>: what it renders for its student, and handing in from it.</summary>
public sealed class AttemptPageTests
{
    [Theory, AllDatabaseProviders]
    public async Task QuizPageShowsEveryQuestionWithALabelledBoxHoldingTheSavedText(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var quiz = await scene.OpenQuizAsync(form => (form.OnePerPage, form.TimeLimitMinutes) = (false, 20));
        var attempt = (await scene.AttemptService().StartAsync(scene.Sam, quiz)).AttemptId!.Value;
        var sheet = (await scene.AttemptService().LoadAsync(scene.Sam, attempt))!;
        var first = sheet.Questions[0].QuestionId;
        await scene.AttemptService().SaveAsync(scene.Sam, attempt, first, "Filters & <edges>", 0);
        using var sam = await scene.SignedInAsync("sam@quiz.local");

        var page = await sam.GetPageAsync($"/attempts/{attempt}");

        // The data attributes are what the page's script reads: its contract with the markup.
        var root = page.QuerySelector("[data-attempt]")!;
        Assert.Equal(attempt.ToString(), root.GetAttribute("data-attempt"));
        Assert.Equal("false", root.GetAttribute("data-one-per-page"));
        Assert.Matches("^[0-9T:.-]+Z$", root.GetAttribute("data-deadline"));
        var questions = page.ByRole("navigation", "Questions")!;
        foreach (var question in sheet.Questions)
        {
            var answer = page.ByLabel($"Your answer to question {question.Position + 1}");
            Assert.Equal($"a-{question.QuestionId}", answer?.Id);
            Assert.Equal("10000", answer!.GetAttribute("maxlength"));
            Assert.NotNull(questions.QuerySelector($"[data-goto='{question.QuestionId}']"));
        }
        Assert.Equal("Filters & <edges>", ((IHtmlTextAreaElement)page.ByLabel("Your answer to question 1")!).Value);
        Assert.Contains("17 / 10,000 characters", page.Text());
        Assert.Equal("true", questions.QuerySelector($"[data-goto='{first}']")!.GetAttribute("data-answered"));
        Assert.Contains("What does a convolution layer learn?", page.Text());
        Assert.NotNull(page.QuerySelector("dialog")); // the hand-in confirmation
    }

    [Fact]
    public async Task AQuizClosingInTwoDaysShowsTheDaysLeftAndTheDateItCloses()
    {
        await using var scene = await QuizScene.CreateAsync(DatabaseProvider.Sqlite);
        var closes = scene.Now.AddDays(2).AddHours(3).AddMinutes(30);
        var quiz = await scene.OpenQuizAsync(form => form.ClosesAt = closes); // untimed: the close time is the deadline
        var attempt = (await scene.AttemptService().StartAsync(scene.Sam, quiz)).AttemptId!.Value;
        using var sam = await scene.SignedInAsync("sam@quiz.local");

        var timer = (await sam.GetPageAsync($"/attempts/{attempt}")).QuerySelector("[data-timer-box]")!;

        Assert.Equal("2 days 3 h", timer.QuerySelector("[data-timer]")?.Text());
        // Until the browser shows it in its zone (leaving out the date only when it is today there): the date in UTC.
        Assert.Contains($", until {Formats.DateTime(closes)} UTC", timer.Text());
        Assert.Equal("time-if-today", timer.QuerySelector("local-time")?.GetAttribute("data-format"));
    }

    [Fact]
    public async Task AnAnswerSavedOnAnEarlierDaySaysWhichDay()
    {
        await using var scene = await QuizScene.CreateAsync(DatabaseProvider.Sqlite);
        var quiz = await scene.OpenQuizAsync(form => (form.ClosesAt, form.TimeLimitMinutes) = (scene.Now.AddDays(3), null));
        var attempt = (await scene.AttemptService().StartAsync(scene.Sam, quiz)).AttemptId!.Value;
        var first = (await scene.AttemptService().LoadAsync(scene.Sam, attempt))!.Questions[0].QuestionId;
        var savedAt = scene.Now;
        await scene.AttemptService().SaveAsync(scene.Sam, attempt, first, "Filters learn edges.", 0);
        scene.App.Clock.Advance(TimeSpan.FromDays(1));
        using var sam = await scene.SignedInAsync("sam@quiz.local");

        var status = (await sam.GetPageAsync($"/attempts/{attempt}")).QuerySelector("[data-status-text]")!;

        // Until the browser shows it in its zone (the time alone only when it is today there): the date in UTC.
        Assert.Contains($"Saved {Formats.DateTime(savedAt)} UTC", status.Text());
        Assert.Equal("time-if-today", status.QuerySelector("local-time")?.GetAttribute("data-format"));
    }

    [Theory, AllDatabaseProviders]
    public async Task AnotherStudentsAttemptIsNotFound(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        await scene.EnrolStudentAsync("tom@quiz.local");
        var quiz = await scene.OpenQuizAsync();
        var samsAttempt = (await scene.AttemptService().StartAsync(scene.Sam, quiz)).AttemptId!.Value;
        using var tom = await scene.SignedInAsync("tom@quiz.local");

        using var guessed = await tom.GetAsync($"/attempts/{samsAttempt}");
        var tomsToken = await tom.AntiforgeryTokenAsync("/");
        using var handIn = await tom.PostAsync($"/attempts/{samsAttempt}", new FormUrlEncodedContent(
            [new("_handler", "submit-attempt"), new("__RequestVerificationToken", tomsToken)]));

        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        Assert.DoesNotContain("Your answer to question", await guessed.Content.ReadAsStringAsync());
        Assert.InRange((int)handIn.StatusCode, 400, 499); // refused (the form is not on a page Tom can see), not redirected
        await using var db = scene.App.Services.CreateDbContext();
        Assert.Null((await db.Attempts.SingleAsync(a => a.Id == samsAttempt)).SubmittedAt);
    }

    [Theory, AllDatabaseProviders]
    public async Task PromptHoldingAScriptAndAJavascriptLinkRendersInert(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var version = await scene.ImportQuestionAsync("Explain <script>alert('xss')</script> and [this link](javascript:alert(1)) please.");
        var quiz = await scene.OpenQuizAsync(form => form.Title = "Hostile quiz", version);
        var attempt = (await scene.AttemptService().StartAsync(scene.Sam, quiz)).AttemptId!.Value;
        using var sam = await scene.SignedInAsync("sam@quiz.local");

        var html = await sam.GetStringAsync($"/attempts/{attempt}");
        var page = Pages.Parse(html);

        Assert.Contains("Explain <script>alert('xss')</script> and this link please.", page.Text());
        Assert.DoesNotContain(page.Scripts, script => script.Text.Contains("alert"));
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        // The words stay, as text: a link with its address emptied led to the home page, out of the quiz.
        Assert.DoesNotContain(page.QuerySelectorAll("a"), a => a.Text() == "this link");
    }

    [Theory]
    [InlineData(false)]
    // Kestrel stops a body at the endpoint's limit as it streams in, which the test server does not: there the 413 page,
    // rendered by re-running the pipeline for the form's POST, read the form and answered a bare 400.
    [InlineData(true)]
    public async Task AHandInPostOfMoreThanItsFormIsRefusedUnreadWithAPageSayingSoAndHandsNothingIn(bool onKestrel)
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        var kestrel = onKestrel ? app.StartKestrel() : null;
        await using var scene = await QuizScene.CreateAsync(database, app);
        var attempt = (await scene.AttemptService().StartAsync(scene.Sam, await scene.OpenQuizAsync())).AttemptId!.Value;
        using var sam = kestrel is null ? await scene.SignedInAsync("sam@quiz.local")
            : new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new() }) { BaseAddress = kestrel };
        if (kestrel is not null) (await sam.SignInAsync("sam@quiz.local", TestUsers.Password)).Dispose();
        var page = await sam.GetPageAsync($"/attempts/{attempt}");

        using var bloated = await sam.PostAsync($"/attempts/{attempt}", new FormUrlEncodedContent(
            page.HiddenFields("submit-attempt").Append(KeyValuePair.Create("padding", new string('x', 100_000)))));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, bloated.StatusCode);
        var refusal = Pages.Parse(await bloated.Content.ReadAsStringAsync());
        Assert.Equal("That was too large to send", refusal.ByRole("heading", "That was too large to send")?.Text());
        Assert.Contains("make it shorter", refusal.Text());
        Assert.NotNull(refusal.ByRole("link", "Skip to main content")); // in the app's layout
        await using var db = scene.App.Services.CreateDbContext();
        Assert.Null((await db.Attempts.SingleAsync(a => a.Id == attempt)).SubmittedAt);
    }

    [Theory, AllDatabaseProviders]
    public async Task HandingInTwiceFromThePageSubmitsOnceAndSendsBothToTheResults(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var quiz = await scene.OpenQuizAsync();
        var attempt = (await scene.AttemptService().StartAsync(scene.Sam, quiz)).AttemptId!.Value;
        using var sam = await scene.SignedInAsync("sam@quiz.local");
        var page = await sam.GetPageAsync($"/attempts/{attempt}");
        var fields = new FormUrlEncodedContent(page.HiddenFields("submit-attempt"));
        var again = new FormUrlEncodedContent(page.HiddenFields("submit-attempt"));

        using var first = await sam.PostAsync($"/attempts/{attempt}", fields);
        DateTime? submittedAt;
        await using (var db = scene.App.Services.CreateDbContext())
            submittedAt = (await db.Attempts.SingleAsync(a => a.Id == attempt)).SubmittedAt;
        using var second = await sam.PostAsync($"/attempts/{attempt}", again);
        using var reopened = await sam.GetAsync($"/attempts/{attempt}");

        foreach (var response in new[] { first, second, reopened })
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.EndsWith($"/attempts/{attempt}/results", response.Headers.Location?.OriginalString);
        }
        await using var after = scene.App.Services.CreateDbContext();
        var stored = await after.Attempts.SingleAsync(a => a.Id == attempt);
        Assert.NotNull(submittedAt);
        Assert.Equal(submittedAt, stored.SubmittedAt);
        Assert.Equal(SubmittedBy.Student, stored.SubmittedBy);
    }
}
