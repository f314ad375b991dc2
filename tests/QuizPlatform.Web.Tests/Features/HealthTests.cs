using System.Net;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;

namespace QuizPlatform.Web.Tests.Features;

/// <summary>
/// docker-compose and load balancers decide whether the app is up from /health, and whether to send it students from
/// /health/ready. Anyone may ask, so the answer is one word, never a failing check's error.
/// </summary>
public sealed class HealthTests
{
    [Theory, AllDatabaseProviders]
    public async Task HealthyAndReadyWhenTheDatabaseAnswers(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        using var client = app.CreateClient();

        await AssertAnswerAsync(client, "/health", HttpStatusCode.OK, "Healthy");
        await AssertAnswerAsync(client, "/health/ready", HttpStatusCode.OK, "Healthy");
    }

    [Fact]
    public async Task UnhealthyWhenTheDatabaseIsGone()
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var app = new QuizAppFactory(database);
        using var client = app.CreateClient();
        await database.DisposeAsync();

        await AssertAnswerAsync(client, "/health", HttpStatusCode.ServiceUnavailable, "Unhealthy");
        await AssertAnswerAsync(client, "/health/ready", HttpStatusCode.ServiceUnavailable, "Unhealthy");
    }

    [Fact]
    public async Task LiveButNotReadyOnAnOlderSchema()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new QuizAppFactory(database);
        using var client = app.CreateClient();
        await using (var db = app.Services.CreateDbContext())
            await db.Database.ExecuteSqlRawAsync("""
                DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = (SELECT MAX("MigrationId") FROM "__EFMigrationsHistory")
                """);

        await AssertAnswerAsync(client, "/health", HttpStatusCode.OK, "Healthy");
        await AssertAnswerAsync(client, "/health/ready", HttpStatusCode.ServiceUnavailable, "Unhealthy");
    }

    static async Task AssertAnswerAsync(HttpClient client, string path, HttpStatusCode status, string body)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
    }
}
