using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using QuizPlatform.Web.Features.Instances;
using QuizPlatform.Web.Features.QuizResults;
using QuizPlatform.Web.Features.Taking;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.QuizResults;

/// <summary>What keeps a dashboard live: starts and hand-ins reach a quiz's followers, on PostgreSQL from another app instance too.</summary>
public sealed class QuizActivityTests
{
    const int WithinSeconds = 10;

    [Theory, AllDatabaseProviders]
    public async Task AFollowerHearsOfAStartAndOfAHandIn(DatabaseProvider provider)
    {
        await using var f = await ResultsFixture.CreateAsync(provider);
        var quiz = await f.AddQuizAsync();
        var other = await f.AddQuizAsync();
        var heard = 0;
        var heardOther = 0;
        var activity = f.App.Services.GetRequiredService<QuizActivity>();
        using var following = activity.Follow(quiz, () => Interlocked.Increment(ref heard));
        using var followingOther = activity.Follow(other, () => Interlocked.Increment(ref heardOther));
        var attempts = f.App.Services.GetRequiredService<AttemptService>();

        var started = await attempts.StartAsync(f.Scene.Sam, quiz);
        await HeardAsync(() => heard >= 1, "the start");
        var before = heard;
        await attempts.SubmitAsync(f.Scene.Sam, started.AttemptId!.Value);
        await HeardAsync(() => heard > before, "the hand-in");

        Assert.Equal(0, heardOther);
    }

    [Fact]
    public async Task OnPostgresAChangeOnOneAppInstanceReachesAFollowerOnAnotherListeningOnItsOwnRoute()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var hostA = new QuizAppFactory(database);
        // As behind PgBouncer in transaction mode: B listens over its own route (here named by its application name).
        await using var hostB = new QuizAppFactory(database, new Dictionary<string, string?>
        {
            ["ConnectionStrings:" + InstanceMessages.ListenConnectionStringName] = database.ConnectionString + ";Application Name=quiz-listen",
        });
        var onA = hostA.Services.GetRequiredService<QuizActivity>();
        var heardOnB = 0;
        using var following = hostB.Services.GetRequiredService<QuizActivity>().Follow(42, () => Interlocked.Increment(ref heardOnB));

        // Published again while waiting: B may not be listening yet when A first speaks.
        await HeardAsync(() =>
        {
            onA.Publish(42);
            return heardOnB > 0;
        }, "a change published on host A");
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var listeners = new NpgsqlCommand("SELECT query FROM pg_stat_activity WHERE application_name = 'quiz-listen'", connection);
        // One connection listens to every channel (quiz activity, ended sessions); it shows the last it asked for.
        Assert.StartsWith("LISTEN ", (string?)await listeners.ExecuteScalarAsync());
    }

    static Task HeardAsync(Func<bool> heard, string what) =>
        Eventually.ValueAsync(() => Task.FromResult(heard() ? "heard" : null), what, WithinSeconds);
}
