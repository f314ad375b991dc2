using Microsoft.Extensions.Options;
using Npgsql;
using QuizPlatform.Data;

namespace QuizPlatform.Web.Features.Instances;

/// <summary>What hears one channel of <see cref="InstanceMessages"/> on every app instance.</summary>
public interface IInstanceMessageReceiver
{
    string Channel { get; }

    /// <summary>A message sent on <see cref="Channel"/> by any instance, this one included.</summary>
    void Received(string payload);
}

/// <summary>
/// Short messages to every app instance behind the balancer ("quiz 17 changed", "session 3fa… ended"): on PostgreSQL
/// a <c>NOTIFY</c>, which every instance's <see cref="InstanceListener"/> hears, this one's too. On SQLite there is one
/// process and nothing to send: the sender tells its own instance.
/// </summary>
public sealed class InstanceMessages(IOptions<DatabaseOptions> database, IConfiguration configuration, ILogger<InstanceMessages> logger)
{
    /// <summary>
    /// A LISTEN belongs to one server session, which a pooler in transaction mode (PgBouncer) hands to other clients:
    /// with one in front of the database, this names a direct (or session-pooled) route for the listening connection
    /// alone; NOTIFY is an ordinary statement and goes the usual way.
    /// </summary>
    public const string ListenConnectionStringName = "QuizListen";

    readonly string? connectionString = configuration.GetConnectionString(QuizDataServiceCollectionExtensions.ConnectionStringName);

    /// <summary>Whether instances may share the database, so messages go through it.</summary>
    public bool Shared => database.Value.Provider == DatabaseProvider.Postgres && !string.IsNullOrWhiteSpace(connectionString);

    internal string ListenConnectionString =>
        configuration.GetConnectionString(ListenConnectionStringName) is { Length: > 0 } direct ? direct : connectionString!;

    /// <summary>Sends <paramref name="payload"/> to every instance; false when it could not (not shared, or the database is away).</summary>
    public async Task<bool> SendAsync(string channel, string payload, CancellationToken cancellationToken = default)
    {
        if (!Shared)
            return false;
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
            notify.Parameters.AddWithValue("channel", channel);
            notify.Parameters.AddWithValue("payload", payload);
            await notify.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not send {Payload} to the other instances on {Channel}.", payload, channel);
            return false;
        }
    }
}
