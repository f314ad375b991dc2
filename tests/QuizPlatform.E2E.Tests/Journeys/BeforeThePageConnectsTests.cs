using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data.Entities;
using QuizPlatform.E2E.Tests.Infrastructure;
using QuizPlatform.Web.Features.Classes;
using QuizPlatform.Web.Tests.Support;
using Xunit.Abstractions;

namespace QuizPlatform.E2E.Tests.Journeys;

/// <summary>
/// Pages while they are still connecting: the connected page replaces the prerendered one, so text typed into the
/// prerendered fields was wiped without a word (found walking the import: a document pasted as soon as the page showed
/// was gone). The fields take no input until the page is connected; a focus and an opened menu are handed over.
/// </summary>
public sealed class BeforeThePageConnectsTests(QuizSite site, ITestOutputHelper output) : Journey(site, output)
{
    [Theory]
    [InlineData("admin/assignments/import", "Or paste the Markdown")]
    [InlineData("admin/rosters", "Or paste the roster")]
    [InlineData("classes/new", "Class name")]
    [InlineData("admin/users/new", "Email")]
    [InlineData("admin/users", "Search by email or name")]
    public async Task AFieldTakesTypingOnlyOnceThePageIsConnected(string path, string label)
    {
        var admin = await site.NewPageAsync();
        await admin.SignInAsync(QuizSite.AdminEmail, QuizSite.AdminPassword);
        var field = admin.GetByLabel(label, new() { Exact = true });

        await OpenOnASlowConnectionAsync(admin, path, field);
        await field.FillAsync("Typed once connected");
        await field.PressAsync("Tab");
        await Expect(field).ToHaveValueAsync("Typed once connected");
    }

    [Fact]
    public async Task TheResultsSearchAndTheQueuesHideNamesWaitForTheConnectionToo()
    {
        var classroom = await Classroom.CreateAsync(site, "Ada Lovelace", "Alan Turing");
        var instructor = await site.NewPageAsync();
        await instructor.SignInAsync(classroom.Instructor.Email, classroom.Instructor.Password);

        var search = instructor.GetByLabel("Search", new() { Exact = true });
        await OpenOnASlowConnectionAsync(instructor, $"quizzes/{classroom.QuizId}/results", search);
        await Expect(instructor.GetByLabel("Status", new() { Exact = true })).ToBeEnabledAsync();
        await search.FillAsync("Alan");
        await Expect(instructor.Locator("table.student-results caption")).ToHaveTextAsync("1 of 2 students");

        // Ticked before the page connected, the box would have come back unticked with every name shown.
        var hideNames = instructor.GetByLabel("Hide students' names");
        await OpenOnASlowConnectionAsync(instructor, $"quizzes/{classroom.QuizId}/review", hideNames);
        await hideNames.CheckAsync();
        await Expect(hideNames).ToBeCheckedAsync();
    }

