using System.Net;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.RegradeRequests;
using QuizPlatform.Web.Tests.Features.Attempts;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.RegradeRequests;

/// <summary>The student's side: asking on the results page, the window, one request per answer, and whose answer it is.</summary>
public sealed class StudentRequestTests
{
    [Theory, AllDatabaseProviders]
    public async Task StudentPinsAMissingKeywordToTheWordsTheySelectedAndTheCardShowsTheRequest(DatabaseProvider provider)
    {
        await using var scene = await RequestScene.CreateAsync(provider);
        var attemptId = await scene.SamAnswersAsync();
        using var sam = await scene.Results.ClientAsync();
        var path = $"/attempts/{attemptId}/results";
        var card = ResultsScene.Question(await sam.GetPageAsync(path), 1);
        Assert.Equal("Ask for a regrade of question 1", card.QuerySelector("summary")!.Text());
        Assert.Equal(["weights"], card.QuerySelectorAll("select option").Select(o => o.Text()));

        // What the page's script reports for a selection of "kernel values" in the answer.
        var start = RequestScene.Answer1.IndexOf(RequestScene.TheirWords, StringComparison.Ordinal);
        var response = await RequestScene.PostAsync(sam, path, card.QuerySelector("form")!,
            ("Form.Kind", "keyword"), ("Form.Keyword", "weights"), ("Form.Words", RequestScene.TheirWords),
            ("Form.SpanStart", $"{start}"), ("Form.SpanLength", $"{RequestScene.TheirWords.Length}"),
            ("Form.Comment", "Kernel values are the weights."));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using (var db = scene.App.Services.CreateDbContext())
        {
            var stored = await db.RegradeRequests.SingleAsync();
            Assert.Equal(("weights", start, RequestScene.TheirWords.Length, RegradeRequestStatus.Open, scene.Sam),
                (stored.Keyword, stored.SpanStart, stored.SpanLength, stored.Status, stored.StudentId));
        }
        var page = await sam.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Your regrade request was sent to your instructor.", page.ByRole("status", "Your regrade request was sent to your instructor.")?.Text());
        card = ResultsScene.Question(page, 1);
        Assert.Contains("Status Waiting for your instructor", card.Text());
        Assert.Contains("Your answer says the missing keyword \u201cweights\u201d in \u201ckernel values\u201d", card.Text());
        Assert.DoesNotContain("Ask for a regrade", card.Text());
        Assert.Contains("Ask for a regrade", ResultsScene.Question(page, 2).Text());
    }

    [Theory, AllDatabaseProviders]
    public async Task WithoutTheScriptTheTypedWordsAreFoundInTheAnswerAndWordsItLacksAreRefused(DatabaseProvider provider)
    {
        await using var scene = await RequestScene.CreateAsync(provider);
        var attemptId = await scene.SamAnswersAsync();
        var question1 = await scene.Question1Async();

        var missing = await scene.Requests.CreateAsync(scene.Sam, attemptId, question1, new RequestDraft("weights", "learned parameters", null, null, null));
        var stored = await scene.Requests.CreateAsync(scene.Sam, attemptId, question1, new RequestDraft("weights", "KERNEL  values", 0, 3, null));

        Assert.Equal("Your answer does not say \"learned parameters\": select or type words exactly as they are in your answer.",
            Assert.IsType<CreateOutcome.Invalid>(missing).Message);
        var request = await scene.RequestAsync(Assert.IsType<CreateOutcome.Created>(stored).RequestId);
        Assert.Equal(RequestScene.TheirWords, RequestScene.Answer1.Substring(request.SpanStart!.Value, request.SpanLength!.Value));
    }

    [Theory, AllDatabaseProviders]
    public async Task AnEmptyAnswerCannotBeDisputed(DatabaseProvider provider)
    {
        await using var scene = await RequestScene.CreateAsync(provider);
        var attemptId = await scene.SamAnswersAsync(answer1: " ");
        var question1 = await scene.Question1Async();

        var panel = await scene.Requests.PanelAsync(scene.Sam, attemptId, 1);
        var outcome = await scene.Requests.CreateAsync(scene.Sam, attemptId, question1, new RequestDraft(null, null, null, null, "I wrote an answer."));

        Assert.False(panel!.CanAsk);
        Assert.Equal("Your answer is empty: there is nothing in it to regrade.", Assert.IsType<CreateOutcome.Refused>(outcome).Message);
        await using var db = scene.App.Services.CreateDbContext();
        Assert.False(await db.RegradeRequests.AnyAsync());
    }

