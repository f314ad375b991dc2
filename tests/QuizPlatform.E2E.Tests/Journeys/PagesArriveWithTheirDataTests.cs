using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.E2E.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using Xunit.Abstractions;

namespace QuizPlatform.E2E.Tests.Journeys;

/// <summary>
/// A prerendered page is replaced by its connected copy: the copy must read as the page did. The student home, the
/// quiz list and the user list read their rows again, showing "Loading…" meanwhile (seen on PostgreSQL), and the first
/// two then rewrote their times once they had asked the browser for its zone: "Times are in UTC." and UTC times, then
/// the browser's. A class's page, a quiz's results dashboard and review queue, a question's keywords and an assignment's
/// deletion went blank while they read their data again, a user's page said "User not found", and an admin's class page
/// lost its choice of instructor.
/// </summary>
public sealed class PagesArriveWithTheirDataTests(QuizSite site, ITestOutputHelper output) : Journey(site, output)
{
    [Fact]
    public async Task TheStudentHomeReadsTheSameFromItsFirstPaintUntilItHasConnected()
    {
        var classroom = await Classroom.CreateAsync(site, "Ada Lovelace");
        var ada = classroom.Students[0];
        var student = await site.NewPageAsync(timeZoneId: "America/New_York");
        await student.SignInAsync(ada.Email, ada.Password);

        var home = Assert.Single(await PaintedUntilConnectedAsync(student, ""));
        Assert.Contains(Classroom.QuizTitle, home);
        Assert.DoesNotContain("UTC", home);
        Assert.Matches(@"Closes .*\b(EST|EDT)\b", home);
        await Expect(student.GetByRole(AriaRole.Button, new() { Name = "Join class" })).ToBeEnabledAsync();
    }

    [Fact]
    public async Task TheQuizListReadsTheSameFromItsFirstPaintUntilItHasConnected()
    {
        var classroom = await Classroom.CreateAsync(site, "Ada Lovelace");
        var instructor = await site.NewPageAsync(timeZoneId: "America/New_York");
        await instructor.SignInAsync(classroom.Instructor.Email, classroom.Instructor.Password);

        var list = Assert.Single(await PaintedUntilConnectedAsync(instructor, "quizzes"));
        Assert.Contains(Classroom.QuizTitle, list);
        Assert.DoesNotContain("UTC", list);
        Assert.Matches(@"\b(EST|EDT)\b", list);
    }

    [Fact]
    public async Task TheUserListReadsTheSameFromItsFirstPaintUntilItHasConnected()
    {
        var admin = await site.NewPageAsync();
        await admin.SignInAsync(QuizSite.AdminEmail, QuizSite.AdminPassword);

        var list = Assert.Single(await PaintedUntilConnectedAsync(admin, "admin/users"));
        Assert.Contains(QuizSite.AdminEmail, list);
    }

    [Fact]
    public async Task TheClassPageReadsTheSameFromItsFirstPaintUntilItHasConnected()
    {
        var classroom = await Classroom.CreateAsync(site, "Ada Lovelace");
        var instructor = await site.NewPageAsync(timeZoneId: "America/New_York");
        await instructor.SignInAsync(classroom.Instructor.Email, classroom.Instructor.Password);
        // Not even between two frames: on a slower database the same blank stays on screen.
        await WatchForBlankOrLossAsync(instructor, Classroom.ClassName);

        var page = Assert.Single(await PaintedUntilConnectedAsync(instructor, $"classes/{classroom.ClassId}"));
        Assert.False(await instructor.EvaluateAsync<bool>("() => window.blanked"), "the class page went blank while it connected");
        Assert.Contains(Classroom.ClassName, page);
        Assert.Contains("Ada Lovelace", page);
        Assert.Matches(@"closes .*\b(EST|EDT)\b", page);
    }

