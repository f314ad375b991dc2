using System.Net;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Web.Features.Classes;
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
    [InlineData(DatabaseProvider.Postgres, "/classes")]
    [InlineData(DatabaseProvider.Sqlite, "/classes")]
    [InlineData(DatabaseProvider.Postgres, "/classes/new")]
    [InlineData(DatabaseProvider.Sqlite, "/classes/1")]
    public async Task StudentIsDenied(DatabaseProvider provider, string path)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        var alice = await TestUsers.CreateUserIdAsync(app, "alice@quiz.local", Roles.Instructor);
        await app.Services.GetRequiredService<ClassService>().CreateAsync(alice, "Algebra");
        await TestUsers.CreateUserIdAsync(app, "sam@quiz.local", Roles.Student);
        using var client = app.CreateNonRedirectingClient();
        using var _ = await client.SignInAsync("sam@quiz.local", TestUsers.Password);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/AccessDenied", response.Headers.Location?.AbsolutePath);
    }
}