    [Theory, AllDatabaseProviders]
    public async Task AScoreDisputeNeedsAComment(DatabaseProvider provider)
    {
        await using var scene = await RequestScene.CreateAsync(provider);
        var attemptId = await scene.SamAnswersAsync();
        var question1 = await scene.Question1Async();

        var bare = await scene.Requests.CreateAsync(scene.Sam, attemptId, question1, new RequestDraft(null, null, null, null, "  "));
        var argued = await scene.Requests.CreateAsync(scene.Sam, attemptId, question1, new RequestDraft(null, null, null, null, "Edges and filters are the point."));

        Assert.Equal("Say why the score is wrong: a score dispute needs a comment.", Assert.IsType<CreateOutcome.Invalid>(bare).Message);
        var request = await scene.RequestAsync(Assert.IsType<CreateOutcome.Created>(argued).RequestId);
        Assert.Null(request.Keyword);
        Assert.Equal("Edges and filters are the point.", request.Comment);
    }

    [Theory, AllDatabaseProviders]
    public async Task ASecondRequestForTheSameAnswerIsRefusedPolitely(DatabaseProvider provider)
    {
        await using var scene = await RequestScene.CreateAsync(provider);
        var attemptId = await scene.SamAnswersAsync();
        await scene.DisputeWeightsAsync(scene.Sam, attemptId);

        var again = await scene.Requests.CreateAsync(scene.Sam, attemptId, await scene.Question1Async(),
            new RequestDraft(null, null, null, null, "And the score is wrong too."));

        Assert.Equal("You have already asked for a regrade of this answer: one request per answer.", Assert.IsType<CreateOutcome.Refused>(again).Message);
        await using var db = scene.App.Services.CreateDbContext();
        Assert.Equal(1, await db.RegradeRequests.CountAsync());
    }

    [Theory, AllDatabaseProviders]
    public async Task AFormSentFromAStalePageIsAnsweredWithWhyNotAnError(DatabaseProvider provider)
    {
        // An hour's window: the sign-in cookie outlives it.
        await using var scene = await RequestScene.CreateAsync(provider, q => q.RegradeRequestWindow = TimeSpan.FromHours(1));
        var attemptId = await scene.SamAnswersAsync();
        using var sam = await scene.Results.ClientAsync();
        var path = $"/attempts/{attemptId}/results";
        var page = await sam.GetPageAsync(path);
        var (card1, card2) = (ResultsScene.Question(page, 1).QuerySelector("form")!, ResultsScene.Question(page, 2).QuerySelector("form")!);
        await scene.DisputeWeightsAsync(scene.Sam, attemptId); // from another tab

        var twice = await RequestScene.PostAsync(sam, path, card1, ("Form.Kind", "score"), ("Form.Comment", "Again."));
        scene.App.Clock.Advance(TimeSpan.FromHours(1));
        var late = await RequestScene.PostAsync(sam, path, card2, ("Form.Kind", "score"), ("Form.Comment", "Late."));

        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        var answered = ResultsScene.Question(Pages.Parse(await twice.Content.ReadAsStringAsync()), 1);
        Assert.Equal("You have already asked for a regrade of this answer: one request per answer.", answered.ByRole("alert", "You have already asked for a regrade of this answer: one request per answer.")?.Text());
        Assert.Null(answered.QuerySelector("form"));
        Assert.Contains("Waiting for your instructor", answered.Text());
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("Regrade requests for this answer closed", ResultsScene.Question(Pages.Parse(await late.Content.ReadAsStringAsync()), 2).Text());
        await using var db = scene.App.Services.CreateDbContext();
        Assert.Equal(1, await db.RegradeRequests.CountAsync());
    }

    [Theory, AllDatabaseProviders]
    public async Task AfterTheWindowARequestIsRefusedWithWhenItClosed(DatabaseProvider provider)
    {
        await using var scene = await RequestScene.CreateAsync(provider);
        var attemptId = await scene.SamAnswersAsync();
        var closed = scene.Results.Now + RequestScene.Window;
        scene.App.Clock.Advance(RequestScene.Window + TimeSpan.FromMinutes(1));

        var late = await scene.Requests.CreateAsync(scene.Sam, attemptId, await scene.Question1Async(),
            new RequestDraft(null, null, null, null, "Please look again."));

        Assert.Equal($"Regrade requests for this answer closed {closed:yyyy-MM-dd HH:mm} UTC.", Assert.IsType<CreateOutcome.Refused>(late).Message);
        var card = await scene.SamsCardAsync(attemptId);
        Assert.DoesNotContain("Ask for a regrade", card.Text());
        Assert.Contains("Regrade requests for this answer closed", card.Text());
    }

    [Theory, AllDatabaseProviders]
    public async Task WhileScoresWaitForTheCloseTheWindowHasNotOpened(DatabaseProvider provider)
    {
        await using var scene = await RequestScene.CreateAsync(provider, q => q.ShowScore = ReviewVisibility.AfterClose);
        var attemptId = await scene.SamAnswersAsync();

        var early = await scene.Requests.CreateAsync(scene.Sam, attemptId, await scene.Question1Async(),
            new RequestDraft(null, null, null, null, "Please look again."));

        Assert.Equal("You can ask for a regrade once you can see your score.", Assert.IsType<CreateOutcome.Refused>(early).Message);
        scene.App.Clock.Advance(TimeSpan.FromDays(2)); // the quiz closed a day ago: the week runs from its close
        await scene.DisputeWeightsAsync(scene.Sam, attemptId);
    }

