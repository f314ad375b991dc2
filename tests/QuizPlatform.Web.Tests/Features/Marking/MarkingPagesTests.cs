using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Tests.Features.QuizResults;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Marking;

/// <summary>The mark forms on the attempt review page, posted as a browser posts them.</summary>
public sealed class MarkingPagesTests
{
    const string Q1 = "Mark Question 1 (assignment question 1)";

    [Theory, AllDatabaseProviders]
    public async Task AnOverrideShowsItsResultTheNewTotalAndAHistoryRow(DatabaseProvider provider)
    {
        await using var s = await MarkingScene.CreateAsync(provider);
        using var alice = await s.Fixture.ClientAsync("alice@quiz.local");

        var page = await MarkingScene.SubmitAsync(alice, s.AttemptPage, Q1,
            ("Input.Action", "Override"), ("Input.Score", "1"), ("Input.Reason", "Right, in other words"), ("Input.Shown", "true"));

        var q1 = page.ByRole("region", "Question 1 (assignment question 1)")!;
        Assert.Equal("Overridden: 1 of 1", q1.QuerySelector("[role=status]")!.Text());
        Assert.Contains("Overridden by Alice: 1 of 1 (the grader gave 0.5)", q1.Text());
        Assert.Contains("Right, in other words (shown to the student)", q1.Text());
        Assert.Contains("score 4 of 6", page.Text());
        var history = q1.QuerySelector("details.grade-history")!;
        Assert.Contains("History of this grade (1 change)", history.Text());
        Assert.Contains("Alice · overridden · 0.5 → 1 · “Right, in other words”", history.QuerySelector("li")!.Text());
        Assert.NotNull(q1.ByRole("button", "Revert to the grader"));
        var grade = await s.GradeAsync(s.GradeIds[0]);
        Assert.Equal((1.0, true, 1), (grade.OverrideScore!.Value, grade.OverrideReasonShown, grade.History.Count));
    }

    [Theory, AllDatabaseProviders]
    public async Task AnAttemptsEmptyAnswersShareOneLineEachOpeningItsCardToBeMarked(DatabaseProvider provider)
    {
        await using var s = await MarkingScene.CreateAsync(provider, new FixtureAnswer(0.5), new FixtureAnswer(0, Text: ""), new FixtureAnswer(0, Text: " "));
        using var alice = await s.Fixture.ClientAsync("alice@quiz.local");

        var page = await alice.GetPageAsync(s.AttemptPage);

        // One card, for the answer written; the two empty ones on one line, with no card nor form of their own.
        Assert.Equal(["Question 1 (assignment question 1)"], page.QuerySelectorAll("section.reviewed-answer h2").Select(h => h.Text()));
        var empty = page.ByRole("region", "Left empty: 2 questions")!;
        Assert.Equal("Question 2, Question 3", empty.QuerySelector("p")!.Text());
        Assert.Single(page.QuerySelectorAll("form.mark-form"));

        // Opening one shows its card, marked like any other; the post back keeps it open with the outcome.
        var open = empty.ByRole("link", "Question 3")!.GetAttribute("href")!;
        var path = new Uri(open).PathAndQuery;
        var opened = await MarkingScene.SubmitAsync(alice, path, "Mark Question 3 (assignment question 3)",
            ("Input.Action", "Override"), ("Input.Score", "1"), ("Input.Reason", "Said it in class"));

        var q3 = opened.ByRole("region", "Question 3 (assignment question 3)")!;
        Assert.Equal("Overridden: 1 of 3", q3.QuerySelector("[role=status]")!.Text());
        Assert.Equal("Question 2, Question 3 (overridden: 1)", opened.ByRole("region", "Left empty: 2 questions")!.QuerySelector("p")!.Text());
        Assert.Contains("score 1.5 of 6", opened.Text());
        Assert.Equal(1.0, (await s.GradeAsync(s.GradeIds[2])).OverrideScore);
    }