    [Fact]
    public async Task TheResultsDashboardReadsTheSameFromItsFirstPaintUntilItHasConnected()
    {
        var classroom = await Classroom.CreateAsync(site, "Ada Lovelace", "Grace Hopper");
        var attemptId = await classroom.GradedAttemptAsync(classroom.Students[0], "Convolutional layers learn filters that detect edges.");
        // One grade from an older grader: the line offering to regrade it is part of what the page shows.
        await using (var db = site.Services.CreateDbContext())
            await db.Grades.Where(g => g.Response.AttemptId == attemptId && g.Response.Question.Number == 1)
                .ExecuteUpdateAsync(g => g.SetProperty(x => x.GraderVersion, "0.9.0"));
        var instructor = await site.NewPageAsync(timeZoneId: "America/New_York");
        await instructor.SignInAsync(classroom.Instructor.Email, classroom.Instructor.Password);
        await WatchForBlankOrLossAsync(instructor, "Ada Lovelace");

        // The connected page reads the figures again, so a hand-in meanwhile is not missed: only their time may move.
        var painted = await PaintedUntilConnectedAsync(instructor, $"quizzes/{classroom.QuizId}/results");
        var page = Assert.Single(painted.Select(text => Regex.Replace(text, @"Updated [^.]*\.", "Updated (time).")).Distinct());
        Assert.False(await instructor.EvaluateAsync<bool>("() => window.blanked"), "the results dashboard went blank while it connected");
        Assert.Contains("Ada Lovelace", page);
        Assert.Contains("Grace Hopper", page);
        Assert.Contains("Over 1 graded attempt", page);
        Assert.Contains("1 answer was graded with an older grader version.", page);
    }

    [Theory]
    [InlineData("questions", "Over the counted attempts that are graded (1).")]
    [InlineData("concepts", "each counted graded answer (1 attempt).")]
    public async Task AResultsViewReadsTheSameFromItsFirstPaintUntilItHasConnected(string view, string shows)
    {
        var classroom = await Classroom.CreateAsync(site, "Ada Lovelace");
        await classroom.GradedAttemptAsync(classroom.Students[0], "Convolutional layers learn filters that detect edges.");
        var instructor = await site.NewPageAsync();
        await instructor.SignInAsync(classroom.Instructor.Email, classroom.Instructor.Password);
        await WatchForBlankOrLossAsync(instructor, shows);

        var page = Assert.Single(await PaintedUntilConnectedAsync(instructor, $"quizzes/{classroom.QuizId}/results/{view}"));
        Assert.False(await instructor.EvaluateAsync<bool>("() => window.blanked"), $"the {view} view went blank while it connected");
        Assert.Contains(shows, page);
    }

    [Theory]
    [InlineData("review queue")]
    [InlineData("keyword editor")]
    [InlineData("user page")]
    [InlineData("assignment deletion")]
    [InlineData("class page as an admin")]
    public async Task AnInstructorsOrAdminsPageReadsTheSameFromItsFirstPaintUntilItHasConnected(string which)
    {
        var classroom = await Classroom.CreateAsync(site, "Ada Lovelace");
        await classroom.GradedAttemptAsync(classroom.Students[0], "Convolutional layers learn filters that detect edges.");
        int assignmentId;
        await using (var db = site.Services.CreateDbContext())
        {
            assignmentId = await db.Questions.Where(q => q.Id == classroom.QuestionIds[0]).Select(q => q.AssignmentVersion.AssignmentId).SingleAsync();
            // Every answer drawn for a spot check: the queue shows one, with its grade and keywords.
            await db.Quizzes.Where(q => q.Id == classroom.QuizId).ExecuteUpdateAsync(q => q.SetProperty(x => x.SpotCheckShare, 1));
        }
        var (email, password, path, shows) = which switch
        {
            "review queue" => (classroom.Instructor.Email, classroom.Instructor.Password, $"quizzes/{classroom.QuizId}/review", "Ada Lovelace · Question"),
            "keyword editor" => (classroom.Instructor.Email, classroom.Instructor.Password,
                $"assignments/{assignmentId}/questions/{classroom.QuestionIds[0]}/keywords", "Keywords"),
            "user page" => (QuizSite.AdminEmail, QuizSite.AdminPassword, $"admin/users/{classroom.Instructor.Id}", classroom.Instructor.Email),
            "assignment deletion" => (QuizSite.AdminEmail, QuizSite.AdminPassword, $"admin/assignments/{assignmentId}/delete", Classroom.QuizTitle),
            // An admin may give the class to another instructor: the choice is part of the page.
            _ => (QuizSite.AdminEmail, QuizSite.AdminPassword, $"classes/{classroom.ClassId}", "The class moves to that instructor"),
        };
        var browser = await site.NewPageAsync();
        await browser.SignInAsync(email, password);
        await WatchForBlankOrLossAsync(browser, shows);

        var page = Assert.Single(await PaintedUntilConnectedAsync(browser, path));
        Assert.False(await browser.EvaluateAsync<bool>("() => window.blanked"), $"the {which} went blank while it connected");
        Assert.False(await browser.EvaluateAsync<bool>("() => window.lost"), $"the {which} lost '{shows}' while it connected");
        Assert.Contains(shows, page);
    }