    [Theory, AllDatabaseProviders]
    public async Task AQuizWithoutAWindowTakesNoRequests(DatabaseProvider provider)
    {
        await using var scene = await RequestScene.CreateAsync(provider, q => q.RegradeRequestWindow = null);
        var attemptId = await scene.SamAnswersAsync();

        var refused = await scene.Requests.CreateAsync(scene.Sam, attemptId, await scene.Question1Async(),
            new RequestDraft(null, null, null, null, "Please look again."));

        Assert.Equal("This quiz takes no regrade requests.", Assert.IsType<CreateOutcome.Refused>(refused).Message);
        using var sam = await scene.Results.ClientAsync();
        Assert.DoesNotContain("regrade", (await ResultsScene.PageAsync(sam, attemptId)).Text(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory, AllDatabaseProviders]
    public async Task WithoutKeywordFeedbackOnlyTheScoreCanBeDisputed(DatabaseProvider provider)
    {
        await using var scene = await RequestScene.CreateAsync(provider, q => q.ShowKeywordFeedback = ReviewVisibility.Never);
        var attemptId = await scene.SamAnswersAsync();

        var named = await scene.Requests.CreateAsync(scene.Sam, attemptId, await scene.Question1Async(),
            new RequestDraft("weights", RequestScene.TheirWords, null, null, null));

        Assert.Equal("Pick one of the keywords missing from your answer.", Assert.IsType<CreateOutcome.Invalid>(named).Message);
        var card = await scene.SamsCardAsync(attemptId);
        Assert.Contains("I dispute the score", card.Text());
        Assert.Null(card.QuerySelector("select"));
        Assert.DoesNotContain("My answer says a missing keyword", card.Text());
    }

    [Theory, AllDatabaseProviders]
    public async Task AStudentCannotReachAnotherStudentsAnswerOrRequest(DatabaseProvider provider)
    {
        await using var scene = await RequestScene.CreateAsync(provider);
        var samAttempt = await scene.SamAnswersAsync();
        using var sam = await scene.Results.ClientAsync();
        var samsForm = ResultsScene.Question(await ResultsScene.PageAsync(sam, samAttempt), 1).QuerySelector("form")!;
        var (tess, _) = await scene.ClassmateAnswersAsync("tess@quiz.local", "Filters.");
        var question1 = await scene.Question1Async();
        using var tessClient = await scene.Results.ClientAsync("tess@quiz.local");

        var asked = await scene.Requests.CreateAsync(tess, samAttempt, question1, new RequestDraft(null, null, null, null, "Mine now."));
        var panel = await scene.Requests.PanelAsync(tess, samAttempt, 1);
        var page = await tessClient.GetAsync($"/attempts/{samAttempt}/results");
        // Tess replays Sam's form (her own token) against Sam's attempt, as someone guessing ids would.
        var token = (await tessClient.GetPageAsync("/")).AntiforgeryToken();
        var posted = await RequestScene.PostAsync(tessClient, $"/attempts/{samAttempt}/results", samsForm,
            ("__RequestVerificationToken", token), ("Form.Kind", "score"), ("Form.Comment", "Mine now."));
        await scene.DisputeWeightsAsync(scene.Sam, samAttempt);
        var samsRequest = await tessClient.GetAsync($"/attempts/{samAttempt}/results");

        Assert.IsType<CreateOutcome.NotFound>(asked);
        Assert.Null(panel);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.False(posted.IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.NotFound, samsRequest.StatusCode);
        Assert.DoesNotContain("kernel values", await samsRequest.Content.ReadAsStringAsync());
        await using var db = scene.App.Services.CreateDbContext();
        Assert.Equal([scene.Sam], await db.RegradeRequests.Select(r => r.StudentId).ToListAsync());
    }

    [Theory, AllDatabaseProviders]
    public async Task ADeactivatedStudentCannotAsk(DatabaseProvider provider)
    {
        await using var scene = await RequestScene.CreateAsync(provider);
        var attemptId = await scene.SamAnswersAsync();
        await using (var db = scene.App.Services.CreateDbContext())
            await db.Users.Where(u => u.Id == scene.Sam).ExecuteUpdateAsync(set => set.SetProperty(u => u.IsActive, false));

        await Assert.ThrowsAsync<UnauthorizedAccessException>(async () =>
            await scene.Requests.CreateAsync(scene.Sam, attemptId, await scene.Question1Async(), new RequestDraft(null, null, null, null, "Please.")));
    }
}
