using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace QuizPlatform.LoadHarness;

/// <summary>
/// Another .NET process's managed heap after a full, blocking GC, read over EventPipe without touching its code: a
/// session with the runtime's GCHeapCollect keyword makes it collect every generation at once (what dotnet-gcdump
/// does before walking the heap), and the GCHeapStats event that ends that collection gives each generation's size.
/// </summary>
public static class ManagedHeap
{
    const string RuntimeProvider = "Microsoft-Windows-DotNETRuntime";

    /// <summary>Bytes in gen0, gen1, gen2, the large and the pinned object heaps right after a forced full GC.</summary>
    public static async Task<long> AfterFullGcAsync(int processId, CancellationToken cancellationToken = default)
    {
        var client = new DiagnosticsClient(processId);
        var keywords = (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect);
        using var session = await client.StartEventPipeSessionAsync(
            [new EventPipeProvider(RuntimeProvider, EventLevel.Informational, keywords)], requestRundown: false, token: cancellationToken);
        using var source = new EventPipeEventSource(session.EventStream);
        var result = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var fullGcStarted = false;
        source.Clr.GCStart += e => fullGcStarted |= e.Depth == 2;
        source.Clr.GCHeapStats += e =>
        {
            if (fullGcStarted)
                result.TrySetResult(e.GenerationSize0 + e.GenerationSize1 + e.GenerationSize2 + e.GenerationSize3 + e.GenerationSize4);
        };
        var processing = Task.Run(source.Process, cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            return await result.Task.WaitAsync(timeout.Token);
        }
        finally
        {
            await session.StopAsync(CancellationToken.None);
            await processing.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>The smaller of two readings a moment apart: what the first collection freed late (finalizers) the second shows.</summary>
    public static async Task<long> SettledAsync(int processId, CancellationToken cancellationToken = default)
    {
        var first = await AfterFullGcAsync(processId, cancellationToken);
        var second = await AfterFullGcAsync(processId, cancellationToken);
        return Math.Min(first, second);
    }
}
