using System.Net;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Web.Components.Shared;
using QuizPlatform.Web.Features.Marking;
using QuizPlatform.Web.Features.RegradeRequests;
using QuizPlatform.Web.Tests.Features.Attempts;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.RegradeRequests;

/// <summary>The instructor's side: the inbox, who may see it, and what accepting, declining and closing do to grades and requests.</summary>
public sealed class InboxTests
{
    static string InboxPath(RequestScene scene) => $"/quizzes/{scene.QuizId}/requests";

    [Theory, AllDatabaseProviders]
    public async Task TheInboxGroupsOpenRequestsByQuestionAndKeyword(DatabaseProvider provider)
    {
        await using var scene = await RequestScene.CreateAsync(provider);
        await scene.DisputeWeightsAsync(scene.Sam, await scene.SamAnswersAsync());
        var (tess, tessAttempt) = await scene.ClassmateAnswersAsync("tess@quiz.local", "Filters and edges, set by the kernel values.");
        await scene.DisputeWeightsAsync(tess, tessAttempt);
        var (uma, umaAttempt) = await scene.ClassmateAnswersAsync("uma@quiz.local", "Filters.");
        await scene.Requests.CreateAsync(uma, umaAttempt, await scene.Question1Async(), new RequestDraft(null, null, null, null, "One keyword is enough."));

        var inbox = (await scene.Inbox.LoadAsync(scene.Alice, scene.QuizId))!;
        using var alice = await scene.Results.ClientAsync("alice@quiz.local");
        var page = await alice.GetPageAsync(InboxPath(scene));
        var results = await alice.GetPageAsync($"/quizzes/{scene.QuizId}/results");

        Assert.Equal(3, inbox.OpenCount);
        Assert.Equal(["Q1: 2 students say their answer has \u201cweights\u201d", "Q1: 1 student disputes the score"],
            page.QuerySelectorAll("main h2").Select(h => h.Text()));
        var weights = page.ByRole("region", "Q1: 2 students say their answer has \u201cweights\u201d")!;
        Assert.Equal(["Sam", "tess"], weights.QuerySelectorAll("h3").Select(h => h.Text().Split(' ')[0]));
        Assert.Equal(["kernel values (the words the student selected)", "kernel values (the words the student selected)"],
            weights.QuerySelectorAll("mark").Select(m => m.Text()));
        Assert.Contains($"Score now: {Formats.Figure((await scene.GradeOfAsync(inbox.Groups[0].Requests[0].RequestId)).Score)} of 2 points", weights.Text());
        Assert.Contains("One keyword is enough.", page.ByRole("region", "Q1: 1 student disputes the score")!.Text());
        var everyone = weights.ByRole("link", "Accept for everyone: preview \u201ckernel values\u201d as an alternative for \u201cweights\u201d")!;
        Assert.Equal($"assignments/{inbox.AssignmentId}/questions/{inbox.Groups[0].QuestionId}/keywords?quiz={scene.QuizId}&alternative=kernel%20values&for=weights&return=%2Fquizzes%2F{scene.QuizId}%2Frequests",
            everyone.GetAttribute("href"));
        Assert.Equal("Regrade requests 3 open", results.ByRole("link", "Regrade requests 3 open")?.Text());
    }

    [Theory, AllDatabaseProviders]
    public async Task AStudentWithoutANameIsCalledByTheirEmailAsOnTheGradesTable(DatabaseProvider provider)
    {
        await using var scene = await RequestScene.CreateAsync(provider);
        var (vic, vicAttempt) = await scene.ClassmateAnswersAsync("vic@quiz.local", "Filters and edges, set by the kernel values.");
        await using (var db = scene.App.Services.CreateDbContext())
            await db.Users.Where(u => u.Id == vic).ExecuteUpdateAsync(set => set.SetProperty(u => u.DisplayName, " "));
        await scene.DisputeWeightsAsync(vic, vicAttempt);
        using var alice = await scene.Results.ClientAsync("alice@quiz.local");

        var inbox = await alice.GetPageAsync(InboxPath(scene));
        var results = await alice.GetPageAsync($"/quizzes/{scene.QuizId}/results");

        Assert.NotNull(results.ByRole("link", "vic@quiz.local"));
        Assert.StartsWith("vic@quiz.local", inbox.QuerySelector("main h3")?.Text());
    }