    // A link from one connected page to another is an enhanced navigation: the next page arrives with its data as on a
    // full load, but the circuit only gives it to a page whose state allows updates, or it read its data again, blank.
    [Theory]
    [InlineData("results", "Questions", "Over the counted attempts that are graded (1).")]
    [InlineData("results", "Concepts", "each counted graded answer (1 attempt).")]
    [InlineData("results/questions", "Overview", "Over 1 graded attempt")]
    [InlineData("admin/users", "ida.instructor@", "Teaches Computer vision, group A.")]
    // Through a static page, straight on: the circuit of the page before is still there.
    [InlineData("results", "Regrade requests > Results: Computer vision, week 8", "Over 1 graded attempt")]
    public async Task APageOpenedFromAnotherConnectedPageArrivesWithItsData(string from, string links, string shows)
    {
        var classroom = await Classroom.CreateAsync(site, "Ada Lovelace");
        await classroom.GradedAttemptAsync(classroom.Students[0], "Convolutional layers learn filters that detect edges.");
        var page = await site.NewPageAsync();
        var admin = from.StartsWith("admin/", StringComparison.Ordinal);
        await page.SignInAsync(admin ? QuizSite.AdminEmail : classroom.Instructor.Email, admin ? QuizSite.AdminPassword : classroom.Instructor.Password);
        await page.GotoInteractiveAsync(admin ? from : $"quizzes/{classroom.QuizId}/{from}");
        var steps = links.Split(" > ");
        foreach (var step in steps[..^1])
        {
            var stepLink = page.GetByRole(AriaRole.Link, new() { Name = step }).First;
            var href = await stepLink.GetAttributeAsync("href");
            await stepLink.ClickAsync();
            await page.WaitForURLAsync(new Regex(Regex.Escape(href!) + "$"));
        }
        var last = page.GetByRole(AriaRole.Link, new() { Name = steps[^1] }).First;
        await Expect(last).ToBeVisibleAsync();
        await page.EvaluateAsync(WatchForBlankOrLoss, shows);

        await last.ClickAsync();
        await Expect(page.Locator("[data-interactive=true]")).ToContainTextAsync(shows);
        await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
        Assert.False(await page.EvaluateAsync<bool>("() => window.blanked"), $"the page from '{links}' went blank or said Loading… before showing its data");
        Assert.False(await page.EvaluateAsync<bool>("() => window.lost"), $"the page from '{links}' showed '{shows}', then lost it");
    }

