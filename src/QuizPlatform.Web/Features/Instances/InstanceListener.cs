using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace QuizPlatform.Web.Features.Instances;

/// <summary>
/// LISTENs on every receiver's channel over one connection (<see cref="InstanceMessages.ListenConnectionStringName"/>)
/// and hands each message to its receiver; reconnects when the database goes away. Nothing to do on SQLite.
/// </summary>
public sealed class InstanceListener(InstanceMessages messages, IEnumerable<IInstanceMessageReceiver> receivers, ILogger<InstanceListener> logger)
    : BackgroundService
{
    static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    readonly Dictionary<string, IInstanceMessageReceiver> byChannel = receivers.ToDictionary(r => r.Channel);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!messages.Shared)
            return;
        await Task.Yield();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
                await ListenAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    async Task ListenAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(messages.ListenConnectionString);
            await connection.OpenAsync(stoppingToken);
            connection.Notification += (_, e) => Receive(e.Channel, e.Payload);
            await using (var listen = new NpgsqlCommand(string.Join("; ", byChannel.Keys.Order().Select(c => $"LISTEN {c}")), connection))
                await listen.ExecuteNonQueryAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
                await connection.WaitAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Listening to the other instances failed; trying again in {Delay}.", RetryAfter);
            await Task.Delay(RetryAfter, stoppingToken);
        }
    }

    void Receive(string channel, string payload)
    {
        try
        {
            if (byChannel.TryGetValue(channel, out var receiver))
                receiver.Received(payload);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "A message on {Channel} failed: {Payload}.", channel, payload);
        }
    }
}

public static class InstancesFeature
{
    /// <summary>
    /// Messages between app instances, once however many features ask; each registers its receivers as
    /// <see cref="IInstanceMessageReceiver"/>.
    /// </summary>
    public static IServiceCollection AddInstancesFeature(this IServiceCollection services)
    {
        services.TryAddSingleton<InstanceMessages>();
        return services.AddHostedService<InstanceListener>();
    }
}