    [Theory, AllDatabaseProviders]
    public async Task AnInvalidOverrideSaysWhyBesideTheFieldAndKeepsWhatWasTyped(DatabaseProvider provider)
    {
        await using var s = await MarkingScene.CreateAsync(provider);
        using var alice = await s.Fixture.ClientAsync("alice@quiz.local");

        var tooHigh = await MarkingScene.SubmitAsync(alice, s.AttemptPage, Q1,
            ("Input.Action", "Override"), ("Input.Score", "5"), ("Input.Reason", "Generous"), ("Input.Shown", "true"));
        var noReason = await MarkingScene.SubmitAsync(alice, s.AttemptPage, Q1, ("Input.Action", "Override"), ("Input.Score", "0.75"));

        var score = tooHigh.ByLabel("Score (0 to 1)")!;
        Assert.Equal("5", score.GetAttribute("value"));
        Assert.Equal("A score is from 0 to 1.", tooHigh.GetElementById(score.GetAttribute("aria-describedby")!)!.Text());
        Assert.Equal("Generous", tooHigh.ByLabel("Reason")!.TextContent);
        Assert.True(tooHigh.ByLabel("Show the reason to the student")!.HasAttribute("checked"));
        var reason = noReason.ByLabel("Reason")!;
        Assert.Equal("Say why: an override needs a reason.", noReason.GetElementById(reason.GetAttribute("aria-describedby")!)!.Text());
        Assert.Equal("0.75", noReason.ByLabel("Score (0 to 1)")!.GetAttribute("value"));
        var grade = await s.GradeAsync(s.GradeIds[0]);
        Assert.Equal((null, 0), (grade.OverrideScore, grade.History.Count));
    }

    [Theory, AllDatabaseProviders]
    public async Task AMarkOnAPageReadBeforeSomeoneElsesIsRefusedAndShowsTheCurrentValue(DatabaseProvider provider)
    {
        await using var s = await MarkingScene.CreateAsync(provider);
        using var alice = await s.Fixture.ClientAsync("alice@quiz.local");
        var stale = MarkingScene.Form(await alice.GetPageAsync(s.AttemptPage), Q1);
        Assert.IsType<Web.Features.Marking.MarkOutcome.Marked>(
            await s.Marks.MarkAsync(s.Alice, s.GradeIds[0], 0, Web.Features.Marking.Mark.Override(1, "From the other tab")));

        using var response = await MarkingScene.PostAsync(alice, s.AttemptPage, stale, ("Input.Action", "Override"), ("Input.Score", "0"), ("Input.Reason", "Wrong"));

        var page = Pages.Parse(await response.Content.ReadAsStringAsync());
        var alert = page.ByRole("region", "Question 1 (assignment question 1)")!.QuerySelector("[role=alert]")!.Text();
        Assert.StartsWith("Someone else marked this answer after you opened the page, so your mark was not saved. " +
            "It is now: Overridden by Alice: 1 of 1 (the grader gave 0.5) (last change by Alice, overridden,", alert);
        var grade = await s.GradeAsync(s.GradeIds[0]);
        Assert.Equal((1.0, 1), (grade.OverrideScore!.Value, grade.History.Count));
        // The page now carries the current revision: marking again goes through.
        await MarkingScene.SubmitAsync(alice, s.AttemptPage, Q1, ("Input.Action", "Revert"));
        Assert.Null((await s.GradeAsync(s.GradeIds[0])).OverrideScore);
    }

    [Theory, AllDatabaseProviders]
    public async Task AnotherInstructorAStudentAndAStrangerCannotMarkThroughThePage(DatabaseProvider provider)
    {
        await using var s = await MarkingScene.CreateAsync(provider);
        using var alice = await s.Fixture.ClientAsync("alice@quiz.local");
        var form = MarkingScene.Form(await alice.GetPageAsync(s.AttemptPage), Q1);
        var handler = form.QuerySelector("input[name=_handler]")!.GetAttribute("value")!;
        (string, string)[] mark = [("_handler", handler), ("Input.Revision", "0"), ("Input.Action", "Override"), ("Input.Score", "0"), ("Input.Reason", "Mine now")];

        foreach (var email in new[] { "bob@quiz.local", "sam@quiz.local" })
        {
            using var client = await s.Fixture.ClientAsync(email);
            var token = await client.AntiforgeryTokenAsync("/");
            using var response = await client.PostAsync(s.AttemptPage, new FormUrlEncodedContent(
                [.. mark.Select(f => KeyValuePair.Create(f.Item1, f.Item2)), KeyValuePair.Create("__RequestVerificationToken", token)]));
            Assert.False(response.IsSuccessStatusCode, $"{email} got {(int)response.StatusCode}");
            Assert.DoesNotContain("Mine now", await response.Content.ReadAsStringAsync());
        }
        using (var stranger = s.Fixture.App.CreateNonRedirectingClient())
        using (var response = await MarkingScene.PostAsync(stranger, s.AttemptPage, form, mark[2..]))
            Assert.False(response.IsSuccessStatusCode, $"a stranger got {(int)response.StatusCode}");

        var grade = await s.GradeAsync(s.GradeIds[0]);
        Assert.Equal((null, 0), (grade.OverrideScore, grade.History.Count));
    }

