using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Accounts;
using QuizPlatform.Web.Features.Classes;
using QuizPlatform.Web.Features.Users;
using QuizPlatform.Web.Tests.Features.Accounts;
using QuizPlatform.Web.Tests.Features.Quizzes;
using QuizPlatform.Web.Tests.Features.Rosters;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Users;

public sealed class UserAdminTests
{
    [Theory, AllDatabaseProviders]
    public async Task InstructorIsDeniedThePagesAndTheService(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        var teacher = await app.CreateUserAsync("teacher@quiz.local", Roles.Instructor);
        var student = await app.CreateUserAsync("student@quiz.local", Roles.Student);
        var service = app.Services.GetRequiredService<UserAdminService>();
        using var client = app.CreateNonRedirectingClient();
        using var _ = await client.SignInAsync("teacher@quiz.local", TestUsers.Password);

        foreach (var page in new[] { "/admin/users", "/admin/users/new", $"/admin/users/{student.Id}" })
        {
            using var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/Account/AccessDenied", response.Headers.Location?.AbsolutePath);
        }
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.ListAsync(teacher.Id, null));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.GetAsync(teacher.Id, student.Id));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.ClassesAsync(teacher.Id, student.Id));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.CreateAsync(teacher.Id, "x@quiz.local", "X", [Roles.Admin]));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.UpdateAsync(teacher.Id, teacher.Id, "Me", [Roles.Admin]));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.SetActiveAsync(teacher.Id, student.Id, false));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.ResetPasswordAsync(teacher.Id, student.Id));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.ListAsync("guessed-id", null));
    }

    [Theory, AllDatabaseProviders]
    public async Task DeactivatedAdminCanNoLongerManageUsers(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        var other = await app.CreateUserAsync("other-admin@quiz.local", Roles.Admin, active: false);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            app.Services.GetRequiredService<UserAdminService>().ListAsync(other.Id, null));
    }

    [Theory, AllDatabaseProviders]
    public async Task AdminSearchesAndPagesThroughUsers(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        var admin = await AdminIdAsync(app);
        var service = app.Services.GetRequiredService<UserAdminService>();
        for (var i = 1; i <= 12; i++)
            Assert.True((await service.CreateAsync(admin, $"pupil{i:00}@school.example", $"Pupil {i}", [Roles.Student])).Succeeded);
        await service.CreateAsync(admin, "teacher@school.example", "Ms Pupilson", [Roles.Instructor]);

        var byEmail = await service.ListAsync(admin, "PUPIL1", page: 1, pageSize: 5);
        var byName = await service.ListAsync(admin, "pupilson");
        var third = await service.ListAsync(admin, "pupil", page: 3, pageSize: 5);

        Assert.Equal(["pupil10@school.example", "pupil11@school.example", "pupil12@school.example"], byEmail.Rows.Select(r => r.Email));
        Assert.Equal("teacher@school.example", Assert.Single(byName.Rows).Email);
        Assert.Equal(13, third.Total);
        Assert.Equal(3, third.PageCount);
        Assert.Equal(3, third.Rows.Count);

        // "Which instructors are there?", "who is deactivated?": by role and by status, with the search or without.
        var pupil = byEmail.Rows[0];
        Assert.True((await service.SetActiveAsync(admin, pupil.Id, false)).Succeeded);
        Assert.Equal(["teacher@school.example"], (await service.ListAsync(admin, null, role: Roles.Instructor)).Rows.Select(r => r.Email));
        Assert.Equal([pupil.Email], (await service.ListAsync(admin, null, active: false)).Rows.Select(r => r.Email));
        Assert.Equal(11, (await service.ListAsync(admin, "pupil", role: Roles.Student, active: true)).Total);
        Assert.Empty((await service.ListAsync(admin, "pupilson", role: Roles.Student)).Rows);
    }

    [Theory, AllDatabaseProviders]
    public async Task NumberedEmailsArePagedInTheirNumbersOrder(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        var admin = await AdminIdAsync(app);
        var service = app.Services.GetRequiredService<UserAdminService>();
        foreach (var i in new[] { 10, 2, 12, 1, 11, 3, 9, 4, 8, 5, 7, 6 })
            Assert.True((await service.CreateAsync(admin, $"student{i}@school.example", $"Student {i}", [Roles.Student])).Succeeded);
        await service.CreateAsync(admin, "Student3b@school.example", "Late Joiner", [Roles.Instructor]);

        var first = await service.ListAsync(admin, "student", page: 1, pageSize: 5);
        var second = await service.ListAsync(admin, "student", page: 2, pageSize: 5);
        var students = await service.ListAsync(admin, "student", page: 1, pageSize: 5, role: Roles.Student);

        Assert.Equal(["student1", "student2", "student3", "Student3b", "student4"], first.Rows.Select(r => r.Email.Split('@')[0]));
        Assert.Equal(["student5", "student6", "student7", "student8", "student9"], second.Rows.Select(r => r.Email.Split('@')[0]));
        Assert.Equal(13, second.Total);
        Assert.Equal(["student1", "student2", "student3", "student4", "student5"], students.Rows.Select(r => r.Email.Split('@')[0]));
    }

    [Theory, AllDatabaseProviders]
    public async Task AdminPageListsUsers(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        await app.CreateUserAsync("student@quiz.local", Roles.Student);
        using var client = app.CreateNonRedirectingClient();
        using var _ = await client.SignInAsync("admin@quiz.local", TestUsers.Password);

        var page = await client.GetPageAsync("/admin/users");

        Assert.Contains("student@quiz.local", page.Text());
        Assert.NotNull(page.ByLabel("Search by email or name"));
        Assert.Equal(["All roles", "Admins", "Instructors", "Students"], page.ByLabel("Role")!.QuerySelectorAll("option").Select(o => o.Text()));
        Assert.Equal(["Active and deactivated", "Active", "Deactivated"], page.ByLabel("Status")!.QuerySelectorAll("option").Select(o => o.Text()));
    }

    [Fact]
    public async Task AUsersPageSaysWhichClassesTheyAreInAndTeach()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        await RosterTests.ArrangeAsync(app);
        Dictionary<string, string> ids;
        await using (var db = app.Services.CreateDbContext())
            ids = await db.Users.ToDictionaryAsync(u => u.Email!, u => u.Id);
        using var client = app.CreateNonRedirectingClient();
        using var _ = await client.SignInAsync("admin@quiz.local", TestUsers.Password);

        IEnumerable<string> Classes(AngleSharp.Dom.IDocument page) => page.ByRole("region", "Classes")!.QuerySelectorAll("p").Select(p => p.Text());
        var student = await client.GetPageAsync($"/admin/users/{ids["enrolled@school.example"]}");
        var teacher = await client.GetPageAsync($"/admin/users/{ids["teacher@school.example"]}");
        var free = await client.GetPageAsync($"/admin/users/{ids["free@school.example"]}");

        Assert.Equal(["Student in CNN 101."], Classes(student));
        Assert.Equal(["Teaches CNN 101 and Maths."], Classes(teacher));
        Assert.Equal(["In no class, and teaches none."], Classes(free));
        Assert.Equal(["classes/"], student.ByRole("region", "Classes")!.QuerySelectorAll("a").Select(a => a.GetAttribute("href")![..8]));
    }

    [Theory, AllDatabaseProviders]
    public async Task CreatedUserSignsInWithTheGeneratedPasswordAndHasTheRoles(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        var service = app.Services.GetRequiredService<UserAdminService>();
        var admin = await AdminIdAsync(app);

        var created = await service.CreateAsync(admin, "new@quiz.local", "New Teacher", [Roles.Instructor, Roles.Student]);
        var duplicate = await service.CreateAsync(admin, "new@quiz.local", "Again", [Roles.Student]);

        Assert.True(created.Succeeded);
        Assert.False(duplicate.Succeeded);
        Assert.Equal([Roles.Instructor, Roles.Student], (await service.GetAsync(admin, created.UserId!))!.Roles);
        using var client = app.CreateNonRedirectingClient();
        using var signIn = await client.SignInAsync("new@quiz.local", created.GeneratedPassword!);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Theory, AllDatabaseProviders]
    public async Task DeactivatedUserIsRefusedUntilReactivated(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        var service = app.Services.GetRequiredService<UserAdminService>();
        var admin = await AdminIdAsync(app);
        var student = await app.CreateUserAsync("student@quiz.local", Roles.Student);
        using var client = app.CreateNonRedirectingClient();

        Assert.True((await service.SetActiveAsync(admin, student.Id, false)).Succeeded);
        using var refused = await client.SignInAsync("student@quiz.local", TestUsers.Password);
        Assert.True((await service.SetActiveAsync(admin, student.Id, true)).Succeeded);
        using var accepted = await client.SignInAsync("student@quiz.local", TestUsers.Password);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    [Theory, AllDatabaseProviders]
    public async Task AdminCannotLockThemselvesOut(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        var service = app.Services.GetRequiredService<UserAdminService>();
        var admin = await AdminIdAsync(app);

        Assert.False((await service.SetActiveAsync(admin, admin, false)).Succeeded);
        Assert.False((await service.UpdateAsync(admin, admin, "Me", [Roles.Instructor])).Succeeded);
        Assert.Equal([Roles.Admin], (await service.GetAsync(admin, admin))!.Roles);
    }

    [Theory, AllDatabaseProviders]
    public async Task RolesAreReplacedAndGuessedIdsAreRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        var service = app.Services.GetRequiredService<UserAdminService>();
        var admin = await AdminIdAsync(app);
        var user = await app.CreateUserAsync("person@quiz.local", Roles.Student);

        var changed = await service.UpdateAsync(admin, user.Id, "Person", [Roles.Instructor]);
        var guessed = await service.UpdateAsync(admin, "no-such-id", "X", [Roles.Student]);
        var unknownRole = await service.UpdateAsync(admin, user.Id, "Person", ["Superuser"]);

        Assert.True(changed.Succeeded);
        Assert.Equal([Roles.Instructor], (await service.GetAsync(admin, user.Id))!.Roles);
        Assert.False(guessed.Succeeded);
        Assert.False(unknownRole.Succeeded);
        Assert.Null(await service.GetAsync(admin, "no-such-id"));
    }

    [Theory, AllDatabaseProviders]
    public async Task PasswordResetByAdminReplacesTheOldPassword(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        var service = app.Services.GetRequiredService<UserAdminService>();
        var admin = await AdminIdAsync(app);
        var student = await app.CreateUserAsync("student@quiz.local", Roles.Student);

        var reset = await service.ResetPasswordAsync(admin, student.Id);
        using var client = app.CreateNonRedirectingClient();
        using var old = await client.SignInAsync("student@quiz.local", TestUsers.Password);
        using var fresh = await client.SignInAsync("student@quiz.local", reset.GeneratedPassword!);
        using var home = await client.GetAsync("/");

        Assert.True(reset.Succeeded);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
        Assert.Equal(PasswordChange.PagePath, home.Headers.Location?.OriginalString); // a password the admin handed over is theirs only until changed
    }

    [Theory, AllDatabaseProviders]
    public async Task AHandedOverPasswordOpensNoDownloadUntilChanged(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var quiz = await scene.AddQuizAsync();
        var reset = await scene.App.Services.GetRequiredService<UserAdminService>().ResetPasswordAsync(await AdminIdAsync(scene.App), scene.Alice);
        using var alice = scene.App.CreateNonRedirectingClient();
        using (await alice.SignInAsync("alice@quiz.local", reset.GeneratedPassword!)) { }
        var export = $"/quizzes/{quiz}/export/responses.csv";

        // Whoever saw the handed-over password would otherwise download every answer without the owner ever noticing.
        using var before = await alice.GetAsync(export);
        using var changed = await alice.SubmitFormAsync(PasswordChange.PagePath, ("Input.OldPassword", reset.GeneratedPassword!),
            ("Input.NewPassword", "Alice-Own-Passphrase-1"), ("Input.ConfirmPassword", "Alice-Own-Passphrase-1"));
        using var after = await alice.GetAsync(export);

        Assert.Equal(HttpStatusCode.Redirect, before.StatusCode);
        Assert.Equal(PasswordChange.PagePath, before.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains("Student,Email,Attempt id", await after.Content.ReadAsStringAsync());
    }

    [Theory, AllDatabaseProviders]
    public async Task AnInstructorWhoLeavesHandsTheirClassesAndQuizzesToAnother(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var quiz = await scene.AddQuizAsync();
        var service = scene.App.Services.GetRequiredService<UserAdminService>();
        var admin = await AdminIdAsync(scene.App);
        var classes = scene.App.Services.GetRequiredService<ClassService>();

        var handed = await service.HandOverAsync(admin, scene.Alice, scene.Bob);

        Assert.True(handed.Succeeded, string.Join(" ", handed.Errors));
        Assert.Equal(["Algebra", "Biology"], (await classes.ListAsync(scene.Bob)).Select(c => c.Name).Order());
        Assert.Empty(await classes.ListAsync(scene.Alice));
        await using var db = scene.App.Services.CreateDbContext();
        Assert.Equal(scene.Bob, (await db.Quizzes.SingleAsync(q => q.Id == quiz)).CreatedById);
        Assert.Equal((0, 0), await HoldingsAsync(service, admin, scene.Alice));
        Assert.Equal((2, 1), await HoldingsAsync(service, admin, scene.Bob));
        var line = await db.AuditEntries.SingleAsync(e => e.Action == AuditActions.TeachingHandedOver);
        Assert.Equal("Handed over 1 class (Algebra) and 1 quiz of alice@quiz.local to bob@quiz.local.", line.Summary);
    }

    [Theory, AllDatabaseProviders]
    public async Task TeachingIsHandedOnlyToAnotherActiveInstructorByAnAdmin(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        await scene.AddQuizAsync();
        var service = scene.App.Services.GetRequiredService<UserAdminService>();
        var admin = await AdminIdAsync(scene.App);
        var away = await TestUsers.CreateUserIdAsync(scene.App, "away@quiz.local", Roles.Instructor, "Away");
        Assert.True((await service.SetActiveAsync(admin, away, false)).Succeeded);

        foreach (var to in new[] { scene.Sam, away, scene.Alice, "guessed-id" })
            Assert.False((await service.HandOverAsync(admin, scene.Alice, to)).Succeeded, to);
        Assert.False((await service.HandOverAsync(admin, "guessed-id", scene.Bob)).Succeeded);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.HandOverAsync(scene.Bob, scene.Alice, scene.Bob));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.HandOverAsync(scene.Alice, scene.Alice, scene.Bob));
        Assert.Equal((1, 1), await HoldingsAsync(service, admin, scene.Alice));
    }

    [Theory, AllDatabaseProviders]
    public async Task AnInstructorKeepsTheRoleWhileTheyStillTeach(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        await scene.AddQuizAsync();
        var service = scene.App.Services.GetRequiredService<UserAdminService>();
        var admin = await AdminIdAsync(scene.App);

        // As a student only, Alice would still teach Algebra and own its quiz, which no instructor could then open.
        var refused = await service.UpdateAsync(admin, scene.Alice, "Alice", [Roles.Student]);
        var handed = await service.HandOverAsync(admin, scene.Alice, scene.Bob);
        var accepted = await service.UpdateAsync(admin, scene.Alice, "Alice", [Roles.Student]);

        Assert.Equal(["alice@quiz.local teaches 1 class and owns 1 quiz: hand them over to another instructor first."], refused.Errors);
        Assert.True(handed.Succeeded);
        Assert.True(accepted.Succeeded);
        Assert.Equal([Roles.Student], (await service.GetAsync(admin, scene.Alice))!.Roles);
    }

    [Theory, AllDatabaseProviders]
    public async Task AnAccountIsNotDeactivatedWhileItStillTeaches(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        await scene.AddQuizAsync();
        var service = scene.App.Services.GetRequiredService<UserAdminService>();
        var admin = await AdminIdAsync(scene.App);
        // Alice teaches Algebra and made its quiz, Bob teaches Biology, Ada made a quiz and teaches no class.
        var ada = await TestUsers.CreateUserIdAsync(scene.App, "ada@quiz.local", Roles.Instructor, "Ada");
        await scene.AddQuizAsync(q => q.CreatedById = ada);

        foreach (var (id, refusal) in new[]
                 {
                     (scene.Alice, "alice@quiz.local teaches 1 class and owns 1 quiz: hand them over to another instructor first."),
                     (scene.Bob, "bob@quiz.local teaches 1 class and owns 0 quizzes: hand them over to another instructor first."),
                     (ada, "ada@quiz.local teaches 0 classes and owns 1 quiz: hand them over to another instructor first."),
                 })
        {
            Assert.Equal([refusal], (await service.SetActiveAsync(admin, id, false)).Errors);
            Assert.True((await service.GetAsync(admin, id))!.IsActive);
        }

        // Handed over, Alice may go; Bob, who holds her teaching now, still may not; nothing is handed to her while she is away.
        Assert.True((await service.HandOverAsync(admin, scene.Alice, scene.Bob)).Succeeded);
        Assert.True((await service.SetActiveAsync(admin, scene.Alice, false)).Succeeded);
        Assert.False((await service.SetActiveAsync(admin, scene.Bob, false)).Succeeded);
        Assert.False((await service.HandOverAsync(admin, scene.Bob, scene.Alice)).Succeeded);
        Assert.True((await service.SetActiveAsync(admin, scene.Alice, true)).Succeeded);
        await using var db = scene.App.Services.CreateDbContext();
        Assert.Equal(["Deactivated alice@quiz.local.", "Reactivated alice@quiz.local."],
            await db.AuditEntries.Where(e => e.Action == AuditActions.UserDeactivated || e.Action == AuditActions.UserReactivated)
                .OrderBy(e => e.Id).Select(e => e.Summary).ToListAsync());
    }

    [Theory, AllDatabaseProviders]
    public async Task TheUserPageOffersToHandOverWhatAnInstructorTeaches(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        await scene.AddQuizAsync();
        using var client = scene.App.CreateNonRedirectingClient();
        using var _ = await client.SignInAsync("admin@quiz.local", TestUsers.Password);

        var alice = await client.GetStringAsync($"/admin/users/{scene.Alice}");
        var sam = await client.GetStringAsync($"/admin/users/{scene.Sam}");

        Assert.Contains("Owns 1 quiz", alice);
        Assert.Contains("Hand over classes and quizzes", alice);
        Assert.Contains("bob@quiz.local", alice); // the instructors to choose from
        Assert.DoesNotContain("Hand over classes and quizzes", sam);
    }

    private static async Task<(int Classes, int Quizzes)> HoldingsAsync(UserAdminService service, string admin, string userId)
    {
        var held = await service.ClassesAsync(admin, userId);
        return (held.Teaches.Count, held.QuizzesOwned);
    }

    [Fact]
    public void ValidationNamesTheFieldsAsTheFormLabelsThem()
    {
        var model = new UserFields.Model { Email = "", DisplayName = "" };
        var errors = new List<ValidationResult>();

        Validator.TryValidateObject(model, new ValidationContext(model), errors, validateAllProperties: true);

        Assert.Equal(["The Email field is required.", "The Name field is required."], errors.Select(e => e.ErrorMessage));
    }

    internal static async Task<string> AdminIdAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app)
    {
        await using var db = app.Services.CreateDbContext();
        return db.Users.Single(u => u.Email == "admin@quiz.local").Id;
    }
}
