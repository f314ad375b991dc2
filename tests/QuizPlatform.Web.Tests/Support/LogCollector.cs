using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace QuizPlatform.Web.Tests.Support;

/// <summary>Keeps every log message an app writes, formatted, so tests can assert what an operator would read.</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _messages = new();
    private readonly ConcurrentQueue<string> _errors = new();

    public IReadOnlyList<string> Messages => [.. _messages];

    /// <summary>The messages logged as errors or worse, each after its category.</summary>
    public IReadOnlyList<string> Errors => [.. _errors];

    public ILogger CreateLogger(string categoryName) => new Collector(categoryName, _messages, _errors);

    public void Dispose()
    {
    }

    private sealed class Collector(string category, ConcurrentQueue<string> messages, ConcurrentQueue<string> errors) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            messages.Enqueue(formatter(state, exception));
            if (logLevel >= LogLevel.Error)
                errors.Enqueue($"{category}: {formatter(state, exception)} {exception?.Message}");
        }
    }
}

public static class LogCollectorExtensions
{
    /// <summary>The same app, also logging into <paramref name="logs"/> (disposed with the original factory).</summary>
    public static WebApplicationFactory<Program> WithLogs(this WebApplicationFactory<Program> app, LogCollector logs) =>
        app.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(logs)));
}
