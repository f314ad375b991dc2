using System.Net;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Web.Features.Classes;
using QuizPlatform.Web.Tests.Features.Quizzes;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Classes;

public sealed class ClassPagesTests
{
    [Theory, AllDatabaseProviders]
    public async Task InstructorSeesTheirClassWithJoinCodeAndStudents(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        var alice = await TestUsers.CreateUserIdAsync(app, "alice@quiz.local", Roles.Instructor);
        var sam = await TestUsers.CreateUserIdAsync(app, "sam@quiz.local", Roles.Student, "Sam Student");
        var algebra = await app.Services.GetRequiredService<ClassService>().CreateAsync(alice, "Algebra");
        await app.Services.GetRequiredService<EnrollmentService>().JoinAsync(sam, algebra.JoinCode);
        using var client = app.CreateNonRedirectingClient();
        using var _ = await client.SignInAsync("alice@quiz.local", TestUsers.Password);

        var list = await client.GetStringAsync("/classes");
        var page = await client.GetStringAsync($"/classes/{algebra.Id}");

        Assert.Contains("Algebra", list);
        Assert.Contains(JoinCodes.Display(algebra.JoinCode), list);
        Assert.Contains(JoinCodes.Display(algebra.JoinCode), page);
        Assert.Contains("Sam Student", page);
    }

