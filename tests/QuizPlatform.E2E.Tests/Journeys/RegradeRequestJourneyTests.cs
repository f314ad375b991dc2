using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.E2E.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using Xunit.Abstractions;

namespace QuizPlatform.E2E.Tests.Journeys;

/// <summary>
/// A student disputes a missing keyword by selecting, with the mouse, where their answer says it; the instructor finds
/// the request in the quiz's inbox and accepts it; the student reads the reply and the new score. And the README's
/// screenshot of the inbox.
/// </summary>
public sealed partial class RegradeRequestJourneyTests(QuizSite site, ITestOutputHelper output) : Journey(site, output)
{
    const string Answer1 = "CNNs extract features with convolutional layers. Their learned kernels respond to simple patterns early and to whole objects deeper in the network.";
    const string TheirWords = "learned kernels";

    [Fact]
    public async Task StudentSelectsWordsOfTheirAnswerToDisputeAMissingKeywordAndTheInstructorAcceptsIt()
    {
        var classroom = await RequestsClassroomAsync("Sam Student");
        var sam = classroom.Students[0];
        var attemptId = await classroom.GradedAttemptAsync(sam, Answer1, "It reuses a pretrained model.", "A vector.");
        var student = await site.NewPageAsync();
        await student.SignInAsync(sam.Email, sam.Password);
        await student.GotoAsync($"attempts/{attemptId}/results");
        var card = student.GetByRole(AriaRole.Region, new() { Name = "Question 1" });

        await card.GetByText("Ask for a regrade").ClickAsync();
        // Disputing the score names no keyword: its fields go while that is chosen, and come back with the keyword.
        await card.GetByLabel("I dispute the score").CheckAsync();
        await Expect(card.GetByLabel("Missing keyword", new() { Exact = true })).ToBeHiddenAsync();
        await card.GetByLabel("My answer says a missing keyword").CheckAsync();
        var keyword = await card.GetByLabel("Missing keyword", new() { Exact = true }).InputValueAsync();
        await SelectWithTheMouseAsync(student, card.Locator("p.answer"), TheirWords);
        await Expect(card.GetByLabel("Where your answer says it")).ToHaveValueAsync(TheirWords);
        await card.GetByLabel("Comment").FillAsync("The kernels are what the keyword means.");
        await card.GetByRole(AriaRole.Button, new() { Name = "Send regrade request" }).ClickAsync();

        // The results page has a second status line, empty, for news of grading (js/grading-progress.js).
        var sent = student.GetByRole(AriaRole.Status).Filter(new() { HasText = "regrade request" });
        await Expect(sent).ToHaveTextAsync("Your regrade request was sent to your instructor.");
        await Expect(sent).ToBeFocusedAsync();
        await Expect(card).ToContainTextAsync($"Your answer says the missing keyword \u201c{keyword}\u201d in \u201c{TheirWords}\u201d");
        await Expect(card).ToContainTextAsync("Waiting for your instructor");

        var instructor = await site.NewPageAsync();
        await instructor.SignInAsync(classroom.Instructor.Email, classroom.Instructor.Password);
        await instructor.GotoInteractiveAsync($"quizzes/{classroom.QuizId}/results");
        await instructor.GetByRole(AriaRole.Link, new() { Name = "Regrade requests 1 open" }).ClickAsync();
        var group = instructor.GetByRole(AriaRole.Region, new() { Name = $"Q1: 1 student says their answer has \u201c{keyword}\u201d" });
        await Expect(group.Locator("mark")).ToContainTextAsync(TheirWords);
        await group.GetByLabel("Reply to Sam Student").FillAsync("Agreed: learned kernels are the point.");
        await group.GetByLabel(NewScore()).FillAsync("2");
        await group.GetByRole(AriaRole.Button, new() { Name = "Accept for Sam Student" }).ClickAsync();
        await Expect(instructor.GetByRole(AriaRole.Status)).ToHaveTextAsync("Accepted Sam Student's request on Q1; they can read your reply.");
        await Expect(instructor.GetByText("No open requests.")).ToBeVisibleAsync();

        await student.ReloadAsync();
        await Expect(card).ToContainTextAsync("Accepted by your instructor");
        await Expect(card).ToContainTextAsync("Agreed: learned kernels are the point.");
        await Expect(card.Locator("[data-question-score]")).ToHaveTextAsync("2 of 2 points");
    }

