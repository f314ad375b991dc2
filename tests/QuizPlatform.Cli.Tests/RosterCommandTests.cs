using CsvHelper;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Data.Passwords;
using QuizPlatform.Data.Startup;
using QuizPlatform.Web.Tests.Infrastructure;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Cli.Tests;

public sealed class RosterCommandTests
{
    private const string AnnsPassword = "Exam-Room-Seat-0417";

    /// <summary>The instructor teacher@school.example, the student stu@school.example and, when asked, the class CNN 101.</summary>
    private static Task<int> ArrangeAsync(DatabaseCli quiz, bool withClass) => quiz.WithServicesAsync(async services =>
    {
        await services.GetRequiredService<IdentityBootstrapper>().EnsureRolesAsync();
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var teacher = new ApplicationUser { UserName = "teacher@school.example", Email = "teacher@school.example", DisplayName = "Teacher" };
        var student = new ApplicationUser { UserName = "stu@school.example", Email = "stu@school.example", DisplayName = "Stu" };
        Assert.True((await users.CreateAsync(teacher)).Succeeded && (await users.AddToRoleAsync(teacher, Roles.Instructor)).Succeeded);
        Assert.True((await users.CreateAsync(student)).Succeeded && (await users.AddToRoleAsync(student, Roles.Student)).Succeeded);
        if (withClass)
        {
            var db = services.GetRequiredService<QuizDbContext>();
            db.Classes.Add(new Class { Name = "CNN 101", JoinCode = "J-CNN", InstructorId = teacher.Id });
            await db.SaveChangesAsync();
        }
        return 0;
    });

    [Theory, AllDatabaseProviders]
    public async Task CreatesTheClassAndStudentsWithTheFilesPasswordsThenChangesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var quiz = new DatabaseCli(database);
        await ArrangeAsync(quiz, withClass: false);
        using var files = new TempDirectory();
        var roster = files.WriteFile("roster.csv", $"email,name,password\nann@school.example,Ann Lee,{AnnsPassword}\nstu@school.example,Stu,\n");
        string[] import = ["roster", "import", roster, "--class", "CNN 101", "--instructor", "teacher@school.example"];

        var first = await quiz.RunAsync(import);
        var second = await quiz.RunAsync(import);

        Assert.True(first.ExitCode == ExitCodes.Success, first.Stderr);
        Assert.Matches(@"roster\.csv: applied: 1 student created, 2 enrolments added, 0 already enrolled, 1 class created\.", first.Stdout);
        Assert.DoesNotContain(AnnsPassword, first.Stdout + first.Stderr);
        Assert.True(second.ExitCode == ExitCodes.Success, second.Stderr);
        Assert.Matches(@"roster\.csv: unchanged: every student of its 2 line\(s\) is already enrolled", second.Stdout);
        await quiz.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var ann = await users.FindByEmailAsync("ann@school.example");
            Assert.True(await users.CheckPasswordAsync(ann!, AnnsPassword));
            Assert.True(await users.IsInRoleAsync(ann!, Roles.Student));
            Assert.Empty(await users.GetClaimsAsync(ann!)); // the admin chose it: no change forced at first sign-in
            var db = services.GetRequiredService<QuizDbContext>();
            Assert.Equal(["ann@school.example", "stu@school.example"],
                await db.Enrollments.Where(e => e.Class.Name == "CNN 101").Select(e => e.Student.Email!).OrderBy(e => e).ToListAsync());
            Assert.Equal("Teacher", await db.Classes.Where(c => c.Name == "CNN 101").Select(c => c.Instructor.DisplayName).SingleAsync());
            Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.RosterImported));
            return 0;
        });
    }

    [Fact]
    public async Task BadLinesAreReportedWithTheirLineNumbersAndNothingIsImported()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var quiz = new DatabaseCli(database);
        await ArrangeAsync(quiz, withClass: true);
        using var files = new TempDirectory();
        var roster = files.WriteFile("roster.csv", $"""
            email,name,class,password
            ann@school.example,Ann Lee,CNN 101,{AnnsPassword}
            not-an-email,Someone,CNN 101,
            bob@school.example,Bob Ray,CNN 101,Short1
            cy@school.example,Cy,Physics,
            """);

        var run = await quiz.RunAsync(["roster", "import", roster]);
        var notAnInstructor = await quiz.RunAsync(["roster", "import", roster, "--instructor", "stu@school.example"]);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Matches(@"roster\.csv:3: error: ""not-an-email"" is not an email address\.", run.Stderr);
        Assert.Matches(@"roster\.csv:4: error: The password is refused: .+", run.Stderr);
        Assert.Matches(@"roster\.csv:5: error: There is no class named ""Physics"": create it with --instructor EMAIL \(its teacher\), or correct the line\.", run.Stderr);
        Assert.DoesNotContain("roster.csv:2:", run.Stderr);
        Assert.DoesNotContain("Short1", run.Stdout + run.Stderr);
        Assert.Matches(@"roster\.csv: 3 line\(s\) with errors; nothing was imported\.", run.Stdout);
        Assert.Equal(ExitCodes.Failed, notAnInstructor.ExitCode);
        Assert.Contains("no active instructor has the email stu@school.example", notAnInstructor.Stderr);
        Assert.Equal((2, 1), await quiz.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<QuizDbContext>();
            return (await db.Users.CountAsync(), await db.Classes.CountAsync());
        }));
    }

    [Fact]
    public async Task GeneratedPasswordsGoToAFileOnlyItsOwnerReadsWhichIsNeverOverwritten()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var quiz = new DatabaseCli(database);
        await ArrangeAsync(quiz, withClass: true);
        using var files = new TempDirectory();
        var passwords = Path.Combine(files.Path, "passwords.csv");

        var run = await quiz.RunAsync(["roster", "import", files.WriteFile("a.csv", "email,name,class\nann@school.example,Ann Lee,CNN 101\n"),
            "--passwords", passwords]);
        var written = await File.ReadAllTextAsync(passwords);
        var again = await quiz.RunAsync(["roster", "import", files.WriteFile("b.csv", "email,name,class\ncy@school.example,Cy,CNN 101\n"),
            "--passwords", passwords]);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(passwords));
        using var reader = CsvReader.FromText(written);
        Assert.True(reader.Read());
        Assert.Equal(("ann@school.example", "Ann Lee", "CNN 101"), (reader.GetString("email"), reader.GetString("name"), reader.GetString("class")));
        var password = reader.GetString("one-time password");
        Assert.False(reader.Read());
        Assert.DoesNotContain(password, run.Stdout + run.Stderr);
        Assert.Equal(ExitCodes.Usage, again.ExitCode);
        Assert.Contains("exists", again.Stderr);
        Assert.Equal(written, await File.ReadAllTextAsync(passwords));
        await quiz.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var ann = await users.FindByEmailAsync("ann@school.example");
            Assert.True(await users.CheckPasswordAsync(ann!, password));
            Assert.Contains(await users.GetClaimsAsync(ann!), c => c.Type == RequiredPasswordChange.Claim);
            Assert.Null(await users.FindByEmailAsync("cy@school.example"));
            return 0;
        });
    }
}
