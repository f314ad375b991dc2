using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace QuizPlatform.E2E.Tests.Infrastructure;

/// <summary>
/// What the browser and the site did during a test, in order: where each page went, what failed to load, what the
/// pages wrote to the console as errors or warnings (Blazor's circuit errors among them), and the site's own warnings
/// and errors. <see cref="Journey"/> writes it to the test's output, which <c>dotnet test</c> prints for a failed test
/// only: a journey that times out in a full run (a page that never became interactive, a click that went nowhere) then
/// says what happened meanwhile, where a rerun alone would pass.
/// </summary>
public sealed class SiteJournal : ILoggerProvider
{
    readonly ConcurrentQueue<string> _entries = new();

    /// <summary>Records the pages of <paramref name="context"/>; call before it opens a page.</summary>
    public void Watch(IBrowserContext context) => context.Page += (_, page) =>
    {
        var name = $"page {page.GetHashCode():x}";
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame)
                Add($"{name} at {frame.Url}");
        };
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
                Add($"{name} console {message.Type}: {message.Text}");
        };
        page.RequestFailed += (_, request) => Add($"{name} {request.Method} {request.Url} failed: {request.Failure}");
        page.Crash += (_, _) => Add($"{name} crashed");
    };

    /// <summary>The entries since the last call, which forgets them.</summary>
    public IReadOnlyList<string> Take()
    {
        var entries = new List<string>();
        while (_entries.TryDequeue(out var entry))
            entries.Add(entry);
        return entries;
    }

    /// <summary>One line each, at most <see cref="MaxEntryLength"/> characters: a failed command's SQL is not what tells.</summary>
    void Add(string entry)
    {
        var line = entry.AsSpan();
        if (line.IndexOfAny('\r', '\n') is var end and >= 0)
            line = line[..end];
        if (line.Length > MaxEntryLength)
            line = $"{line[..MaxEntryLength]}…";
        _entries.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");
    }

    const int MaxEntryLength = 300;

    ILogger ILoggerProvider.CreateLogger(string categoryName) => new SiteLogger(categoryName, this);

    void IDisposable.Dispose()
    {
    }

    sealed class SiteLogger(string category, SiteJournal journal) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                journal.Add($"site {logLevel} {category}: {(exception is null ? "" : $"{exception.GetType().Name}: {exception.Message} ")}{formatter(state, exception)}");
        }
    }
}
