using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Accounts;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Accounts;

public sealed partial class FirstRunAdminTests
{
    [Theory, AllDatabaseProviders]
    public async Task GeneratedPasswordIsPrintedOnceAndSignsInToChooseAnother(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateEmptyAsync(provider);
        var logs = new LogCollector();
        await using var factory = new QuizAppFactory(database);
        var app = factory.WithLogs(logs);

        _ = app.Services; // starts the app

        var line = Assert.Single(logs.Messages, m => m.StartsWith("First-run admin:"));
        var password = PrintedPassword().Match(line).Groups["password"].Value;
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = await users.FindByEmailAsync("admin@quiz.local");
        Assert.NotNull(admin);
        Assert.True(await users.CheckPasswordAsync(admin, password));
        Assert.True(await users.IsInRoleAsync(admin, Roles.Admin));

        using var client = app.CreateNonRedirectingClient();
        using var signIn = await client.SignInAsync("admin@quiz.local", password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        using var assignments = await client.GetAsync("/assignments");
        // The password is in the console and the log: it opens no page until the admin has chosen their own.
        Assert.Equal(PasswordChange.PagePath, assignments.Headers.Location?.OriginalString);
        using var changed = await client.SubmitFormAsync(PasswordChange.PagePath,
            ("Input.OldPassword", password), ("Input.NewPassword", "Head-Teacher-Own-1"), ("Input.ConfirmPassword", "Head-Teacher-Own-1"));
        using var assignmentsAfter = await client.GetAsync("/assignments");
        Assert.Equal(HttpStatusCode.OK, assignmentsAfter.StatusCode);
    }

    [Theory, AllDatabaseProviders]
    public async Task TheFirstStartOnAnEmptyDatabaseLogsNoError(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateEmptyAsync(provider);
        var logs = new LogCollector();
        await using var factory = new QuizAppFactory(database);
        var app = factory.WithLogs(logs);

        _ = app.Services; // starts the app: migrations, first-run admin, seeding
        using var client = app.CreateNonRedirectingClient();
        using var signIn = await client.GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Empty(logs.Errors);
    }

    [Theory, AllDatabaseProviders]
    public async Task ConfiguredPasswordIsUsedAndNeverPrinted(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateEmptyAsync(provider);
        var logs = new LogCollector();
        await using var factory = new QuizAppFactory(database, new Dictionary<string, string?>
        {
            ["Bootstrap:AdminEmail"] = "head@school.example",
            ["Bootstrap:AdminPassword"] = "Correct-Horse-9",
        });
        var app = factory.WithLogs(logs);

        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = await users.FindByEmailAsync("head@school.example");

        Assert.NotNull(admin);
        Assert.True(await users.CheckPasswordAsync(admin, "Correct-Horse-9"));
        Assert.True(await users.IsInRoleAsync(admin, Roles.Admin));
        Assert.DoesNotContain(logs.Messages, m => m.Contains("Correct-Horse-9"));
    }

    [Theory, AllDatabaseProviders]
    public async Task SecondStartCreatesNoOtherAdmin(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateEmptyAsync(provider);
        await using (var first = new QuizAppFactory(database))
            _ = first.Services;
        var logs = new LogCollector();
        await using var factory = new QuizAppFactory(database);
        var second = factory.WithLogs(logs);

        using var scope = second.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        Assert.Single(await users.GetUsersInRoleAsync(Roles.Admin));
        Assert.DoesNotContain(logs.Messages, m => m.StartsWith("First-run admin:"));
    }

    [GeneratedRegex(@"^First-run admin: admin@quiz\.local / (?<password>\S+) \(a one-time password: you choose your own at first sign-in\)$")]
    private static partial Regex PrintedPassword();
}
