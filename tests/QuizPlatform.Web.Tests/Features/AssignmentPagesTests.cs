using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Data.Assignments;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features;

public sealed class AssignmentPagesTests
{
    private const string AdminEmail = "admin@quiz.local";


    [Theory, AllDatabaseProviders]
    public async Task AnonymousVisitorIsSentToSignIn(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        using var client = app.CreateNonRedirectingClient();

        using var response = await client.GetAsync("/assignments");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location?.AbsolutePath);
    }

    [Theory, AllDatabaseProviders]
    public async Task StudentIsDenied(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        await app.CreateUserAsync("student@quiz.local", Roles.Student);
        using var client = app.CreateNonRedirectingClient();
        using var _ = await client.SignInAsync("student@quiz.local", TestUsers.Password);

        using var response = await client.GetAsync("/assignments");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/AccessDenied", response.Headers.Location?.AbsolutePath);
    }

    [Theory, AllDatabaseProviders]
    public async Task InstructorSeesQuestionsWithMarkupRenderedInert(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        await app.CreateUserAsync("teacher@quiz.local", Roles.Instructor);
        var imported = await app.Services.GetRequiredService<AssignmentImporter>().ImportAsync(Encoding.UTF8.GetBytes("""
            # Hostile

            1. What does <script>alert('x')</script> do? See [this](javascript:alert(1)).

            ## Solution

            1. It is shown as **text** and runs nothing at all.
            """), "hostile.md");
        Assert.Equal(ImportStatus.Created, imported.Status);
        using var client = app.CreateNonRedirectingClient();
        using var _ = await client.SignInAsync("teacher@quiz.local", TestUsers.Password);

        var list = await client.GetStringAsync("/assignments");
        var html = await client.GetStringAsync($"/assignments/{imported.AssignmentId}");
        var page = Pages.Parse(html);

        Assert.Contains("Hostile", list);
        Assert.Contains("<script>alert", page.Text());
        Assert.DoesNotContain(page.Scripts, script => script.Text.Contains("alert"));
        Assert.DoesNotContain("javascript:", html);
        Assert.Contains(page.QuerySelectorAll("strong"), strong => strong.Text() == "text");
    }
}
