using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using QuizPlatform.Data;
using QuizPlatform.Web.Features.Accounts;
using QuizPlatform.Web.Features.Audit;
using QuizPlatform.Web.Features.Classes;
using QuizPlatform.Web.Features.Rosters;
using QuizPlatform.Web.Features.Users;
using QuizPlatform.Web.Tests.Features.Users;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Rosters;

/// <summary>Accounts and enrolments made by admins carry the app's clock, not the machine's.</summary>
public sealed class RosterClockTests
{
    private static readonly DateTime Then = new(2027, 9, 1, 8, 30, 0, DateTimeKind.Utc);

    [Theory, AllDatabaseProviders]
    public async Task RosterStampsNewStudentsAndEnrolmentsWithTheAppClock(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        var admin = await UserAdminTests.AdminIdAsync(app);
        var clock = new FakeTimeProvider(Then);
        var classes = new ClassService(app.Services.GetRequiredService<IDbContextFactory<QuizDbContext>>(), clock,
            app.Services.GetRequiredService<AuditLog>());
        var created = await classes.CreateAsync(admin, "CNN 101");
        app.Clock.SetUtcNow(Then);
        var rosters = app.Services.GetRequiredService<RosterService>();

        var (applied, _, _) = await rosters.ApplyAsync(admin, """
            email,name,class
            new@school.example,New Student,CNN 101
            """);

        Assert.True(applied);
        var details = await classes.GetAsync(admin, created.Id);
        Assert.Equal(Then, details!.CreatedAt);
        Assert.Equal(Then, Assert.Single(details.Students).EnrolledAt);
        var users = app.Services.GetRequiredService<UserAdminService>();
        var page = await users.ListAsync(admin, "new@school.example");
        Assert.Equal(Then, Assert.Single(page.Rows).CreatedAt);
    }

    [Theory, AllDatabaseProviders]
    public async Task AdminCreatedAccountIsStampedWithTheAppClock(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        var admin = await UserAdminTests.AdminIdAsync(app);
        var users = new UserAdminService(app.Services.GetRequiredService<IServiceScopeFactory>(),
            app.Services.GetRequiredService<IDbContextFactory<QuizDbContext>>(), new FakeTimeProvider(Then),
            app.Services.GetRequiredService<AuditLog>(), app.Services.GetRequiredService<AccountSessions>());

        var change = await users.CreateAsync(admin, "teacher@school.example", "Ms Teacher", [Roles.Instructor]);

        Assert.True(change.Succeeded);
        Assert.Equal(Then, (await users.GetAsync(admin, change.UserId!))!.CreatedAt);
    }
}
