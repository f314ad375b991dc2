using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Data.Rosters;
using QuizPlatform.Web.Features.Rosters;
using QuizPlatform.Web.Tests.Features.Accounts;
using QuizPlatform.Web.Tests.Features.Users;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Rosters;

public sealed class RosterTests
{
    /// <summary>An instructor's classes CNN 101 (with enrolled@school.example) and Maths, and a student in neither.</summary>
    internal static async Task<string> ArrangeAsync(WebApplicationFactory<Program> app)
    {
        var teacher = await app.CreateUserAsync("teacher@school.example", Roles.Instructor);
        var enrolled = await app.CreateUserAsync("enrolled@school.example", Roles.Student);
        await app.CreateUserAsync("free@school.example", Roles.Student);
        await app.CreateUserAsync("off@school.example", Roles.Student, active: false);
        await using var db = app.Services.CreateDbContext();
        var cnn = new Class { Name = "CNN 101", JoinCode = "J-CNN", InstructorId = teacher.Id };
        cnn.Enrollments.Add(new Enrollment { StudentId = enrolled.Id });
        db.Classes.AddRange(cnn, new Class { Name = "Maths", JoinCode = "J-MATHS", InstructorId = teacher.Id });
        await db.SaveChangesAsync();
        return await UserAdminTests.AdminIdAsync(app);
    }

    private const string MixedRoster = """
        email,name,class
        enrolled@school.example,Already There,CNN 101
        free@school.example,Free Student,cnn 101
        new@school.example,New Student,CNN 101
        new@school.example,New Student,Maths
        not-an-email,Someone,CNN 101
        other@school.example,Other,Physics
        teacher@school.example,Teacher,Maths
        off@school.example,Off,Maths
        nameless@school.example,,Maths
        free@school.example,Free Student,CNN 101
        """;

    private static async Task<(int Users, int Enrollments)> CountsAsync(WebApplicationFactory<Program> app)
    {
        await using var db = app.Services.CreateDbContext();
        return (await db.Users.CountAsync(), await db.Enrollments.CountAsync());
    }

    [Theory, AllDatabaseProviders]
    public async Task PreviewGivesEachLineItsOutcomeAndChangesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        var admin = await ArrangeAsync(app);
        var before = await CountsAsync(app);

        var preview = await app.Services.GetRequiredService<RosterService>().PreviewAsync(admin, MixedRoster);

