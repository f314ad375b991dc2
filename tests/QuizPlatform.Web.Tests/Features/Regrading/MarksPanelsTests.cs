using System.Net;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data.Entities;
using QuizPlatform.Grading;
using QuizPlatform.Web.Features.Grading;
using QuizPlatform.Web.Features.Marking;
using QuizPlatform.Web.Features.Regrading;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Regrading;

/// <summary>
/// The question page's panels built from the instructor's marks, on the <see cref="RegradeScene"/> (Q1 worth 1 point,
/// keywords filters, edges and weights; one keyword of three is 0.4762, two 0.9524).
/// </summary>
public sealed class MarksPanelsTests
{
    const string Panel = "The grader and your marks";
    const string Suggestions = "Keyword suggestions from your marks";

    static string QuestionPage(RegradeScene scene) => $"/quizzes/{scene.QuizId}/questions/{scene.Question1}";

    static async Task MarkAsync(RegradeScene scene, int gradeId, Mark mark)
    {
        var grade = await scene.GradeAsync(gradeId);
        Assert.IsType<MarkOutcome.Marked>(await scene.Marks.MarkAsync(scene.Alice, gradeId, grade.Revision, mark));
    }

    [Fact]
    public async Task AgreementAppearsAtTwentyMarksWithTheAnswersMarkedMostDifferently()
    {
        await using var scene = await RegradeScene.CreateAsync(DatabaseProvider.Postgres);
        string[] texts = ["It learns nothing much.", "Local filters.", "Filters that find edges.", "Filters, edges and weights."];
        var grades = new List<int>();
        for (var i = 1; i <= 20; i++)
            grades.Add(await scene.AnswerAsync($"S{i:00}", texts[i % 4]));
        for (var i = 1; i <= 15; i++)
            await MarkAsync(scene, grades[i - 1], Mark.Accept());
        // S16 0 → 1, S17 0.4762 → 0, S18 0.9524 → 0.5, S19 1 → 0.75.
        foreach (var (i, score) in new[] { (16, 1.0), (17, 0), (18, 0.5), (19, 0.75) })
            await MarkAsync(scene, grades[i - 1], Mark.Override(score, "Read again"));
        using var alice = await scene.Fixture.ClientAsync("alice@quiz.local");

        var before = (await alice.GetPageAsync(QuestionPage(scene))).ByRole("region", Panel)!;
        Assert.Contains("You have marked 19 answers to this question: the agreement between the grader and you appears at 20 marks", before.Text());
        Assert.Empty(before.QuerySelectorAll("table"));

        await MarkAsync(scene, grades[19], Mark.Override(0.5, "Half of it"));
        var panel = (await alice.GetPageAsync(QuestionPage(scene))).ByRole("region", Panel)!;

        var figures = panel.QuerySelectorAll("tr").ToDictionary(r => r.QuerySelector("th")!.Text(), r => r.QuerySelector("td")!.Text());
        Assert.Equal("20", figures["Marked answers"]);
        // Each share says how many marks it is, so it reads against the 20 marks (and "15 accepted" elsewhere).
        Assert.Equal("75 % (15 of 20)", figures["Same score as the grader"]);
        Assert.DoesNotContain("Within half a point", figures.Keys);
        // (1 − 0.4762 − 0.4524 − 0.25 + 0.5) / 20 = +0.016
        Assert.Equal("+0.02 points: you gave more than the grader", figures["Mean difference (you − grader)"]);
        var graderScores = texts.Select(t => t switch { "Local filters." => 0.4762, "Filters that find edges." => 0.9524, "Filters, edges and weights." => 1, _ => 0 }).ToArray();
        var grader = Enumerable.Range(1, 20).Select(i => graderScores[i % 4]).ToList();
        var instructor = grader.Select((g, i) => i switch { 15 => 1, 16 => 0, 17 => 0.5, 18 => 0.75, 19 => 0.5, _ => g }).ToList();
        Assert.Equal(GradingMetrics.Spearman(grader, instructor).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)
            + ": whether you and the grader put the answers in the same order (1: the same order; 0: unrelated; below 0: reversed)",
            figures["Rank correlation (Spearman)"]);