    [Theory, AllDatabaseProviders]
    public async Task TheStudentReadsTheReasonOnlyWhenItIsTickedToBeShown(DatabaseProvider provider)
    {
        await using var s = await MarkingScene.CreateAsync(provider);
        using var alice = await s.Fixture.ClientAsync("alice@quiz.local");
        await MarkingScene.SubmitAsync(alice, s.AttemptPage, Q1,
            ("Input.Action", "Override"), ("Input.Score", "1"), ("Input.Reason", "You named the idea"), ("Input.Shown", "true"));
        await MarkingScene.SubmitAsync(alice, s.AttemptPage, "Mark Question 2 (assignment question 2)",
            ("Input.Action", "Override"), ("Input.Score", "0"), ("Input.Reason", "Copied from a classmate"));
        using var sam = await s.Fixture.ClientAsync("sam@quiz.local");

        var results = await sam.GetPageAsync($"/attempts/{s.AttemptId}/results");

        var q1 = results.ByRole("region", "Question 1")!.Text();
        var q2 = results.ByRole("region", "Question 2")!.Text();
        Assert.Contains("1 of 1 point · set by your instructor", q1);
        Assert.Contains("Your instructor's note: You named the idea", q1);
        Assert.Contains("0 of 2 points · set by your instructor", q2);
        Assert.DoesNotContain("Copied from a classmate", results.Text());
        Assert.DoesNotContain("reason", q2);
    }

    [Theory, AllDatabaseProviders]
    public async Task OnTheByQuestionViewAMarkThatMovesTheAnswerInTheSortOrderIsSavedAndShown(DatabaseProvider provider)
    {
        await using var f = await ResultsFixture.CreateAsync(provider);
        var quiz = await f.AddQuizAsync();
        int? question = null;
        foreach (var (name, score) in new[] { ("Ann", 0.25), ("Ben", 0.75) })
        {
            var attempt = await f.AttemptAsync(quiz, await f.StudentAsync(name, f.AlgebraId), 1, SubmittedBy.Student, [new(score), null, null]);
            await using var db = f.App.Services.CreateDbContext();
            question ??= await db.Responses.Where(r => r.AttemptId == attempt).Select(r => r.QuestionId).SingleAsync();
        }
        using var alice = await f.ClientAsync("alice@quiz.local");
        var path = $"/quizzes/{quiz}/questions/{question}"; // lowest score first: Ann, then Ben

        var page = await MarkingScene.SubmitAsync(alice, path, "Mark Ann's answer",
            ("Input.Action", "Override"), ("Input.Score", "1"), ("Input.Reason", "Says it in other words"));

        Assert.Equal(["Ben", "Ann"], page.QuerySelectorAll("h2").Select(h => h.Text()).Where(name => name is "Ann" or "Ben"));
        Assert.Equal("Overridden: 1 of 1", page.ByRole("region", "Ann")!.QuerySelector("[role=status]")!.Text());
        Assert.Null(page.ByRole("region", "Ben")!.QuerySelector("[role=status]"));
    }

    [Theory, AllDatabaseProviders]
    public async Task OnTheByQuestionViewAFlaggedAnswerIsProvisionalUntilAccepted(DatabaseProvider provider)
    {
        await using var s = await MarkingScene.CreateAsync(provider,
            new FixtureAnswer(0.5, QuizPlatform.Grading.GradeFlags.NeedsReview | QuizPlatform.Grading.GradeFlags.Negated), new FixtureAnswer(1), new FixtureAnswer(2));
        using var alice = await s.Fixture.ClientAsync("alice@quiz.local");
        var path = $"/quizzes/{s.QuizId}/questions/{s.QuestionIds[0]}";

        var before = (await alice.GetPageAsync(path)).ByRole("region", "Sam")!;
        Assert.Contains("The grader's proposal: 0.5 of 1, provisional until reviewed (flagged: negated keyword, needs review)", before.Text());
        Assert.Null(before.ByRole("button", "Revert to the grader"));

        var after = (await MarkingScene.SubmitAsync(alice, path, "Mark Sam's answer", ("Input.Action", "Accept"))).ByRole("region", "Sam")!;

        Assert.Equal("Accepted: 0.5 of 1", after.QuerySelector("[role=status]")!.Text());
        Assert.Contains("Accepted by Alice: 0.5 of 1", after.Text());
        Assert.DoesNotContain("provisional", after.Text());
        Assert.NotNull(after.ByRole("button", "Revert to the grader"));
        Assert.Null(after.ByRole("button", "Accept the grader's 0.5"));
        var grade = await s.GradeAsync(s.GradeIds[0]);
        Assert.Equal((ResultsFixture.Start, GradeChangeSource.Accept), (grade.ReviewedAt!.Value, Assert.Single(grade.History).Source));
    }
}