    [Fact]
    public async Task TheResultsClassFilterAndTheKeywordPreviewChoiceWaitForTheConnectionToo()
    {
        var classroom = await Classroom.CreateAsync(site, "Ada Lovelace");
        await classroom.GradedAttemptAsync(classroom.Students[0], "Convolutional layers learn filters.");
        var groupB = await site.Services.GetRequiredService<ClassService>().CreateAsync(classroom.Instructor.Id, $"Group B {Guid.NewGuid():N}"[..16]);
        int assignmentId;
        await using (var db = site.Services.CreateDbContext())
        {
            db.Add(new QuizClass { QuizId = classroom.QuizId, ClassId = groupB.Id });
            await db.SaveChangesAsync();
            assignmentId = await db.Questions.Where(q => q.Id == classroom.QuestionIds[0]).Select(q => q.AssignmentVersion.AssignmentId).SingleAsync();
        }
        var instructor = await site.NewPageAsync();
        await instructor.SignInAsync(classroom.Instructor.Email, classroom.Instructor.Password);

        // Chosen before the page connected, the class went back to "All classes" and the page stayed where it was.
        var classFilter = instructor.GetByLabel("Class", new() { Exact = true });
        await OpenOnASlowConnectionAsync(instructor, $"quizzes/{classroom.QuizId}/results", classFilter);
        await classFilter.SelectOptionAsync(new SelectOptionValue { Label = groupB.Name });
        await Expect(instructor).ToHaveURLAsync(new Regex($"[?&]class={groupB.Id}$"));

        var previewChoice = instructor.GetByLabel("Preview on quiz");
        await OpenOnASlowConnectionAsync(instructor, $"assignments/{assignmentId}/questions/{classroom.QuestionIds[0]}/keywords", previewChoice);
        await previewChoice.SelectOptionAsync(new SelectOptionValue { Label = Classroom.QuizTitle });
        await Expect(instructor.GetByText(new Regex($"^0 of 1 answers? in {Classroom.QuizTitle} change"))).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AMenuOpenedAndALinkFocusedBeforeThePageConnectsStaySo()
    {
        var classroom = await Classroom.CreateAsync(site, "Ada Lovelace");
        var instructor = await site.NewPageAsync();
        await instructor.SignInAsync(classroom.Instructor.Email, classroom.Instructor.Password);
        var downloads = instructor.GetByRole(AriaRole.List, new() { Name = "Downloads" });

        // The Export menu shut under the pointer as the page connected (a CI flake: the CSV link was never clicked).
        var connect = await OpenBeforeItConnectsAsync(instructor, $"quizzes/{classroom.QuizId}/results");
        await instructor.GetByText("Export", new() { Exact = true }).ClickAsync();
        await Expect(downloads).ToBeVisibleAsync();
        await connect();
        await Expect(downloads).ToBeVisibleAsync();

        // A link reached by Tab lost the focus, and Enter did nothing (a CI flake of the keyboard journeys). Here Blazor's
        // script has started and the circuit is on its way, where it was lost until the hand-over knew the renamed markers.
        var questionsView = instructor.GetByRole(AriaRole.Navigation, new() { Name = "Results views" })
            .GetByRole(AriaRole.Link, new() { Name = "Questions" });
        connect = await OpenBeforeItConnectsAsync(instructor, $"quizzes/{classroom.QuizId}/results", holdTheCircuit: true);
        await instructor.TabUntilFocusedAsync(questionsView);
        await connect();
        await Expect(questionsView).ToBeFocusedAsync();
        await instructor.Keyboard.PressAsync("Enter");
        await Expect(instructor).ToHaveURLAsync(new Regex("/results/questions$"));
    }

    [Fact]
    public async Task AButtonClickedBeforeThePageConnectsIsClickedOnItsCopyOnceItHas()
    {
        var classroom = await Classroom.CreateAsync(site, "Ada Lovelace");
        var instructor = await site.NewPageAsync();
        await instructor.SignInAsync(classroom.Instructor.Email, classroom.Instructor.Password);

        // The prerendered button has no handler: the click did nothing, and the copy then stood there unclicked. Blazor's
        // script has started (it has renamed the page's markers) and the circuit is on its way.
        var connect = await OpenBeforeItConnectsAsync(instructor, $"classes/{classroom.ClassId}", holdTheCircuit: true);
        await instructor.GetByRole(AriaRole.Button, new() { Name = "New join code" }).ClickAsync();
        await connect();
        await Expect(instructor.GetByRole(AriaRole.Group, new() { Name = $"Give {Classroom.ClassName} a new join code?" })).ToBeVisibleAsync();

        // Clicked elsewhere since, the reader has moved on.
        connect = await OpenBeforeItConnectsAsync(instructor, $"classes/{classroom.ClassId}");
        await instructor.GetByRole(AriaRole.Button, new() { Name = "New join code" }).ClickAsync();
        await instructor.GetByRole(AriaRole.Heading, new() { Name = Classroom.ClassName }).ClickAsync();
        await connect();
        await Expect(instructor.GetByRole(AriaRole.Button, new() { Name = "New join code" })).ToBeVisibleAsync();
        await Expect(instructor.GetByRole(AriaRole.Group, new() { Name = $"Give {Classroom.ClassName} a new join code?" })).Not.ToBeVisibleAsync();
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public async Task AnEnterPressedWhileThePageSwapsALinkForItsCopyGoesToTheCopy(bool pressEnter, int clicks)
    {
        // What Blazor does to a page reached from another interactive page (the student home from the quiz page): the
        // prerendered part goes, "Loading…" stands in its place while the data is read, then the copy comes.
        var page = await site.NewPageAsync();
        await page.GotoAsync("Account/Login");
        await page.EvaluateAsync("""
            () => {
                const part = document.createElement("div");
                part.id = "swapped";
                part.innerHTML = '<!--Blazor:{"type":"server","prerenderId":"p"}--><p><a href="#resume">Resume</a></p><!--Blazor:{"prerenderId":"p"}-->';
                document.body.append(part);
                part.querySelector("a").focus();
                part.querySelector("p").replaceWith(Object.assign(document.createElement("p"), { textContent: "Loading…" }));
            }
            """);
        await Expect(page.Locator("body")).ToBeFocusedAsync();

        if (pressEnter)
            await page.Keyboard.PressAsync("Enter");
        await page.EvaluateAsync("""
            () => {
                const copy = Object.assign(document.createElement("a"), { href: "#resume", textContent: "Resume" });
                window.clicks = 0;
                copy.addEventListener("click", event => { window.clicks++; event.preventDefault(); });
                const paragraph = document.createElement("p");
                paragraph.append(copy);
                document.querySelector("#swapped p").replaceWith(paragraph);
            }
            """);

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Resume" })).ToBeFocusedAsync();
        Assert.Equal(clicks, await page.EvaluateAsync<int>("() => window.clicks"));
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public async Task ALinkPressedJustBeforeThePageSwapsItForItsCopyIsClickedOnRelease(bool releaseOnTheCopy, int clicks)
    {
        // The circuit's first render replaces the prerendered link between the press and the release: the browser clicks
        // neither, as the two landed on different elements ("See results" on a student home that had just connected).
        var page = await site.NewPageAsync();
        await page.GotoAsync("Account/Login");
        var link = await PrerenderedSeeResultsAsync(page);
        await page.Mouse.MoveAsync(link.X + link.Width / 2, link.Y + link.Height / 2);
        await page.Mouse.DownAsync();
        await SwapSeeResultsForItsCopyAsync(page);
        if (!releaseOnTheCopy)
            await page.Mouse.MoveAsync(link.X + link.Width / 2, link.Y + 200); // slid off: no click, as on any link
        await page.Mouse.UpAsync();

        // The handover clicks once the release's own events are done: a task queued after them runs after it.
        await page.EvaluateAsync("() => new Promise(done => setTimeout(done))");
        Assert.Equal(clicks, await page.EvaluateAsync<int>("() => window.clicks"));
    }

    [Fact]
    public async Task ALinkTouchedJustBeforeThePageSwapsItForItsCopyIsClickedOnceOnRelease()
    {
        // As above with a finger on a phone: Chromium's tap clicks what is under the finger when it lifts, the copy, and
        // the hand-over must not click it a second time.
        var page = await site.NewPageAsync(phone: true);
        await page.GotoAsync("Account/Login");
        var link = await PrerenderedSeeResultsAsync(page);
        var cdp = await page.Context.NewCDPSessionAsync(page);
        Dictionary<string, object> Touch(string type, params object[] points) => new() { ["type"] = type, ["touchPoints"] = points };
        await cdp.SendAsync("Input.dispatchTouchEvent", Touch("touchStart", new Dictionary<string, object> { ["x"] = link.X + link.Width / 2, ["y"] = link.Y + link.Height / 2 }));
        await SwapSeeResultsForItsCopyAsync(page);
        await cdp.SendAsync("Input.dispatchTouchEvent", Touch("touchEnd"));

        await page.EvaluateAsync("() => new Promise(done => setTimeout(done, 100))");
        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.clicks"));
    }

    /// <summary>A "See results" link in a prerendered part, as Blazor marks one, on the page; where it is.</summary>
    static async Task<LocatorBoundingBoxResult> PrerenderedSeeResultsAsync(IPage page)
    {
        await page.EvaluateAsync("""
            () => {
                const part = document.createElement("div");
                part.innerHTML = '<!--Blazor:{"type":"server","prerenderId":"p"}--><p id="results"><a href="#results">See results</a></p><!--Blazor:{"prerenderId":"p"}-->';
                document.body.prepend(part);
            }
            """);
        return (await page.GetByRole(AriaRole.Link, new() { Name = "See results" }).BoundingBoxAsync())!;
    }

    /// <summary>Puts a copy in the link's place, as the circuit's first render does; <c>window.clicks</c> counts its clicks.</summary>
    static Task SwapSeeResultsForItsCopyAsync(IPage page) => page.EvaluateAsync("""
        () => {
            const copy = Object.assign(document.createElement("a"), { href: "#results", textContent: "See results" });
            window.clicks = 0;
            copy.addEventListener("click", event => { window.clicks++; event.preventDefault(); });
            const paragraph = Object.assign(document.createElement("p"), { id: "results" });
            paragraph.append(copy);
            document.querySelector("#results").replaceWith(paragraph);
        }
        """);

    /// <summary>
    /// Opens <paramref name="path"/> while Blazor's script is still on its way, checks that <paramref name="field"/>
    /// is disabled meanwhile, then lets the script through and waits for the page to connect.
    /// </summary>
    static async Task OpenOnASlowConnectionAsync(IPage page, string path, ILocator field)
    {
        var connect = await OpenBeforeItConnectsAsync(page, path);
        await Expect(field).ToBeDisabledAsync();
        await connect();
    }

    /// <summary>
    /// Opens <paramref name="path"/> and holds Blazor's script on its way, or with <paramref name="holdTheCircuit"/> the
    /// circuit's start once the script runs, so the page stays prerendered; the function returned lets it through and
    /// waits for the page to connect.
    /// </summary>
    static async Task<Func<Task>> OpenBeforeItConnectsAsync(IPage page, string path, bool holdTheCircuit = false)
    {
        var letThrough = new TaskCompletionSource();
        var held = new Regex(holdTheCircuit ? "/_blazor/negotiate" : "/_framework/blazor\\.web");
        await page.RouteAsync(held, async route =>
        {
            await letThrough.Task;
            await route.ContinueAsync();
        });
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Commit });
        return async () =>
        {
            letThrough.SetResult();
            await page.WaitForInteractiveAsync();
            await page.UnrouteAsync(held);
        };
    }
}