    [Theory, AllDatabaseProviders]
    public async Task AnotherInstructorOrAStudentCannotSeeOrAnswerTheInbox(DatabaseProvider provider)
    {
        await using var scene = await RequestScene.CreateAsync(provider);
        var requestId = await scene.DisputeWeightsAsync(scene.Sam, await scene.SamAnswersAsync());
        var revision = (await scene.GradeOfAsync(requestId)).Revision;
        var question1 = await scene.Question1Async();
        using var alice = await scene.Results.ClientAsync("alice@quiz.local");
        var alicesForm = (await alice.GetPageAsync(InboxPath(scene))).ByRole("region", "Q1: 1 student says their answer has \u201cweights\u201d")!.QuerySelector("form")!;

        foreach (var (outsider, email) in new[] { (scene.Bob, "bob@quiz.local"), (scene.Sam, "sam@quiz.local") })
        {
            Assert.Null(await scene.Inbox.LoadAsync(outsider, scene.QuizId));
            Assert.Null(await scene.Inbox.OpenCountAsync(outsider, scene.QuizId));
            Assert.IsType<ReplyOutcome.NotFound>(await scene.Inbox.AcceptAsync(outsider, requestId, revision, 2, "Fine."));
            Assert.IsType<ReplyOutcome.NotFound>(await scene.Inbox.DeclineAsync(outsider, requestId, "No."));
            Assert.Null(await scene.Inbox.CloseSatisfiedAsync(outsider, scene.QuizId, question1, "weights", "Done."));
            using var client = await scene.Results.ClientAsync(email);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(InboxPath(scene))).StatusCode);
            var token = (await client.GetPageAsync("/")).AntiforgeryToken();
            var posted = await RequestScene.PostAsync(client, InboxPath(scene), alicesForm,
                ("__RequestVerificationToken", token), ("Form.Action", "accept"), ("Form.Score", "2"), ("Form.Reply", "Fine."));
            Assert.NotEqual(HttpStatusCode.Redirect, posted.StatusCode);
        }

        Assert.Equal(RegradeRequestStatus.Open, (await scene.RequestAsync(requestId)).Status);
        Assert.Empty((await scene.GradeOfAsync(requestId)).History);
    }

    [Theory, AllDatabaseProviders]
    public async Task AcceptingForOneStudentOverridesTheGradeOnRecordAndTheStudentReadsTheReply(DatabaseProvider provider)
    {
        await using var scene = await RequestScene.CreateAsync(provider);
        var attemptId = await scene.SamAnswersAsync();
        var requestId = await scene.DisputeWeightsAsync(scene.Sam, attemptId);
        using var alice = await scene.Results.ClientAsync("alice@quiz.local");
        var form = (await alice.GetPageAsync(InboxPath(scene))).ByRole("region", "Q1: 1 student says their answer has \u201cweights\u201d")!.QuerySelector("form")!;

        var posted = await RequestScene.PostAsync(alice, InboxPath(scene), form,
            ("Form.Action", "accept"), ("Form.Score", "2"), ("Form.Reply", "Yes: kernel values are the weights."));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var inbox = await alice.GetPageAsync(posted.Headers.Location!.OriginalString);
        Assert.Equal("Accepted Sam's request on Q1; they can read your reply.", inbox.ByRole("status", "Accepted Sam's request on Q1; they can read your reply.")?.Text());
        Assert.Equal("No open requests.", inbox.QuerySelector(".page-lead")!.Text());
        var request = await scene.RequestAsync(requestId);
        Assert.Equal((RegradeRequestStatus.Accepted, "Yes: kernel values are the weights.", scene.Alice),
            (request.Status, request.Reply, request.RepliedById));
        var grade = await scene.GradeOfAsync(requestId);
        Assert.Equal((2.0, true, scene.Alice), (grade.OverrideScore, grade.OverrideReasonShown, grade.ReviewedById));
        var change = Assert.Single(grade.History);
        Assert.Equal((GradeChangeSource.Request, grade.Score, 2.0, "Yes: kernel values are the weights.", scene.Alice),
            (change.Source, change.OldScore, change.NewScore, change.Reason, change.ChangedById));

        var card = await scene.SamsCardAsync(attemptId);
        Assert.Contains("2 of 2 points · set by your instructor", card.Text());
        Assert.Contains("Status Accepted by your instructor", card.Text());
        // The reply is the score's reason, shown once: it was the note under the score and again as the reply.
        Assert.Contains("Your instructor's note: Yes: kernel values are the weights.", card.Text());
        Assert.Contains("Your instructor's reply It is their note above.", card.Text());
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(card.Text(), "kernel values are the weights"));
    }

    [Theory, AllDatabaseProviders]
    public async Task AcceptingOverAGradeSomeoneJustChangedOrARequestAlreadyAnsweredStoresNothing(DatabaseProvider provider)
    {
        await using var scene = await RequestScene.CreateAsync(provider);
        var requestId = await scene.DisputeWeightsAsync(scene.Sam, await scene.SamAnswersAsync());
        var grade = await scene.GradeOfAsync(requestId);
        // Alice marks it from elsewhere (the review queue) while the inbox is open in another tab.
        Assert.IsType<MarkOutcome.Marked>(await scene.App.Services.GetRequiredService<GradeMarks>()
            .MarkAsync(scene.Alice, grade.Id, grade.Revision, Mark.Override(1, "Half the key.")));

        var late = await scene.Inbox.AcceptAsync(scene.Alice, requestId, grade.Revision, 2, "Yes.");

        Assert.Equal(1, Assert.IsType<ReplyOutcome.Conflict>(late).Current.Counted);
        Assert.Equal(RegradeRequestStatus.Open, (await scene.RequestAsync(requestId)).Status);
        Assert.Equal([GradeChangeSource.Override], (await scene.GradeOfAsync(requestId)).History.Select(c => c.Source));

        Assert.IsType<ReplyOutcome.Done>(await scene.Inbox.DeclineAsync(scene.Alice, requestId, "No."));
        var again = await scene.Inbox.AcceptAsync(scene.Alice, requestId, grade.Revision + 1, 2, "Yes after all.");
        Assert.IsType<ReplyOutcome.AlreadyAnswered>(again);
        Assert.Single((await scene.GradeOfAsync(requestId)).History);
    }

    [Theory, AllDatabaseProviders]
    public async Task AReplyFromAnInboxOpenedBeforeSomeoneElseAnsweredIsTakenAndExplained(DatabaseProvider provider)
    {
        await using var scene = await RequestScene.CreateAsync(provider);
        var requestId = await scene.DisputeWeightsAsync(scene.Sam, await scene.SamAnswersAsync());
        using var alice = await scene.Results.ClientAsync("alice@quiz.local");
        var form = (await alice.GetPageAsync(InboxPath(scene))).ByRole("region", "Q1: 1 student says their answer has \u201cweights\u201d")!.QuerySelector("form")!;
        Assert.IsType<ReplyOutcome.Done>(await scene.Inbox.DeclineAsync(scene.Alice, requestId, "No.")); // in another tab

        var posted = await RequestScene.PostAsync(alice, InboxPath(scene), form, ("Form.Action", "accept"), ("Form.Score", "2"), ("Form.Reply", "Yes."));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var page = Pages.Parse(await posted.Content.ReadAsStringAsync());
        Assert.Equal("Someone answered Sam's request on Q1 already: see Answered requests.", page.ByRole("alert", "Someone answered Sam's request on Q1 already: see Answered requests.")?.Text());
        var request = await scene.RequestAsync(requestId);
        Assert.Equal((RegradeRequestStatus.Declined, "No."), (request.Status, request.Reply));
        Assert.Empty((await scene.GradeOfAsync(requestId)).History);
    }

    [Theory, AllDatabaseProviders]
    public async Task DecliningNeedsAReplyThatTheStudentThenReads(DatabaseProvider provider)
    {
        await using var scene = await RequestScene.CreateAsync(provider);
        var attemptId = await scene.SamAnswersAsync();
        var requestId = await scene.DisputeWeightsAsync(scene.Sam, attemptId);

        var bare = await scene.Inbox.DeclineAsync(scene.Alice, requestId, " ");
        var declined = await scene.Inbox.DeclineAsync(scene.Alice, requestId, "Kernel values are not the weights' role here.");

        Assert.Equal("Write a reply: the student reads it.", Assert.IsType<ReplyOutcome.Invalid>(bare).Message);
        Assert.IsType<ReplyOutcome.Done>(declined);
        Assert.Equal(RegradeRequestStatus.Declined, (await scene.RequestAsync(requestId)).Status);
        var grade = await scene.GradeOfAsync(requestId);
        Assert.Null(grade.OverrideScore);
        Assert.Empty(grade.History);
        var card = await scene.SamsCardAsync(attemptId);
        Assert.Contains("Status Declined by your instructor", card.Text());
        Assert.Contains("Your instructor's reply Kernel values are not the weights' role here.", card.Text());
    }

    [Theory, AllDatabaseProviders]
    public async Task AfterAKeyChangeTheSatisfiedRequestsCloseWithOneReply(DatabaseProvider provider)
    {
        await using var scene = await RequestScene.CreateAsync(provider);
        var samRequest = await scene.DisputeWeightsAsync(scene.Sam, await scene.SamAnswersAsync());
        var (tess, tessAttempt) = await scene.ClassmateAnswersAsync("tess@quiz.local", "Filters and edges, from learned parameters.");
        var tessRequest = await scene.DisputeWeightsAsync(tess, tessAttempt, "learned parameters");
        await scene.AddAlternativeAndRegradeAsync();
        using var alice = await scene.Results.ClientAsync("alice@quiz.local");
        var group = (await alice.GetPageAsync(InboxPath(scene))).ByRole("region", "Q1: 2 students say their answer has \u201cweights\u201d")!;
        Assert.Contains("The key now finds \u201cweights\u201d in 1 of these 2 answers", group.Text());
        var close = group.QuerySelectorAll("form").Single(f => f.Text().Contains("Close 1 satisfied request"));

        var posted = await RequestScene.PostAsync(alice, InboxPath(scene), close, ("Form.Reply", "The key now takes kernel values."));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var page = await alice.GetPageAsync(posted.Headers.Location!.OriginalString);
        Assert.Equal("Closed 1 satisfied request.", page.ByRole("status", "Closed 1 satisfied request.")?.Text());
        Assert.Equal(["Q1: 1 student says their answer has \u201cweights\u201d"], page.QuerySelectorAll("h2").Select(h => h.Text()).Where(t => t.StartsWith("Q1")));
        var closed = await scene.RequestAsync(samRequest);
        Assert.Equal((RegradeRequestStatus.Accepted, "The key now takes kernel values.", scene.Alice), (closed.Status, closed.Reply, closed.RepliedById));
        Assert.Equal(RegradeRequestStatus.Open, (await scene.RequestAsync(tessRequest)).Status);
        // The score change is the regrade's, already on record; closing the request adds nothing to the grade.
        var history = (await scene.GradeOfAsync(samRequest)).History;
        Assert.Equal([GradeChangeSource.Regrade], history.Select(c => c.Source));
        Assert.True(history[0].NewScore > history[0].OldScore);
    }
}
