using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Data.Rosters;
using QuizPlatform.Web.Features.Classes;
using QuizPlatform.Web.Features.Rosters;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Rosters;

/// <summary>What a preview promises is what applying does: counts, classes created on request, names kept, first passwords.</summary>
public sealed class RosterApplyTests
{
    // enrolled@ is in CNN 101 already; free@ is a student in no class; Physics does not exist.
    private const string Roster = """
        email,name,class
        enrolled@school.example,Already There,CNN 101
        free@school.example,Freddie Renamed,Maths
        ava@school.example,Ava New,CNN 101
        ava@school.example,Ava Other,Physics
        ben@school.example,Ben New,Physics
        """;

    private static async Task<(int Users, int Enrollments, int Classes)> CountsAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app)
    {
        await using var db = app.Services.CreateDbContext();
        return (await db.Users.CountAsync(), await db.Enrollments.CountAsync(), await db.Classes.CountAsync());
    }

    [Theory, AllDatabaseProviders]
    public async Task PreviewCountsExactlyWhatApplyingDoes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        var admin = await RosterTests.ArrangeAsync(app);
        var teacher = (await app.CreateUserAsync("physics@school.example", Roles.Instructor)).Id;
        var rosters = app.Services.GetRequiredService<RosterService>();
        var newClasses = new Dictionary<string, string> { ["physics"] = teacher };
        var before = await CountsAsync(app);

        var preview = await rosters.PreviewAsync(admin, Roster, newClasses);
        var result = await rosters.ApplyAsync(admin, Roster, newClasses);
        var after = await CountsAsync(app);

        Assert.True(result.Applied);
        Assert.Equal("2 students to create, 4 enrolments to add, 1 already enrolled, 1 class to create, 0 lines with errors", preview.Summary(applied: false));
        Assert.Equal("2 students created, 4 enrolments added, 1 already enrolled, 1 class created", result.Plan.Summary(applied: true));
        Assert.Equal((before.Users + preview.StudentsToCreate, before.Enrollments + preview.EnrolmentsToAdd, before.Classes + preview.ClassesToCreate), after);
    }

    [Theory, AllDatabaseProviders]
    public async Task MissingClassIsCreatedOnlyWhenGivenAnActiveInstructor(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        var admin = await RosterTests.ArrangeAsync(app);
        var teacher = await app.CreateUserAsync("physics@school.example", Roles.Instructor, displayName: "Pia Physics");
        var student = (await app.CreateUserAsync("someone@school.example", Roles.Student)).Id;
        var rosters = app.Services.GetRequiredService<RosterService>();
        const string roster = "email,name,class\nben@school.example,Ben New,Physics\n";

        var untouched = await rosters.PreviewAsync(admin, roster);
        var notAnInstructor = await rosters.PreviewAsync(admin, roster, new Dictionary<string, string> { ["Physics"] = student });
        var result = await rosters.ApplyAsync(admin, roster, new Dictionary<string, string> { ["Physics"] = teacher.Id });

        Assert.Equal("There is no class named \"Physics\": create it above, or correct the line.", Assert.Single(untouched.Rows).Reason);
        Assert.Equal("The instructor chosen for the new class \"Physics\" is not an active instructor.", Assert.Single(notAnInstructor.Rows).Reason);
        Assert.Equal([new MissingClass("Physics", teacher.Id)], result.Plan.MissingClasses);
        Assert.Contains(await app.Services.GetRequiredService<ClassService>().InstructorsAsync(admin),
            i => i.Id == teacher.Id && i.Name == "Pia Physics");
        await using var db = app.Services.CreateDbContext();
        var physics = await db.Classes.Include(c => c.Enrollments).ThenInclude(e => e.Student).SingleAsync(c => c.Name == "Physics");
        Assert.Equal(teacher.Id, physics.InstructorId);
        Assert.Equal(8, physics.JoinCode.Length);
        Assert.Equal("ben@school.example", Assert.Single(physics.Enrollments).Student.Email);
    }

    [Theory, AllDatabaseProviders]
    public async Task DifferentNameForAKnownEmailIsSaidAndTheStoredNameKept(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        var admin = await RosterTests.ArrangeAsync(app);
        var rosters = app.Services.GetRequiredService<RosterService>();
        const string roster = """
            email,name,class
            free@school.example,Freddie Renamed,Maths
            ava@school.example,Ava New,CNN 101
            ava@school.example,Ava Other,Maths
            enrolled@school.example,,Maths
            """;

        var result = await rosters.ApplyAsync(admin, roster);

        Assert.Equal(
            ["Name differs: keeps \"free@school.example\"", null, "Name differs: keeps \"Ava New\"", null],
            result.Plan.Rows.Select(r => r.Note));
        await using var db = app.Services.CreateDbContext();
        Assert.Equal("free@school.example", await db.Users.Where(u => u.Email == "free@school.example").Select(u => u.DisplayName).SingleAsync());
        Assert.Equal("Ava New", await db.Users.Where(u => u.Email == "ava@school.example").Select(u => u.DisplayName).SingleAsync());
    }

    [Theory, AllDatabaseProviders]
    public async Task WithoutMailNewStudentsGetOneTimePasswordsToChangeAtFirstSignIn(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        var admin = await RosterTests.ArrangeAsync(app);
        var rosters = app.Services.GetRequiredService<RosterService>();

        var result = await rosters.ApplyAsync(admin, """
            email,name,class
            free@school.example,Free Student,Maths
            ava@school.example,Ava New,CNN 101
            ava@school.example,Ava New,Maths
            ben@school.example,Ben New,Maths
            """);

        Assert.True(rosters.GivesOneTimePasswords);
        Assert.Equal(
            [("ava@school.example", "Ava New", "CNN 101; Maths"), ("ben@school.example", "Ben New", "Maths")],
            result.Passwords.Select(p => (p.Email, p.Name, p.Classes)));
        Assert.NotEqual(result.Passwords[0].Password, result.Passwords[1].Password);
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var ava = (await users.FindByEmailAsync("ava@school.example"))!;
            foreach (var validator in users.PasswordValidators)
                Assert.True((await validator.ValidateAsync(users, ava, result.Passwords[0].Password)).Succeeded);
            Assert.True(result.Passwords[0].Password.Length >= 20);
            Assert.DoesNotContain(result.Passwords[0].Password, ava.PasswordHash!);
        }

        using var client = app.CreateNonRedirectingClient();
        using var signIn = await client.SignInAsync("ava@school.example", result.Passwords[0].Password);
        using var home = await client.GetAsync("/");
        using var changed = await client.SubmitFormAsync("/Account/Manage/ChangePassword",
            ("Input.OldPassword", result.Passwords[0].Password), ("Input.NewPassword", "Ava-Own-Passw0rd"), ("Input.ConfirmPassword", "Ava-Own-Passw0rd"));
        using var homeAfter = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/Account/Manage/ChangePassword", home.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        // On to the page the one-time password kept her from, not back to the form she has just filled in.
        Assert.Equal("/", new Uri(client.BaseAddress!, changed.Headers.Location!).AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, homeAfter.StatusCode);
        Assert.Contains("Your password has been changed", await homeAfter.Content.ReadAsStringAsync());
    }

    [Theory, AllDatabaseProviders]
    public async Task WithAMailServerNewStudentsGetNoPassword(DatabaseProvider provider)
    {
        await using var smtp = await SmtpInbox.StartAsync();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin(smtp.Settings()));
        var admin = await RosterTests.ArrangeAsync(app);
        var rosters = app.Services.GetRequiredService<RosterService>();

        var result = await rosters.ApplyAsync(admin, "email,name,class\nava@school.example,Ava New,CNN 101\n");

        Assert.True(result.Applied);
        Assert.False(rosters.GivesOneTimePasswords);
        Assert.Empty(result.Passwords);
        await using var db = app.Services.CreateDbContext();
        var ava = await db.Users.Where(u => u.Email == "ava@school.example").Select(u => new { u.Id, u.PasswordHash }).SingleAsync();
        Assert.Null(ava.PasswordHash);
        Assert.Equal([ava.Id], result.NewStudentIds);
    }
}