    /// <summary>
    /// A function of the text a page should show: from then on, records in <c>window.blanked</c> whether the page's
    /// interactive part is ever empty or says "Loading…", and in <c>window.lost</c> whether, once it says the text, it
    /// stops saying it. Read after every change, even two within one frame, which a slower machine would paint apart; a
    /// page without an interactive part (a static page on the way) is passed over.
    /// </summary>
    const string WatchForBlankOrLoss = """
        text => {
            window.blanked = false;
            window.lost = false;
            const read = () => document.querySelector("[data-interactive]")?.innerText;
            let said = read()?.includes(text) ?? false;
            new MutationObserver(() => {
                const shown = read();
                if (shown === undefined)
                    return;
                window.blanked ||= shown.trim() === "" || shown.includes("Loading…");
                const says = shown.includes(text);
                window.lost ||= said && !says;
                said ||= says;
            }).observe(document.body, { childList: true, subtree: true, characterData: true });
        }
        """;

    /// <summary><see cref="WatchForBlankOrLoss"/> on every page <paramref name="page"/> loads from now on, once it is read.</summary>
    static Task WatchForBlankOrLossAsync(IPage page, string text) =>
        page.AddInitScriptAsync($"document.addEventListener('DOMContentLoaded', () => ({WatchForBlankOrLoss})({JsonSerializer.Serialize(text)}));");

    /// <summary>
    /// Opens <paramref name="path"/> and returns what its interactive part showed at each frame the browser painted, from
    /// the document's load (the page's scripts have run) until it has connected: each text that differs from the last.
    /// </summary>
    static async Task<string[]> PaintedUntilConnectedAsync(IPage page, string path)
    {
        await page.AddInitScriptAsync("""
            window.painted = [];
            document.addEventListener("DOMContentLoaded", () => {
                const frame = () => {
                    const text = document.querySelector("[data-interactive]")?.innerText;
                    if (text !== undefined && text !== window.painted.at(-1))
                        window.painted.push(text);
                    requestAnimationFrame(frame);
                };
                requestAnimationFrame(frame);
            });
            """);
        await page.GotoInteractiveAsync(path);
        await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
        var painted = await page.EvaluateAsync<string[]>("() => window.painted");
        Assert.All(painted, text => Assert.DoesNotContain("Loading…", text));
        return painted;
    }

    [Fact]
    public async Task ALinkOnTheStudentHomeWorksWhenClickedAsSoonAsItShows()
    {
        var classroom = await Classroom.CreateAsync(site, "Ada Lovelace");
        var ada = classroom.Students[0];
        var student = await site.NewPageAsync();
        await student.SignInAsync(ada.Email, ada.Password);

        await student.GotoAsync("", new() { WaitUntil = WaitUntilState.Commit });
        await student.GetByRole(AriaRole.Link, new() { Name = $"Start {Classroom.QuizTitle}" }).ClickAsync();
        await Expect(student).ToHaveURLAsync(new Regex($"/quizzes/{classroom.QuizId}/take$"));
    }

    [Fact]
    public async Task TheJoinCodeFieldTakesTypingOnlyOnceTheHomeIsConnected()
    {
        var classroom = await Classroom.CreateAsync(site, "Ada Lovelace");
        var ada = classroom.Students[0];
        var student = await site.NewPageAsync();
        await student.SignInAsync(ada.Email, ada.Password);
        var field = student.GetByLabel("Join a class with a code");

        // Blazor's script held on its way: the page stays as prerendered.
        var scriptArrives = new TaskCompletionSource();
        var script = new Regex("/_framework/blazor\\.web");
        await student.RouteAsync(script, async route =>
        {
            await scriptArrives.Task;
            await route.ContinueAsync();
        });
        await student.GotoAsync("", new() { WaitUntil = WaitUntilState.Commit });
        await Expect(field).ToBeDisabledAsync();
        scriptArrives.SetResult();
        await student.WaitForInteractiveAsync();
        await student.UnrouteAsync(script);

        await field.FillAsync("NOCLASS1");
        await field.PressAsync("Tab");
        await Expect(field).ToHaveValueAsync("NOCLASS1");
    }
}
