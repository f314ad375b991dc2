using System.Globalization;
using QuizPlatform.Web.Features.Instances;

namespace QuizPlatform.Web.Features.QuizResults;

/// <summary>
/// Carries <see cref="QuizActivity"/> marks to the followers once a second at most, as one message to every app
/// instance (<c>quiz_activity: '3,17'</c>), so a second instance behind a load balancer sees the same live counts. On
/// SQLite, or while the database is away, this instance's followers hear of it straight away; the others catch up on
/// their next change.
/// </summary>
public sealed class QuizActivityRelay(QuizActivity activity, InstanceMessages messages) : BackgroundService
{
    static readonly TimeSpan Cadence = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Cadence);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var changed = activity.TakeChanged();
                if (changed.Count == 0)
                    continue;
                var payload = string.Join(',', changed.Select(id => id.ToString(CultureInfo.InvariantCulture)));
                if (!await messages.SendAsync(QuizActivity.Channel, payload, stoppingToken))
                    activity.Received(payload);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
