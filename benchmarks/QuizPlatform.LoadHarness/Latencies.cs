using System.Collections.Concurrent;
using System.Diagnostics;

namespace QuizPlatform.LoadHarness;

/// <summary>Latencies of many concurrent calls, in milliseconds, and the percentiles the report quotes.</summary>
public sealed class Latencies
{
    readonly ConcurrentQueue<double> milliseconds = new();

    public int Count => milliseconds.Count;

    /// <summary>Runs <paramref name="call"/> and records how long it took, queueing for a connection included.</summary>
    public async Task<T> TimeAsync<T>(Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await call();
        milliseconds.Enqueue(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    /// <summary>Records a time measured by the caller.</summary>
    public void Add(TimeSpan elapsed) => milliseconds.Enqueue(elapsed.TotalMilliseconds);

    /// <summary>The nearest-rank percentile <paramref name="p"/> (0.95 for p95), in milliseconds; NaN without calls.</summary>
    public double At(double p)
    {
        var sorted = milliseconds.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public string Summary() => Count == 0 ? "no calls"
        : $"p50 {At(0.50),7:F1} ms   p95 {At(0.95),7:F1} ms   p99 {At(0.99),7:F1} ms   max {At(1),7:F1} ms   (n = {Count:N0})";
}

/// <summary>
/// CPU seconds spent by this process and by one PostgreSQL server (the postmaster <paramref name="postmasterPid"/>
/// and its children: other helpers' clusters on the machine are not counted), read from /proc.
/// </summary>
public readonly record struct CpuTime(double Harness, double Postgres)
{
    public static CpuTime Now(int? postmasterPid)
    {
        const double ticksPerSecond = 100; // USER_HZ on Linux
        double postgres = 0;
        foreach (var dir in postmasterPid is null ? [] : Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (!int.TryParse(Path.GetFileName(dir), out var pid))
                    continue;
                // After the command's closing parenthesis: state, ppid, ... utime and stime are the 12th and 13th.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (pid == postmasterPid || fields[1] == postmasterPid.ToString())
                    postgres += (double.Parse(fields[11]) + double.Parse(fields[12])) / ticksPerSecond;
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }
        return new(Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, postgres);
    }

    public static CpuTime operator -(CpuTime a, CpuTime b) => new(a.Harness - b.Harness, a.Postgres - b.Postgres);

    public override string ToString() => $"CPU: harness {Harness:F1} s, PostgreSQL {Postgres:F1} s";
}
