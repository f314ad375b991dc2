using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using QuizPlatform.Data;

namespace QuizPlatform.Web.Tests.Data;

/// <summary>The pool size, timeouts and statement preparation PostgreSQL is opened with: the app's choice where the operator's string is silent.</summary>
public sealed class PostgresConnectionTests
{
    const string Plain = "Host=db.example;Database=quiz;Username=quiz;Password=secret";

    [Fact]
    public void AppliesThePoolSizeAndTimeoutsTheStringDoesNotSet()
    {
        var opened = new NpgsqlConnectionStringBuilder(PostgresConnection.WithDefaults(Plain, new DatabaseOptions()));

        Assert.Equal((25, 30, 30, 100), (opened.MaxPoolSize, opened.Timeout, opened.CommandTimeout, opened.MaxAutoPrepare));
        Assert.Equal(("db.example", "quiz", "secret"), (opened.Host, opened.Database, opened.Password));
    }

    [Theory]
    [InlineData("Maximum Pool Size=100;Timeout=15;Command Timeout=30;Max Auto Prepare=0")] // Npgsql's own defaults, said out loud
    [InlineData("MaxPoolSize=100;timeout=15;CommandTimeout=30;MaxAutoPrepare=0")]
    [InlineData("maximum pool size=100;TIMEOUT=15;command timeout=30;max auto prepare=0")]
    public void KeepsWhatTheOperatorSetUnderAnySpelling(string settings)
    {
        var opened = new NpgsqlConnectionStringBuilder(PostgresConnection.WithDefaults($"{Plain};{settings}", new DatabaseOptions()));

        Assert.Equal((100, 15, 30, 0), (opened.MaxPoolSize, opened.Timeout, opened.CommandTimeout, opened.MaxAutoPrepare));
    }

    [Fact]
    public void KeepsEachSettingTheOperatorSetAndFillsTheOthers()
    {
        var opened = new NpgsqlConnectionStringBuilder(PostgresConnection.WithDefaults($"{Plain};Timeout=5", new DatabaseOptions()));

        Assert.Equal((25, 5, 30), (opened.MaxPoolSize, opened.Timeout, opened.CommandTimeout));
    }

    [Fact]
    public void TheAppsDatabaseOpensWithTheDatabaseSectionsSettings()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:MaxPoolSize"] = "12",
            ["Database:PoolTimeout"] = "00:00:45",
            ["Database:MaxAutoPrepare"] = "0",
            ["ConnectionStrings:Quiz"] = $"{Plain};Command Timeout=7",
        }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddQuizData()
            .BuildServiceProvider();
        using var db = services.GetRequiredService<IDbContextFactory<QuizDbContext>>().CreateDbContext();

        var opened = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());

        Assert.Equal((12, 45, 7, 0), (opened.MaxPoolSize, opened.Timeout, opened.CommandTimeout, opened.MaxAutoPrepare));
    }
}
