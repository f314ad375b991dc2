using Microsoft.Extensions.Logging;

namespace QuizPlatform.Cli;

/// <summary>
/// Sends log messages (the seeding service's diagnostics, migrations applied) to the CLI's error stream, so they
/// reach the user without mixing into JSON on standard output, and tests running in-process can read them.
/// </summary>
public sealed class TextWriterLoggerProvider(TextWriter writer) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new TextWriterLogger(writer);

    public void Dispose() { }

    private sealed class TextWriterLogger(TextWriter writer) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var level = logLevel switch
            {
                LogLevel.Critical or LogLevel.Error => "error",
                LogLevel.Warning => "warning",
                _ => "info",
            };
            lock (writer)
            {
                writer.WriteLine($"{level}: {formatter(state, exception)}");
                if (exception is not null && logLevel >= LogLevel.Error)
                    writer.WriteLine(exception.Message);
            }
        }
    }
}