    [Fact]
    public async Task TheInstructorAcceptsADisputedKeywordForTheWholeClassThroughThePreview()
    {
        var classroom = await RequestsClassroomAsync("Ada Lovelace", "Alan Turing");
        var requests = site.Services.GetRequiredService<Web.Features.RegradeRequests.RegradeRequests>();
        var attempts = new List<int>();
        foreach (var each in classroom.Students)
            attempts.Add(await classroom.GradedAttemptAsync(each, Answer1, "It reuses a pretrained model.", "A vector."));
        var keyword = (await requests.PanelAsync(classroom.Students[0].Id, attempts[0], 1))!.MissingKeywords.First();
        foreach (var (each, attemptId) in classroom.Students.Zip(attempts))
            await requests.CreateAsync(each.Id, attemptId, classroom.QuestionIds[0], new(keyword, TheirWords, null, null, ""));
        var scoreBefore = await QuestionScoreAsync(attempts[0]);

        var instructor = await site.NewPageAsync();
        await instructor.SignInAsync(classroom.Instructor.Email, classroom.Instructor.Password);
        await instructor.GotoAsync($"quizzes/{classroom.QuizId}/requests");
        var group = instructor.GetByRole(AriaRole.Region, new() { Name = $"Q1: 2 students say their answer has \u201c{keyword}\u201d" });
        await group.GetByRole(AriaRole.Link, new() { Name = $"Accept for everyone: preview \u201c{TheirWords}\u201d" }).First.ClickAsync();
        await Expect(instructor.GetByText($"2 of 2 answers in {Classroom.QuizTitle} change: 2 up, 0 down")).ToBeVisibleAsync();
        await instructor.GetByRole(AriaRole.Button, new() { Name = $"Save keywords and regrade {Classroom.QuizTitle}" }).ClickAsync();

        // Back in the inbox, both requests are now satisfied by the key: one reply closes them.
        await instructor.WaitForURLAsync(new Regex($"/quizzes/{classroom.QuizId}/requests$"));
        await instructor.GetByRole(AriaRole.Button, new() { Name = "Close 2 satisfied requests" }).ClickAsync();
        await Expect(instructor.GetByRole(AriaRole.Status)).ToHaveTextAsync("Closed 2 satisfied requests.");
        await Expect(instructor.GetByText("No open requests.")).ToBeVisibleAsync();

        Assert.True(await QuestionScoreAsync(attempts[1]) > scoreBefore);
        var student = await site.NewPageAsync();
        await student.SignInAsync(classroom.Students[1].Email, classroom.Students[1].Password);
        await student.GotoAsync($"attempts/{attempts[1]}/results");
        var card = student.GetByRole(AriaRole.Region, new() { Name = "Question 1" });
        await Expect(card).ToContainTextAsync("Accepted by your instructor");
        await Expect(card).ToContainTextAsync($"Your answer now gets \u201c{keyword}\u201d: the key was changed for everyone.");
    }

    async Task<double> QuestionScoreAsync(int attemptId)
    {
        await using var db = site.Services.CreateDbContext();
        return await db.Responses.Where(r => r.AttemptId == attemptId && r.Position == 0)
            .Select(r => r.Grade!.OverrideScore ?? r.Grade!.Score).SingleAsync();
    }

    [ScreenshotFact]
    public async Task InboxScreenshotAtDesktopWidth()
    {
        var classroom = await RequestsClassroomAsync("Ada Lovelace", "Alan Turing", "Grace Hopper");
        var requests = site.Services.GetRequiredService<Web.Features.RegradeRequests.RegradeRequests>();
        var answers = new[]
        {
            (Answer1, TheirWords, ""),
            ("Convolutions slide learned kernels over the image to find edges, then textures.", TheirWords, "Kernels are the filters."),
            ("Layers of filters find edges and shapes.", null, "I named every part of feature extraction."),
        };
        var attempts = new List<int>();
        foreach (var (student, (answer, _, _)) in classroom.Students.Zip(answers))
            attempts.Add(await classroom.GradedAttemptAsync(student, answer, "It reuses a pretrained model.", "A vector."));
        // Both keyword disputes name a keyword both answers miss, so they make one group.
        var missed = (await requests.PanelAsync(classroom.Students[0].Id, attempts[0], 1))!.MissingKeywords
            .Intersect((await requests.PanelAsync(classroom.Students[1].Id, attempts[1], 1))!.MissingKeywords).First();
        foreach (var ((student, attemptId), (_, words, comment)) in classroom.Students.Zip(attempts).Zip(answers))
            await requests.CreateAsync(student.Id, attemptId, classroom.QuestionIds[0], new(words is null ? null : missed, words, null, null, comment));
        var page = await site.NewPageAsync();
        await page.SignInAsync(classroom.Instructor.Email, classroom.Instructor.Password);
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync($"quizzes/{classroom.QuizId}/requests");
        await page.Mouse.MoveAsync(1270, 890);
        await page.ScreenshotAsync(new() { Path = ScreenshotFactAttribute.PathOf("regrade-inbox-desktop.png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the inbox scrolls sideways");
    }

    /// <summary>A <see cref="Classroom"/> whose quiz takes regrade requests for a week.</summary>
    async Task<Classroom> RequestsClassroomAsync(params string[] students)
    {
        var classroom = await Classroom.CreateAsync(site, students);
        await using var db = site.Services.CreateDbContext();
        await db.Quizzes.Where(q => q.Id == classroom.QuizId)
            .ExecuteUpdateAsync(set => set.SetProperty(q => q.RegradeRequestWindow, TimeSpan.FromDays(7)));
        return classroom;
    }

    /// <summary>Drags the mouse across <paramref name="words"/> in <paramref name="text"/>, as a reader selects them.</summary>
    static async Task SelectWithTheMouseAsync(IPage page, ILocator text, string words)
    {
        await text.ScrollIntoViewIfNeededAsync();
        var box = await text.EvaluateAsync<double[]>("""
            (element, words) => {
                // The answer's text nodes, without the notes for screen readers inside the keyword marks.
                const nodes = [];
                const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode())
                    if (!node.parentElement.closest('.visually-hidden')) nodes.push(node);
                const text = nodes.map(n => n.textContent).join('');
                const at = text.indexOf(words);
                if (at < 0) throw new Error('not in the answer: ' + words);
                const point = offset => {
                    for (const node of nodes) {
                        if (offset <= node.textContent.length) return [node, offset];
                        offset -= node.textContent.length;
                    }
                };
                const range = document.createRange();
                range.setStart(...point(at));
                range.setEnd(...point(at + words.length));
                const rects = [...range.getClientRects()].filter(r => r.width > 0);
                const [first, last] = [rects[0], rects[rects.length - 1]];
                return [first.left, first.top + first.height / 2, last.right, last.top + last.height / 2];
            }
            """, words);
        await page.Mouse.MoveAsync((float)box[0] + 1, (float)box[1]);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((float)box[2] - 1, (float)box[3], new() { Steps = 5 });
        await page.Mouse.UpAsync();
    }

    [GeneratedRegex("^New score")]
    private static partial Regex NewScore();
}
