namespace QuizPlatform.LoadHarness.Http;

/// <summary>
/// The app process's memory as the kernel counts it (<c>/proc/PID/status</c>: <c>VmRSS</c> now, <c>VmHWM</c> its peak),
/// sampled every second; the process is found anew at each sample, so a restarted app is followed.
/// </summary>
public sealed class AppMemory(Func<int?> pid)
{
    long peakRssKb, peakHwmKb;
    int samples;

    /// <summary>The process whose id the file holds (the script writes it when it starts the app); none without a file.</summary>
    public static AppMemory FromPidFile(string? path) => new(() =>
        path is not null && File.Exists(path) && int.TryParse(File.ReadAllText(path).Trim(), out var id) ? id : null);

    public IDisposable SampleEverySecond() => new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromSeconds(1));

    public void Sample()
    {
        if (pid() is not { } id)
            return;
        try
        {
            foreach (var line in File.ReadLines($"/proc/{id}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    Max(ref peakRssKb, Kilobytes(line));
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    Max(ref peakHwmKb, Kilobytes(line));
            }
            Interlocked.Increment(ref samples);
        }
        catch (IOException)
        {
            // Between a kill and the restart there is no process to read.
        }
    }

    public override string ToString() => samples == 0 ? "not measured (no app process id given)"
        : $"peak resident {peakRssKb / 1024.0:N0} MB sampled each second, peak VmHWM {peakHwmKb / 1024.0:N0} MB";

    static long Kilobytes(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);

    static void Max(ref long field, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref field)) && Interlocked.CompareExchange(ref field, value, seen) != seen)
        {
        }
    }
}
