using System.Net;
using QuizPlatform.Web.Tests.Infrastructure;

namespace QuizPlatform.Web.Tests.Features;

/// <summary>docker-compose and load balancers decide whether the app is up from /health.</summary>
public sealed class HealthTests
{
    [Theory, AllDatabaseProviders]
    public async Task HealthyWhenTheDatabaseAnswers(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnhealthyWhenTheDatabaseIsGone()
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var app = new QuizAppFactory(database);
        using var client = app.CreateClient();
        await database.DisposeAsync();

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