        Assert.Equal(
            [
                (2, RosterOutcome.AlreadyEnrolled), (3, RosterOutcome.Enrolled), (4, RosterOutcome.Created), (5, RosterOutcome.Enrolled),
                (6, RosterOutcome.Error), (7, RosterOutcome.Error), (8, RosterOutcome.Error), (9, RosterOutcome.Error),
                (10, RosterOutcome.Error), (11, RosterOutcome.Repeated),
            ],
            preview.Rows.Select(r => (r.Line.Line, r.Outcome)));
        Assert.Equal(
            [
                "\"not-an-email\" is not an email address.", "There is no class named \"Physics\": create it above, or correct the line.",
                "This account exists but is not a student.", "This account is deactivated; reactivate it first.",
                "A new student needs a name.",
            ],
            preview.Rows.Where(r => r.Outcome == RosterOutcome.Error).Select(r => r.Reason));
        Assert.Equal([new MissingClass("Physics", null)], preview.MissingClasses);
        Assert.False(preview.CanApply);
        Assert.Equal(before, await CountsAsync(app));
    }

    [Theory, AllDatabaseProviders]
    public async Task SchoolExportWithRepeatedLinesIsAppliedOncePerStudentAndClass(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        var admin = await ArrangeAsync(app);
        var rosters = app.Services.GetRequiredService<RosterService>();
        // As a school's system exports it: semicolons, its own column order and extra columns, a student listed once
        // per subject group, a student already in another class, and an empty last line.
        const string export = "Class;Student ID;Name;Email;Year group\r\n"
            + "Maths;S1009;Mateo Núñez;mateo.nunez@school.example;9\r\n"
            + "Maths;S1010;Siobhán O'Brien;siobhan.obrien@school.example;9\r\n"
            + "Maths;S1009;Mateo Núñez;mateo.nunez@school.example;9\r\n"
            + "Maths;S0001;Already There;enrolled@school.example;9\r\n"
            + "Maths;S0001;;enrolled@school.example;9\r\n"
            + "\r\n";

        var preview = await rosters.PreviewAsync(admin, export);
        var (applied, plan, passwords) = await rosters.ApplyAsync(admin, export);

        Assert.Equal(
            [
                (2, RosterOutcome.Created, null), (3, RosterOutcome.Created, null), (4, RosterOutcome.Repeated, "Repeats line 2: skipped."),
                (5, RosterOutcome.Enrolled, "Name differs: keeps \"enrolled@school.example\""),
                (6, RosterOutcome.Repeated, "Repeats line 5: skipped."),
            ],
            preview.Rows.Select(r => (r.Line.Line, r.Outcome, r.Note)));
        Assert.Equal("2 students to create, 3 enrolments to add, 0 already enrolled, 0 classes to create, 2 repeated lines skipped, "
            + "0 lines with errors", preview.Summary(applied: false));
        Assert.True(applied, string.Join(" ", plan.Rows.Select(r => r.Reason)));
        Assert.Equal(["mateo.nunez@school.example", "siobhan.obrien@school.example"], passwords.Select(p => p.Email));
        await using var db = app.Services.CreateDbContext();
        Assert.Equal(["Mateo Núñez", "Siobhán O'Brien", "enrolled@school.example"],
            (await db.Enrollments.Where(e => e.Class.Name == "Maths").Select(e => e.Student.DisplayName).ToListAsync()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RepeatedLineWithAnotherNameIsAnError()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        var admin = await ArrangeAsync(app);

        var preview = await app.Services.GetRequiredService<RosterService>().PreviewAsync(admin, """
            email,name,class
            mateo@school.example,Mateo Nunez,Maths
            mateo@school.example,Mateo Núñez,Maths
            """);

        Assert.Equal([null, "Repeats line 2 with another name (\"Mateo Nunez\")."], preview.Rows.Select(r => r.Reason));
        Assert.False(preview.CanApply);
    }

    [Fact]
    public async Task ADeactivatedStudentAlreadyInTheClassDoesNotHoldBackTheRosterUploadedAgain()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        var admin = await ArrangeAsync(app);
        var rosters = app.Services.GetRequiredService<RosterService>();
        const string roster = "email,name,class\nleaver@school.example,Lee Leaver,Maths\n";
        Assert.True((await rosters.ApplyAsync(admin, roster)).Applied);
        await using (var db = app.Services.CreateDbContext())
            await db.Users.Where(u => u.Email == "leaver@school.example").ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false));

        var again = await rosters.ApplyAsync(admin, roster + "new@school.example,New Student,Maths\n");

        Assert.True(again.Applied, string.Join(" ", again.Plan.Rows.Select(r => r.Reason)));
        Assert.Equal([(RosterOutcome.AlreadyEnrolled, "The account is deactivated: it stays so."), (RosterOutcome.Created, null)],
            again.Plan.Rows.Select(r => (r.Outcome, r.Note)));
        // Not in the class yet, a deactivated account is still refused: reactivating is the admin's decision.
        var elsewhere = await rosters.PreviewAsync(admin, "email,name,class\nleaver@school.example,Lee Leaver,CNN 101\n");
        Assert.Equal(["This account is deactivated; reactivate it first."], elsewhere.Rows.Select(r => r.Reason));
    }

    [Theory, AllDatabaseProviders]
    public async Task RosterWithOneBadLineAppliesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        var admin = await ArrangeAsync(app);
        var before = await CountsAsync(app);

        var (applied, _, _) = await app.Services.GetRequiredService<RosterService>().ApplyAsync(admin, """
            email,name,class
            new@school.example,New Student,CNN 101
            free@school.example,Free Student,Physics
            """);

        Assert.False(applied);
        Assert.Equal(before, await CountsAsync(app));
    }

    [Theory, AllDatabaseProviders]
    public async Task GoodRosterCreatesAndEnrolsThenIsAlreadyDone(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        var admin = await ArrangeAsync(app);
        var rosters = app.Services.GetRequiredService<RosterService>();
        const string roster = """
            Class,Email,Name
            CNN 101,enrolled@school.example,Already There
            CNN 101,free@school.example,Free Student
            CNN 101,"new@school.example","New, Student"
            Maths,new@school.example,New Student
            """;

        var (applied, plan, _) = await rosters.ApplyAsync(admin, roster);
        var again = await rosters.PreviewAsync(admin, roster);

        Assert.True(applied);
        Assert.Equal([RosterOutcome.AlreadyEnrolled, RosterOutcome.Enrolled, RosterOutcome.Created, RosterOutcome.Enrolled], plan.Rows.Select(r => r.Outcome));
        Assert.All(again.Rows, r => Assert.Equal(RosterOutcome.AlreadyEnrolled, r.Outcome));
        await using var db = app.Services.CreateDbContext();
        var created = await db.Users.SingleAsync(u => u.Email == "new@school.example");
        Assert.Equal("New, Student", created.DisplayName);
        Assert.True(created.IsActive && created.EmailConfirmed);
        Assert.Equal(["CNN 101", "Maths"], await db.Enrollments.Where(e => e.StudentId == created.Id).Select(e => e.Class.Name).OrderBy(n => n).ToListAsync());
        Assert.Equal(2, await db.Enrollments.CountAsync(e => e.Student.Email == "free@school.example" || e.Student.Email == "enrolled@school.example"));
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True(await users.IsInRoleAsync(created, Roles.Student));
    }

    [Theory, AllDatabaseProviders]
    public async Task OnlyAdminsMayPreviewOrApplyRosters(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        await ArrangeAsync(app);
        var rosters = app.Services.GetRequiredService<RosterService>();
        await using var db = app.Services.CreateDbContext();
        var teacher = await db.Users.SingleAsync(u => u.Email == "teacher@school.example");
        const string roster = "email,name,class\nsneaky@school.example,Sneaky,Maths\n";
        using var client = app.CreateNonRedirectingClient();
        using var _ = await client.SignInAsync("teacher@school.example", TestUsers.Password);

        using var page = await client.GetAsync("/admin/rosters");

        Assert.Equal("/Account/AccessDenied", page.Headers.Location?.AbsolutePath);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => rosters.PreviewAsync(teacher.Id, roster));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => rosters.ApplyAsync(teacher.Id, roster));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => rosters.ApplyAsync("guessed-id", roster));
        Assert.False(await db.Users.AnyAsync(u => u.Email == "sneaky@school.example"));
    }

    [Theory]
    [InlineData("", "The file is empty")]
    [InlineData("email,name\na@b.example,A\n", "missing: class")]
    [InlineData("mail,student,group\na@b.example,A,X\n", "missing: email, name, class")]
    [InlineData("email,name,class\n", "no students")]
    public void UnreadableFilesAreRefusedAsAWhole(string csv, string reason)
    {
        var (lines, error) = RosterCsv.Parse(csv);

        Assert.Empty(lines);
        Assert.Contains(reason, error);
    }

    [Fact]
    public void LinesKeepTheirFileLineNumbersAndTrimmedValues()
    {
        var (lines, error) = RosterCsv.Parse("email , name , class\n\n  a@b.example , \"Ann, B\" , CNN 101 \n");

        Assert.Null(error);
        Assert.Equal(new RosterLine(3, "a@b.example", "Ann, B", "CNN 101"), Assert.Single(lines));
    }

    [Fact]
    public void ADefaultClassFillsLinesThatNameNoneAndPasswordsAreReadWhenGiven()
    {
        var (lines, error) = RosterCsv.Parse("email,name,password\na@b.example,Ann,Chosen-By-Admin-1\nc@d.example,Cy,\n", defaultClass: "CNN 101");

        Assert.Null(error);
        Assert.Equal([("CNN 101", "Chosen-By-Admin-1"), ("CNN 101", null)], lines.Select(l => (l.ClassName, l.Password)));
        Assert.DoesNotContain("Chosen-By-Admin-1", lines[0].ToString());
    }

    [Fact]
    public async Task ThePageRefusesARosterThatGivesPasswords()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        var admin = await ArrangeAsync(app);

        var (applied, plan, _) = await app.Services.GetRequiredService<RosterService>().ApplyAsync(admin,
            "email,name,class,password\nnew@school.example,New Student,CNN 101,Chosen-By-Admin-1\n");

        Assert.False(applied);
        Assert.Contains("Remove the password column", plan.FileError);
        await using var db = app.Services.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "new@school.example"));
    }
}
