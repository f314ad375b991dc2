using System.Globalization;
using Microsoft.Extensions.Options;
using Npgsql;
using QuizPlatform.Data;

namespace QuizPlatform.Web.Features.QuizResults;

/// <summary>
/// Carries <see cref="QuizActivity"/> marks to the followers: on SQLite (one process) straight to this instance's
/// followers; on PostgreSQL as one <c>NOTIFY quiz_activity, '3,17'</c> a second at most, which every instance LISTENs
/// to (this one included), so a second app instance behind a load balancer sees the same live counts. A LISTEN
/// belongs to one server session, which a pooler in transaction mode (PgBouncer) hands to other clients: with one in
/// front of the database, <c>ConnectionStrings:QuizListen</c> names a direct (or session-pooled) route for the
/// listening connection alone; NOTIFY is an ordinary statement and goes the usual way.
/// </summary>
public sealed class QuizActivityRelay(QuizActivity activity, IOptions<DatabaseOptions> database, IConfiguration configuration,
    ILogger<QuizActivityRelay> logger) : BackgroundService
{
    public const string Channel = "quiz_activity";
    public const string ListenConnectionStringName = "QuizListen";
    static readonly TimeSpan Cadence = TimeSpan.FromSeconds(1), RetryAfter = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var connectionString = configuration.GetConnectionString(QuizDataServiceCollectionExtensions.ConnectionStringName);
        var onPostgres = database.Value.Provider == DatabaseProvider.Postgres && !string.IsNullOrWhiteSpace(connectionString);
        try
        {
            if (onPostgres)
                await Task.WhenAll(
                    ListenAsync(configuration.GetConnectionString(ListenConnectionStringName) is { Length: > 0 } direct ? direct : connectionString!, stoppingToken),
                    NotifyAsync(connectionString!, stoppingToken));
            else
                await DispatchLocallyAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    async Task DispatchLocallyAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Cadence);
        while (await timer.WaitForNextTickAsync(stoppingToken))
            foreach (var quizId in activity.TakeChanged())
                activity.Dispatch(quizId);
    }

    async Task NotifyAsync(string connectionString, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Cadence);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var changed = activity.TakeChanged();
            if (changed.Count == 0)
                continue;
            var payload = string.Join(',', changed.Select(id => id.ToString(CultureInfo.InvariantCulture)));
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
                notify.Parameters.AddWithValue("channel", Channel);
                notify.Parameters.AddWithValue("payload", payload);
                await notify.ExecuteNonQueryAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database is away: this instance's pages still hear of it; the others catch up on their next change.
                logger.LogWarning(e, "Could not notify other instances of activity in quizzes {QuizIds}.", payload);
                changed.ToList().ForEach(activity.Dispatch);
            }
        }
    }

    async Task ListenAsync(string connectionString, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) =>
                {
                    foreach (var part in e.Payload.Split(','))
                        if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var quizId))
                            activity.Dispatch(quizId);
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                while (!stoppingToken.IsCancellationRequested)
                    await connection.WaitAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Listening for quiz activity failed; trying again in {Delay}.", RetryAfter);
                await Task.Delay(RetryAfter, stoppingToken);
            }
        }
    }
}
