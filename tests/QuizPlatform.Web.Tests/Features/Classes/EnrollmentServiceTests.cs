using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Web.Features.Classes;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Classes;

public sealed class EnrollmentServiceTests
{
    [Theory, AllDatabaseProviders]
    public async Task StudentJoinsWithTheCodeTypedLooselyAndShowsUpInTheClass(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        var alice = await TestUsers.CreateUserIdAsync(app, "alice@quiz.local", Roles.Instructor);
        var sam = await TestUsers.CreateUserIdAsync(app, "sam@quiz.local", Roles.Student, "Sam Student");
        var algebra = await app.Services.GetRequiredService<ClassService>().CreateAsync(alice, "Algebra");
        var typed = " " + JoinCodes.Display(algebra.JoinCode).ToLowerInvariant() + " ";

        var result = await app.Services.GetRequiredService<EnrollmentService>().JoinAsync(sam, typed);

        Assert.Equal(JoinOutcome.Joined, result.Outcome);
        Assert.Equal(algebra.Id, result.ClassId);
        var details = await app.Services.GetRequiredService<ClassService>().GetAsync(alice, algebra.Id);
        Assert.Equal(["Sam Student"], details!.Students.Select(s => s.DisplayName));
    }

    [Theory, AllDatabaseProviders]
    public async Task JoiningTwiceLeavesOneEnrolment(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        var alice = await TestUsers.CreateUserIdAsync(app, "alice@quiz.local", Roles.Instructor);
        var sam = await TestUsers.CreateUserIdAsync(app, "sam@quiz.local", Roles.Student);
        var algebra = await app.Services.GetRequiredService<ClassService>().CreateAsync(alice, "Algebra");
        var enrollment = app.Services.GetRequiredService<EnrollmentService>();

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => enrollment.JoinAsync(sam, algebra.JoinCode)));
        var again = await enrollment.JoinAsync(sam, algebra.JoinCode);

        Assert.All(results, r => Assert.True(r.Enrolled));
        Assert.Equal(JoinOutcome.AlreadyEnrolled, again.Outcome);
        await using var db = app.Services.CreateDbContext();
        Assert.Equal(1, await db.Enrollments.CountAsync(e => e.StudentId == sam));
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres, "ZZZZ-ZZZZ", "No class has the join code \"ZZZZ-ZZZZ\". Check the code with your instructor.")]
    [InlineData(DatabaseProvider.Sqlite, "ZZZZ-ZZZZ", "No class has the join code \"ZZZZ-ZZZZ\". Check the code with your instructor.")]
    // Nothing typed: not 'No class has the join code "".'
    [InlineData(DatabaseProvider.Postgres, "   ", "Type the join code your instructor gave you.")]
    [InlineData(DatabaseProvider.Sqlite, "", "Type the join code your instructor gave you.")]
    public async Task UnknownCodeIsRefusedWithAMessageAndEnrolsNobody(DatabaseProvider provider, string code, string message)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        var alice = await TestUsers.CreateUserIdAsync(app, "alice@quiz.local", Roles.Instructor);
        var sam = await TestUsers.CreateUserIdAsync(app, "sam@quiz.local", Roles.Student);
        await app.Services.GetRequiredService<ClassService>().CreateAsync(alice, "Algebra");

        var result = await app.Services.GetRequiredService<EnrollmentService>().JoinAsync(sam, code);

        Assert.Equal(JoinOutcome.UnknownCode, result.Outcome);
        Assert.Equal(message, result.Message);
        await using var db = app.Services.CreateDbContext();
        Assert.False(await db.Enrollments.AnyAsync());
    }

    [Theory, AllDatabaseProviders]
    public async Task InstructorCannotEnrolAsAStudent(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        var alice = await TestUsers.CreateUserIdAsync(app, "alice@quiz.local", Roles.Instructor);
        var bob = await TestUsers.CreateUserIdAsync(app, "bob@quiz.local", Roles.Instructor);
        var algebra = await app.Services.GetRequiredService<ClassService>().CreateAsync(alice, "Algebra");

        var result = await app.Services.GetRequiredService<EnrollmentService>().JoinAsync(bob, algebra.JoinCode);

        Assert.Equal(JoinOutcome.NotAStudent, result.Outcome);
    }
}
