using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Data.Demo;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Classes;
using QuizPlatform.Web.Features.Grading;
using QuizPlatform.Web.Features.Taking;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Accounts;

public sealed class DemoDataTests
{
    private static Dictionary<string, string?> DemoOn(TempDirectory seeds)
    {
        seeds.WriteFile(SeedDocuments.SeedFileName, SeedDocuments.Seed);
        var settings = SeedDocuments.SeedingFrom(seeds.Path);
        settings["Seeding:Demo"] = "true";
        return settings;
    }

    [Theory, AllDatabaseProviders]
    public async Task DemoAccountsSignInWithTheDocumentedPasswordAndRoles(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var seeds = new TempDirectory();
        await using var app = new QuizAppFactory(database, DemoOn(seeds));
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        string[] expected = [DemoDataSeeder.AdminEmail, DemoDataSeeder.InstructorEmail, .. DemoDataSeeder.StudentEmails];
        var roles = new List<string>();
        foreach (var email in expected)
        {
            var user = await users.FindByEmailAsync(email);
            Assert.NotNull(user);
            Assert.True(await users.CheckPasswordAsync(user, DemoDataSeeder.Password), email);
            roles.Add(Assert.Single(await users.GetRolesAsync(user)));
        }
        Assert.Equal([Roles.Admin, Roles.Instructor, Roles.Student, Roles.Student, Roles.Student, Roles.Student, Roles.Student], roles);

        using var client = app.CreateNonRedirectingClient();
        using var signIn = await client.SignInAsync("student3@demo.local", DemoDataSeeder.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Theory, AllDatabaseProviders]
    public async Task DemoClassHasTheFiveStudentsAndAnOpenHourLongQuizOverAllFiftyQuestions(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var seeds = new TempDirectory();
        await using var app = new QuizAppFactory(database, DemoOn(seeds));
        await using var db = app.Services.CreateDbContext();

        var cls = await db.Classes.Include(c => c.Instructor).Include(c => c.Enrollments).ThenInclude(e => e.Student).SingleAsync();
        var quiz = await db.Quizzes.Include(q => q.Questions).Include(q => q.Classes).SingleAsync();
        var versionQuestions = await db.Questions.Where(q => q.AssignmentVersionId == quiz.AssignmentVersionId).Select(q => q.Id).ToListAsync();

        Assert.Equal("CNN 101", cls.Name);
        Assert.Equal(DemoDataSeeder.InstructorEmail, cls.Instructor.Email);
        Assert.Equal(DemoDataSeeder.StudentEmails, cls.Enrollments.Select(e => e.Student.Email!).Order());
        Assert.Equal(cls.Id, Assert.Single(quiz.Classes).ClassId);
        Assert.Equal(50, versionQuestions.Count);
        Assert.Equal(versionQuestions.Order(), quiz.Questions.Select(q => q.QuestionId).Order());
        Assert.Equal(Enumerable.Range(1, 50), quiz.Questions.Select(q => q.Position).Order());
        Assert.Equal(QuestionSelection.All, quiz.QuestionSelection);
        Assert.Equal(TimeSpan.FromMinutes(60), quiz.TimeLimit);
        Assert.True(quiz.OpensAt <= DateTime.UtcNow);
        Assert.Null(quiz.ClosesAt);
        Assert.Equal(ReviewVisibility.Immediately, quiz.ShowScore);
        Assert.Equal(ReviewVisibility.Immediately, quiz.ShowKeywordFeedback);
    }

    [Theory, AllDatabaseProviders]
    public async Task ADemoStudentWhoHandedInCanAskForARegrade(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var seeds = new TempDirectory();
        await using var app = new QuizAppFactory(database, DemoOn(seeds));
        string studentId;
        using (var scope = app.Services.CreateScope())
            studentId = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("student1@demo.local"))!.Id;
        int attemptId;
        await using (var db = app.Services.CreateDbContext())
        {
            var attempts = app.Services.GetRequiredService<AttemptService>();
            var started = await attempts.StartAsync(studentId, await db.Quizzes.Select(q => q.Id).SingleAsync());
            attemptId = started.AttemptId!.Value;
            var first = await db.Responses.Where(r => r.AttemptId == attemptId).OrderBy(r => r.Position).Select(r => r.QuestionId).FirstAsync();
            await attempts.SaveAsync(studentId, attemptId, first, "Convolutional layers learn filters that detect edges.", baseVersion: 0);
            await attempts.SubmitAsync(studentId, attemptId);
            await app.Services.GetRequiredService<AttemptGrading>().GradeAsync(attemptId);
        }
        using var client = app.CreateNonRedirectingClient();
        using var signIn = await client.SignInAsync("student1@demo.local", DemoDataSeeder.Password);

        var results = await client.GetPageAsync($"/attempts/{attemptId}/results");

        Assert.Contains("Ask for a regrade", results.ByRole("region", "Question 1")!.Text());
    }

    [Theory, AllDatabaseProviders]
    public async Task ANewStudentJoinsTheDemoClassWithTheCodeTheClassPageShows(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var seeds = new TempDirectory();
        await using var app = new QuizAppFactory(database, DemoOn(seeds));
        var newcomer = await TestUsers.CreateUserIdAsync(app, "newcomer@demo.local", Roles.Student);
        await using var db = app.Services.CreateDbContext();
        var shown = JoinCodes.Display((await db.Classes.SingleAsync()).JoinCode);

        var joined = await app.Services.GetRequiredService<EnrollmentService>().JoinAsync(newcomer, shown.ToLowerInvariant());

        Assert.Equal(JoinOutcome.Joined, joined.Outcome);
    }

    [Theory, AllDatabaseProviders]
    public async Task SecondStartAddsNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var seeds = new TempDirectory();
        var settings = DemoOn(seeds);
        await using (var first = new QuizAppFactory(database, settings))
            _ = first.Services;
        await using var second = new QuizAppFactory(database, settings);
        await using var db = second.Services.CreateDbContext();

        Assert.Equal(8, await db.Users.CountAsync()); // 7 demo accounts and the first-run admin
        Assert.Equal(1, await db.Classes.CountAsync());
        Assert.Equal(5, await db.Enrollments.CountAsync());
        Assert.Equal(1, await db.Quizzes.CountAsync());
        Assert.Equal(50, await db.QuizQuestions.CountAsync());
    }

    [Fact]
    public async Task DemoIsOffUnlessAskedOutsideDevelopment()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new QuizAppFactory(database);
        await using var db = app.Services.CreateDbContext();

        Assert.False(await db.Users.AnyAsync(u => u.Email!.EndsWith("@demo.local")));
    }
}