    [Theory, AllDatabaseProviders]
    public async Task AnotherInstructorsClassPageIsNotFound(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        var alice = await TestUsers.CreateUserIdAsync(app, "alice@quiz.local", Roles.Instructor);
        await TestUsers.CreateUserIdAsync(app, "bob@quiz.local", Roles.Instructor);
        var algebra = await app.Services.GetRequiredService<ClassService>().CreateAsync(alice, "Algebra");
        using var client = app.CreateNonRedirectingClient();
        using var _ = await client.SignInAsync("bob@quiz.local", TestUsers.Password);

        using var response = await client.GetAsync($"/classes/{algebra.Id}");
        var list = await client.GetStringAsync("/classes");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(JoinCodes.Display(algebra.JoinCode), body);
        Assert.DoesNotContain("Algebra", body);
        Assert.DoesNotContain("Algebra", list);
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres, "sam@quiz.local", "/classes")]
    [InlineData(DatabaseProvider.Sqlite, "sam@quiz.local", "/classes")]
    [InlineData(DatabaseProvider.Postgres, "sam@quiz.local", "/classes/new")]
    [InlineData(DatabaseProvider.Sqlite, "sam@quiz.local", "/classes/1")]
    [InlineData(DatabaseProvider.Postgres, "sam@quiz.local", "/admin/classes")]
    [InlineData(DatabaseProvider.Sqlite, "alice@quiz.local", "/admin/classes")]
    public async Task StudentIsDeniedAndAnInstructorTheAdminList(DatabaseProvider provider, string email, string path)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        var alice = await TestUsers.CreateUserIdAsync(app, "alice@quiz.local", Roles.Instructor);
        await app.Services.GetRequiredService<ClassService>().CreateAsync(alice, "Algebra");
        await TestUsers.CreateUserIdAsync(app, "sam@quiz.local", Roles.Student);
        using var client = app.CreateNonRedirectingClient();
        using var _ = await client.SignInAsync(email, TestUsers.Password);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/AccessDenied", response.Headers.Location?.AbsolutePath);
    }

    [Theory, AllDatabaseProviders]
    public async Task ClassPageListsItsQuizzesWithStateAndResultsAndAButtonToRemoveEachStudent(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var quizId = await scene.AddQuizAsync();
        using var client = scene.App.CreateNonRedirectingClient();
        using var _ = await client.SignInAsync("alice@quiz.local", TestUsers.Password);

        var page = await client.GetPageAsync($"/classes/{scene.AlgebraId}");

        var quizzes = page.ByRole("region", "Quizzes")!;
        Assert.Equal($"quizzes/{quizId}", quizzes.ByRole("link", "Networks quiz")?.GetAttribute("href"));
        Assert.Equal($"quizzes/{quizId}/results", quizzes.ByRole("link", "Results of Networks quiz")?.GetAttribute("href"));
        Assert.Contains("Open · closes", quizzes.Text());
        Assert.NotNull(page.ByRole("button", "Copy join code"));
        Assert.NotNull(page.ByRole("button", "Remove Sam from the class"));
        Assert.Equal("Algebra", page.ByLabel("Class name")?.GetAttribute("value"));
        Assert.Null(page.ByLabel("Instructor")); // only an admin gives a class to another instructor
    }

    [Theory, AllDatabaseProviders]
    public async Task AnArchivedClassAndItsQuizzesLeaveTheListsForTheArchiveAndItsPageSaysItsCodeNoLongerWorks(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var classes = scene.App.Services.GetRequiredService<ClassService>();
        await classes.CreateAsync(scene.Alice, "Algebra, next term");
        await scene.AddQuizAsync(q => (q.Title, q.ClosesAt) = ("Last term's quiz", scene.Now.AddDays(-1)));
        Assert.Null(await classes.ArchiveAsync(scene.Alice, scene.AlgebraId));
        using var client = scene.App.CreateNonRedirectingClient();
        using var _ = await client.SignInAsync("alice@quiz.local", TestUsers.Password);

        var current = await client.GetPageAsync("/classes");
        var archive = await client.GetPageAsync("/classes?archived=true");
        var page = await client.GetPageAsync($"/classes/{scene.AlgebraId}");

        Assert.Equal(["Algebra, next term"], current.QuerySelectorAll("tbody tr td:first-child").Select(c => c.Text()));
        Assert.Equal("classes?archived=true", current.ByRole("link", "Archived classes (1)")?.GetAttribute("href"));
        Assert.Equal(["Algebra"], archive.QuerySelectorAll("tbody tr td:first-child").Select(c => c.Text()));
        Assert.Equal(["Class", "Archived", "Students", "Instructor"], archive.QuerySelectorAll("thead th").Select(th => th.Text()));
        Assert.Equal("classes", archive.ByRole("link", "Back to the current classes")?.GetAttribute("href"));
        Assert.StartsWith("Archived on ", page.QuerySelector(".alert-secondary")!.Text());
        Assert.Null(page.ByRole("button", "Copy join code"));
        Assert.NotNull(page.ByRole("button", "Bring the class back"));
        Assert.Null(page.ByRole("button", "Archive class"));
        // Its quiz had its term too: it leaves the quiz list with it.
        var quizzes = await client.GetPageAsync("/quizzes");
        Assert.Null(quizzes.ByRole("link", "Last term's quiz"));
        Assert.Equal("quizzes?archived=true", quizzes.ByRole("link", "Quizzes of archived classes (1)")?.GetAttribute("href"));
        Assert.NotNull((await client.GetPageAsync("/quizzes?archived=true")).ByRole("link", "Last term's quiz"));
    }

    [Theory, AllDatabaseProviders]
    public async Task AdminListsEveryClassWithItsInstructorAndOpensAnyClassPage(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        using var client = scene.App.CreateNonRedirectingClient();
        using var _ = await client.SignInAsync("admin@quiz.local", TestUsers.Password);

        var list = await client.GetPageAsync("/admin/classes");
        var algebra = await client.GetPageAsync($"/classes/{scene.AlgebraId}");

        var rows = list.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.Text()).ToList()).ToList();
        Assert.Equal([("Algebra", "1", "Alice"), ("Biology", "0", "Bob")], rows.Select(r => (r[0], r[2], r[3])));
        Assert.Equal("classes/new", list.ByRole("link", "Create class")?.GetAttribute("href"));
        Assert.Equal("admin/classes", algebra.ByRole("link", "Classes")?.GetAttribute("href"));
        Assert.Contains("Taught by Alice", algebra.Text());
        Assert.Equal(["Alice (alice@quiz.local)", "Bob (bob@quiz.local)"],
            algebra.ByLabel("Instructor")!.QuerySelectorAll("option").Select(o => o.Text()));
        Assert.NotNull(algebra.ByRole("button", "Remove Sam from the class"));
    }

    [Theory, AllDatabaseProviders]
    public async Task NewClassFormOffersAdminsTheInstructorsAndStartsFromAGivenName(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        using var admin = scene.App.CreateNonRedirectingClient();
        using var _ = await admin.SignInAsync("admin@quiz.local", TestUsers.Password);
        using var instructor = scene.App.CreateNonRedirectingClient();
        using var __ = await instructor.SignInAsync("alice@quiz.local", TestUsers.Password);

        var adminForm = await admin.GetPageAsync("/classes/new?name=CNN%20101");
        var instructorForm = await instructor.GetPageAsync("/classes/new");

        Assert.Equal("CNN 101", adminForm.ByLabel("Class name")?.GetAttribute("value"));
        Assert.Equal(["Choose an instructor", "Alice (alice@quiz.local)", "Bob (bob@quiz.local)"],
            adminForm.ByLabel("Instructor")!.QuerySelectorAll("option").Select(o => o.Text()));
        Assert.Null(instructorForm.ByLabel("Instructor"));
    }
}
