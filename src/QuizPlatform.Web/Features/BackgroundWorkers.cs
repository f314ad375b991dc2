namespace QuizPlatform.Web.Features;

/// <summary>
/// The workers that hand in and grade attempts without a request. <c>Attempts:BackgroundWorkers=false</c> leaves that
/// work to whoever calls the services, for tests that step through it themselves.
/// </summary>
public static class BackgroundWorkers
{
    public const string Setting = "Attempts:BackgroundWorkers";

    public static IServiceCollection AddBackgroundWorker<T>(this IServiceCollection services) where T : class, IHostedService =>
        services.AddSingleton<IHostedService>(s =>
            s.GetRequiredService<IConfiguration>().GetValue(Setting, true) ? ActivatorUtilities.CreateInstance<T>(s) : new Idle());

    sealed class Idle : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;
    }
}
