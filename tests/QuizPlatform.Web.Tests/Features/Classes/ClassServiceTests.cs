using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Web.Features.Classes;
using QuizPlatform.Web.Tests.Infrastructure;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;
using QuizPlatform.Web.Tests.Support;

namespace QuizPlatform.Web.Tests.Features.Classes;

public sealed class ClassServiceTests
{
    [Theory, AllDatabaseProviders]
    public async Task InstructorListsOnlyTheirOwnClassesWhileAdminSeesAll(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        var classes = app.Services.GetRequiredService<ClassService>();
        var alice = await TestUsers.CreateUserIdAsync(app, "alice@quiz.local", Roles.Instructor);
        var bob = await TestUsers.CreateUserIdAsync(app, "bob@quiz.local", Roles.Instructor);
        var admin = await TestUsers.CreateUserIdAsync(app, "boss@quiz.local", Roles.Admin);
        await classes.CreateAsync(alice, "Algebra");
        await classes.CreateAsync(bob, "Biology");

        Assert.Equal(["Algebra"], (await classes.ListAsync(alice)).Select(c => c.Name));
        Assert.Equal(["Biology"], (await classes.ListAsync(bob)).Select(c => c.Name));
        Assert.Equal(["Algebra", "Biology"], (await classes.ListAsync(admin)).Select(c => c.Name));
    }

    [Theory, AllDatabaseProviders]
    public async Task NewClassesGetDistinctCodesFromTheUnambiguousAlphabet(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        var classes = app.Services.GetRequiredService<ClassService>();
        var alice = await TestUsers.CreateUserIdAsync(app, "alice@quiz.local", Roles.Instructor);

        var codes = new List<string>();
        for (var i = 0; i < 20; i++)
            codes.Add((await classes.CreateAsync(alice, $"Section {i}")).JoinCode);

        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, code =>
        {
            Assert.Equal(JoinCodes.Length, code.Length);
            Assert.All(code, c => Assert.Contains(c, JoinCodes.Alphabet));
        });
        Assert.DoesNotContain(JoinCodes.Alphabet, c => c is '0' or 'O' or '1' or 'I' or 'L');
    }

    [Theory, AllDatabaseProviders]
    public async Task AnotherInstructorsClassIsMissingWhenGuessedById(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        var classes = app.Services.GetRequiredService<ClassService>();
        var alice = await TestUsers.CreateUserIdAsync(app, "alice@quiz.local", Roles.Instructor);
        var bob = await TestUsers.CreateUserIdAsync(app, "bob@quiz.local", Roles.Instructor);
        var admin = await TestUsers.CreateUserIdAsync(app, "boss@quiz.local", Roles.Admin);
        var algebra = await classes.CreateAsync(alice, "Algebra");

        Assert.Null(await classes.GetAsync(bob, algebra.Id));
        Assert.Equal("Algebra", (await classes.GetAsync(alice, algebra.Id))?.Name);
        Assert.Equal("Algebra", (await classes.GetAsync(admin, algebra.Id))?.Name);
    }

    [Theory, AllDatabaseProviders]
    public async Task StudentCannotListOrCreateClasses(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        var classes = app.Services.GetRequiredService<ClassService>();
        var student = await TestUsers.CreateUserIdAsync(app, "sam@quiz.local", Roles.Student);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => classes.ListAsync(student));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => classes.CreateAsync(student, "Mine"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres, "  ")]
    [InlineData(DatabaseProvider.Sqlite, "  ")]
    [InlineData(DatabaseProvider.Postgres, 201)]
    [InlineData(DatabaseProvider.Sqlite, 201)]
    public async Task ClassNameMustBeGivenAndFitTheColumn(DatabaseProvider provider, object name)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        var classes = app.Services.GetRequiredService<ClassService>();
        var alice = await TestUsers.CreateUserIdAsync(app, "alice@quiz.local", Roles.Instructor);

        await Assert.ThrowsAsync<ArgumentException>(() => classes.CreateAsync(alice, name as string ?? new string('x', (int)name)));
        Assert.Empty(await classes.ListAsync(alice));
    }
}
