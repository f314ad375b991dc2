using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Data.Assignments;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Assignments;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Assignments;

/// <summary>
/// The assignment pages read the database through <see cref="AssignmentLibrary"/>, which checks the stored roles:
/// a cookie that still says "Instructor" (it is revalidated only every minute) must not be enough.
/// </summary>
public sealed class AssignmentPagesAccessTests
{
    private const string Title = "Secret Syllabus";

    [Theory, AllDatabaseProviders]
    public async Task StudentCannotReadAssignmentsThroughTheService(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        var assignmentId = await ImportAsync(app);
        var studentId = await app.CreateUserIdAsync("student@quiz.local", Roles.Student);
        var library = app.Services.GetRequiredService<AssignmentLibrary>();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => library.ListAsync(studentId));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => library.GetAsync(studentId, assignmentId, null));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => library.ListAsync(""));
    }

    [Theory, AllDatabaseProviders]
    public async Task DeactivatedInstructorWithALiveCookieSeesNoAssignment(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var (teacherId, assignmentId) = await SignInInstructorAsync(app, client);

        await ChangeUserAsync(app, teacherId, async (users, user) =>
        {
            user.IsActive = false;
            return await users.UpdateAsync(user);
        });

        // Deactivation ends the session: the live cookie is sent to sign in.
        foreach (var url in new[] { "/assignments", $"/assignments/{assignmentId}" })
        {
            using var response = await client.GetAsync(url);
            response.AssertSentToSignIn();
        }
    }

    [Theory, AllDatabaseProviders]
    public async Task InstructorWhoseRoleWasRemovedSeesNoAssignment(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var (teacherId, assignmentId) = await SignInInstructorAsync(app, client);

        await ChangeUserAsync(app, teacherId, (users, user) => users.RemoveFromRoleAsync(user, Roles.Instructor));

        await AssertBothPagesRefusedAsync(client, assignmentId);
    }

    /// <summary>Signs <paramref name="client"/> in as an instructor who can read both pages of an imported assignment.</summary>
    private static async Task<(string TeacherId, int AssignmentId)> SignInInstructorAsync(QuizAppFactory app, HttpClient client)
    {
        var assignmentId = await ImportAsync(app);
        var teacherId = await app.CreateUserIdAsync("teacher@quiz.local", Roles.Instructor);
        (await client.SignInAsync("teacher@quiz.local", TestUsers.Password)).Dispose();
        Assert.Contains(Title, await client.GetStringAsync("/assignments"));
        Assert.Contains(Title, await client.GetStringAsync($"/assignments/{assignmentId}"));
        return (teacherId, assignmentId);
    }

    private static async Task AssertBothPagesRefusedAsync(HttpClient client, int assignmentId)
    {
        foreach (var url in new[] { "/assignments", $"/assignments/{assignmentId}" })
        {
            using var response = await client.GetAsync(url);
            var page = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Only instructors and admins", page);
            Assert.DoesNotContain(Title, page);
            Assert.DoesNotContain("Model answer", page);
        }
    }

    private static async Task<int> ImportAsync(QuizAppFactory app)
    {
        var imported = await app.Services.GetRequiredService<AssignmentImporter>().ImportAsync(Encoding.UTF8.GetBytes($"""
            # {Title}

            1. What is kept from students?

            ## Solution

            1. The model answers and their keywords.
            """), "secret.md");
        return imported.AssignmentId!.Value;
    }

    private static async Task ChangeUserAsync(QuizAppFactory app, string userId,
        Func<UserManager<ApplicationUser>, ApplicationUser, Task<IdentityResult>> change)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True((await change(users, (await users.FindByIdAsync(userId))!)).Succeeded);
    }
}