        var gaps = panel.QuerySelectorAll("ol li").Select(li => li.Text()).ToList();
        Assert.Equal(["S16", "S20", "S17", "S18", "S19"], gaps.Select(g => g[..3]));
        // Where the grader gave less, what it missed; where it gave more, what it found.
        Assert.Equal("S16: the grader gave 0, you 1 (+1). The grader missed filters, edges, weights. S16's answer", gaps[0]);
        Assert.StartsWith("S17: the grader gave 0.48, you 0 (−0.48). The grader found filters. S17's answer", gaps[2]);
        // The link lands on that answer in the attempt, not at the top of it.
        var link = panel.QuerySelectorAll("ol li a").Single(a => a.Text() == "S16's answer").GetAttribute("href")!;
        Assert.Matches(@"^quizzes/\d+/attempts/\d+#answer-1$", link);
        var attempt = await alice.GetPageAsync("/" + link);
        Assert.Equal("Question 1 (assignment question 1)", attempt.GetElementById("answer-1")!.Text());
    }

    [Fact]
    public async Task APhraseOfRaisedAnswersIsSuggestedPreviewedAndApplied()
    {
        await using var scene = await RegradeScene.CreateAsync(DatabaseProvider.Postgres);
        var eli = await scene.AnswerAsync("Eli", "Kernels.");
        var fay = await scene.AnswerAsync("Fay", "Kernels and weights.");
        await RaiseAnswersSayingKernelsAsync(scene);
        using var alice = await scene.Fixture.ClientAsync("alice@quiz.local");

        var panel = (await alice.GetPageAsync(QuestionPage(scene))).ByRole("region", Suggestions)!;

        Assert.Contains("Add 'kernels' as an alternative of 'filters': raises 2, lowers 0 (in 3 answers you marked above what their keywords alone give)", panel.Text());
        var link = panel.QuerySelectorAll("a").Single(a => a.Text() == "Preview 'kernels' for 'filters'").GetAttribute("href")!;
        var editor = await alice.GetPageAsync("/" + link);
        Assert.Contains(editor.QuerySelectorAll("[role=status]"),
            s => s.Text() == "Added 'kernels' as an alternative of 'filters' (not saved yet): check the preview, then apply it.");
        Assert.Equal("kernels", editor.ByLabel("Alternatives (comma-separated)")!.GetAttribute("value"));

        // What the editor's Apply sends: the stored keywords with the alternative added.
        var draft = RegradeScene.Edited(k => k[0].Alternatives = "kernels");
        var preview = await scene.Preview.PreviewAsync(scene.Alice, scene.QuizId, scene.Question1, draft);
        Assert.Equal((2, 0), (preview!.Up, preview.Down));
        var applied = await scene.Preview.ApplyAsync(scene.Alice, scene.QuizId, scene.Question1, draft, RegradeMode.AllChanges);

        Assert.Equal((2, 0), (applied!.Up, applied.Down));
        Assert.Equal((0.4762, 0.9524), ((await scene.GradeAsync(eli)).EffectiveScore, (await scene.GradeAsync(fay)).EffectiveScore));
        Assert.Equal("Key v2: added 'kernels' as an alternative of 'filters'", (await scene.GradeAsync(eli)).History.Single().Reason);
        var after = (await alice.GetPageAsync(QuestionPage(scene))).ByRole("region", Suggestions)!;
        Assert.Contains("None yet.", after.Text());
    }

    [Fact]
    public async Task ASuggestionThatWouldRaiseOnlyOverriddenAnswersSaysItChangesNoScoreInThisQuiz()
    {
        await using var scene = await RegradeScene.CreateAsync(DatabaseProvider.Postgres);
        await RaiseAnswersSayingKernelsAsync(scene);
        using var alice = await scene.Fixture.ClientAsync("alice@quiz.local");

        var panel = (await alice.GetPageAsync(QuestionPage(scene))).ByRole("region", Suggestions)!;

        // Not "raises 0, lowers 0": the override is the teacher's mark, which a key change leaves counting.
        Assert.Contains("Add 'kernels' as an alternative of 'filters': changes no score in this quiz: it would raise 3 answers you overrode, "
            + "which keep your marks; answers like them handed in later would score higher (in 3 answers you marked above what their keywords alone give)", panel.Text());
        Assert.DoesNotContain("raises 0", panel.Text());
    }

    /// <summary>Three answers saying "kernels" marked above the key (overridden to full marks), two low ones accepted.</summary>
    static async Task RaiseAnswersSayingKernelsAsync(RegradeScene scene)
    {
        var raised = new[]
        {
            await scene.AnswerAsync("Ann", "Kernels that find edges."), await scene.AnswerAsync("Ben", "Small kernels detect edges in images."),
            await scene.AnswerAsync("Cat", "The kernels pick out edges."),
        };
        var low = new[] { await scene.AnswerAsync("Dan", "It learns things."), await scene.AnswerAsync("Eve", "Edges.") };
        foreach (var id in raised)
            await MarkAsync(scene, id, Mark.Override(1, "Kernels are the filters"));
        foreach (var id in low)
            await MarkAsync(scene, id, Mark.Accept());
    }

    [Fact]
    public async Task AnotherInstructorAndAStudentReachNoneOfIt()
    {
        await using var scene = await RegradeScene.CreateAsync(DatabaseProvider.Postgres);
        var ann = await scene.AnswerAsync("Ann", "Kernels that find edges.");
        await MarkAsync(scene, ann, Mark.Override(1, "Kernels are the filters"));
        var suggestions = scene.App.Services.GetRequiredService<KeywordSuggestions>();

        foreach (var (actor, email) in new[] { (scene.Bob, "bob@quiz.local"), (scene.Sam, "sam@quiz.local") })
        {
            Assert.Null(await suggestions.ForQuestionAsync(actor, scene.QuizId, scene.Question1));
            using var client = await scene.Fixture.ClientAsync(email);
            using var response = await client.GetAsync(QuestionPage(scene));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.NotNull(await suggestions.ForQuestionAsync(scene.Alice, scene.QuizId, scene.Question1));
    }

    [Fact]
    public async Task ALearnedRegradeIsPreviewedAndStoredOnlyWhenTheOwnerApplies()
    {
        await using var scene = await RegradeScene.CreateAsync(DatabaseProvider.Postgres, ("Grading:Meaning", "true"));
        var ann = await scene.AnswerAsync("Ann", "Kernels that find edges.");
        var ben = await scene.AnswerAsync("Ben", "Small kernels that find edges in pictures.");
        var dan = await scene.AnswerAsync("Dan", "It learns things.");
        var cat = await scene.AnswerAsync("Cat", "The kernels pick out edges.");
        var eve = await scene.AnswerAsync("Eve", "Small kernels catch edges.");
        // The model answer, unmarked: the meaning pass scores it apart from its keywords.
        await scene.AnswerAsync("Fay", "It learns local filters that detect features such as edges.");
        foreach (var raised in new[] { ann, cat, eve })
            await MarkAsync(scene, raised, Mark.Override(1, "Kernels are the filters"));
        await MarkAsync(scene, dan, Mark.Accept());
        var learning = scene.App.Services.GetRequiredService<LearnedRegrade>();
        var learned = $"{QuestionPage(scene)}/learned";
        var benBefore = (await scene.GradeAsync(ben)).Score;
        var danAccepted = (await scene.GradeAsync(dan)).Score;

        foreach (var (actor, email) in new[] { (scene.Bob, "bob@quiz.local"), (scene.Sam, "sam@quiz.local") })
        {
            Assert.Null(await learning.PreviewAsync(actor, scene.QuizId, scene.Question1));
            Assert.Null(await learning.ApplyAsync(actor, scene.QuizId, scene.Question1, RegradeMode.AllChanges));
            using var client = await scene.Fixture.ClientAsync(email);
            using var response = await client.GetAsync(learned);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        using var alice = await scene.Fixture.ClientAsync("alice@quiz.local");
        var question = await alice.GetPageAsync(QuestionPage(scene));
        Assert.NotNull(question.ByRole("region", Panel)!.QuerySelectorAll("a").SingleOrDefault(a => a.Text() == "Learn from my marks"));
        // Counted by keywords before and after, not against the stored scores, which the meaning pass made.
        Assert.Contains("Add 'kernels' as an alternative of 'filters': raises 1, lowers 0 (in 3 answers you marked above what their keywords alone give)",
            question.ByRole("region", Suggestions)!.Text());

        var page = await alice.GetPageAsync(learned);

        Assert.Contains("From your 4 marks on this question (1 accepted, 3 overridden): 3 answers you gave full marks stand beside the model answer", page.Text());
        var benRow = page.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.Text() == "Ben");
        Assert.Contains("Close to an answer you marked correct", benRow.Text());
        // A reason that is not a keyword under a column that says what it holds.
        Assert.Equal(["Student", "Score", "Why it changed", "Answer"], page.QuerySelectorAll("thead th").Select(th => th.Text()));
        // Why the preview below counts 5 answers of 6 when 4 marks were learned from.
        Assert.Contains("It regrades the 2 answers you have not marked; the 3 answers you overrode keep your scores (only the grader's score "
            + "under them moves). The answer you accepted is left as it is: its score is one of the marks it learned from.", page.Text());
        Assert.Contains(" of 5 answers in ", page.Text());
        Assert.Equal(benBefore, (await scene.GradeAsync(ben)).Score);

        using var posted = await alice.SubmitNamedFormAsync(learned, "learned", ("Input.Mode", "AllChanges"));
        var body = await posted.Content.ReadAsStringAsync();
        Assert.True(posted.IsSuccessStatusCode, $"{(int)posted.StatusCode}: {body}");

        Assert.Contains(Pages.Parse(body).QuerySelectorAll("[role=status]"), s => s.Text().StartsWith("Regraded 5 answers: ", StringComparison.Ordinal));
        var benAfter = await scene.GradeAsync(ben);
        Assert.True(benAfter.Score > benBefore, $"Ben {benBefore} → {benAfter.Score}");
        var change = Assert.Single(benAfter.History, h => h.Source == GradeChangeSource.Regrade);
        Assert.StartsWith("Learned from 4 marks: 3 answers marked correct as references; the question's curve ", change.Reason);
        var annAfter = await scene.GradeAsync(ann);
        Assert.Equal(1, annAfter.EffectiveScore);
        // Ann's answer is one of the three references: graded beside the other two, not close to itself.
        Assert.Contains("references: 2", GradeExplanation.Parse(annAfter.Explanation).Basis ?? []);
        Assert.Contains("references: 3", GradeExplanation.Parse(benAfter.Explanation).Basis ?? []);
        // Dan's accepted score is one of the marks learned from: it stays the score Alice accepted.
        var danAfter = await scene.GradeAsync(dan);
        Assert.Equal(danAccepted, danAfter.EffectiveScore);
        Assert.DoesNotContain(danAfter.History, h => h.Source == GradeChangeSource.Regrade);
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task WhatTheMarksTaughtGradesAnswersHandedInLaterUntilTheKeywordsChangeOrTheInstructorStopsIt(DatabaseProvider provider)
    {
        await using var scene = await RegradeScene.CreateAsync(provider, ("Grading:Meaning", "true"));
        var marked = new[] { await scene.AnswerAsync("Ann", "Kernels that find edges."), await scene.AnswerAsync("Cat", "The kernels pick out edges."),
            await scene.AnswerAsync("Eve", "Small kernels catch edges.") };
        await scene.AnswerAsync("Ben", "It learns things.");
        foreach (var raised in marked)
            await MarkAsync(scene, raised, Mark.Override(1, "Kernels are the filters"));
        var meaningPass = scene.App.Services.GetRequiredService<MeaningGrading>();
        async Task<Grade> HandInAsync(string name)
        {
            var gradeId = await scene.AnswerAsync(name, "Kernels that pick out edges.");
            await meaningPass.GradeAllPendingAsync();
            return await scene.GradeAsync(gradeId);
        }
        var byKey = await HandInAsync("Gil");
        var learned = $"{QuestionPage(scene)}/learned";
        using var alice = await scene.Fixture.ClientAsync("alice@quiz.local");
        Assert.Null((await alice.GetPageAsync(learned)).ByRole("region", "Answers handed in later"));

        using var applied = await alice.SubmitNamedFormAsync(learned, "learned", ("Input.Mode", "AllChanges"));
        Assert.Contains("Answers handed in later are graded with it too", Pages.Parse(await applied.Content.ReadAsStringAsync()).QuerySelector("[role=status]")!.Text());
        var later = await HandInAsync("Hal");

        Assert.True(later.Score > byKey.Score, $"{byKey.Score} by the key, {later.Score} after learning");
        Assert.Contains("references: 3", GradeExplanation.Parse(later.Explanation).Basis ?? []);
        Assert.Contains(later.History, h => h.Reason == "Meaning pass, with what 3 marks taught");
        var kept = (await alice.GetPageAsync(learned)).ByRole("region", "Answers handed in later")!.Text();
        Assert.Contains("answers handed in are graded with what your 3 marks taught then (3 answers marked correct beside the model answer).", kept);
        Assert.DoesNotContain("apply again", kept);
        await MarkAsync(scene, later.Id, Mark.Accept());
        Assert.Contains("You have 4 marks on this question now: apply again to grade later answers with them.",
            (await alice.GetPageAsync(learned)).ByRole("region", "Answers handed in later")!.Text());

        // Another instructor or a student cannot stop it.
        foreach (var actor in new[] { scene.Bob, scene.Sam })
            Assert.False(await scene.App.Services.GetRequiredService<LearnedRegrade>().StopAsync(actor, scene.QuizId, scene.Question1));
        Assert.Equal(later.Score, (await HandInAsync("Ida")).Score);

        using var stopped = await alice.SubmitNamedFormAsync(learned, "stop");
        Assert.Equal("Answers handed in from now on are graded by the question's key alone.",
            Pages.Parse(await stopped.Content.ReadAsStringAsync()).QuerySelector("[role=status]")!.Text());
        var afterStop = await HandInAsync("Jon");
        Assert.Equal(byKey.Score, afterStop.Score);
        Assert.DoesNotContain(GradeExplanation.Parse(afterStop.Explanation).Basis ?? [], b => b.StartsWith("references", StringComparison.Ordinal));
        await using (var db = scene.App.Services.CreateDbContext())
            Assert.Single(db.AuditEntries, e => e.Action == AuditActions.LearningStopped && e.ActorId == scene.Alice);

        // Learned again, then the keywords change: the learning was for the old key.
        using var again = await alice.SubmitNamedFormAsync(learned, "learned", ("Input.Mode", "AllChanges"));
        Assert.True(again.IsSuccessStatusCode);
        await scene.Editing.SaveAsync(scene.Alice, scene.AssignmentId, scene.Question1, RegradeScene.Edited(k => k[0].Phrase = "kernels"));
        Assert.DoesNotContain(GradeExplanation.Parse((await HandInAsync("Kim")).Explanation).Basis ?? [], b => b.StartsWith("references", StringComparison.Ordinal));
        Assert.Contains("no longer grades later answers: the question's keywords have changed since",
            (await alice.GetPageAsync(learned)).ByRole("region", "Answers handed in later")!.Text());
    }

    [Fact]
    public async Task LearningWhenEveryAnswerIsMarkedSaysNoScoreWouldChange()
    {
        await using var scene = await RegradeScene.CreateAsync(DatabaseProvider.Postgres, ("Grading:Meaning", "true"));
        var ann = await scene.AnswerAsync("Ann", "Kernels that find edges.");
        var cat = await scene.AnswerAsync("Cat", "The kernels pick out edges.");
        var dan = await scene.AnswerAsync("Dan", "It learns things.");
        var eve = await scene.AnswerAsync("Eve", "Edges.");
        foreach (var raised in new[] { ann, cat })
            await MarkAsync(scene, raised, Mark.Override(1, "Kernels are the filters"));
        foreach (var accepted in new[] { dan, eve })
            await MarkAsync(scene, accepted, Mark.Accept());
        using var alice = await scene.Fixture.ClientAsync("alice@quiz.local");

        var page = await alice.GetPageAsync($"{QuestionPage(scene)}/learned");

        Assert.Contains("From your 4 marks on this question (2 accepted, 2 overridden):", page.Text());
        Assert.Contains("Every answer to this question in Networks quiz carries your mark, so no score would change: the 2 answers you overrode "
            + "keep your scores (only the grader's score under them moves). The 2 answers you accepted are left as they are: their scores are "
            + "marks it learned from. Applied, it grades only the answers handed in later.", page.Text());
    }
}
