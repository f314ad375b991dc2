using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Identity;

namespace QuizPlatform.Benchmarks;

/// <summary>
/// What one sign-in costs the server: Identity's password check at the strength the app uses (its defaults: PBKDF2
/// with HMAC-SHA512, 100,000 iterations), single-threaded. See docs/architecture.md, "Sign-in at exam time".
/// </summary>
public class PasswordHashingBenchmarks
{
    private readonly PasswordHasher<object> hasher = new();
    private readonly object user = new();
    private string hash = "";

    [GlobalSetup]
    public void Setup() => hash = hasher.HashPassword(user, "Exam-morning-Pa55word");

    [Benchmark(Description = "Verify one password (a sign-in)")]
    public PasswordVerificationResult Verify() => hasher.VerifyHashedPassword(user, hash, "Exam-morning-Pa55word");

    /// <summary>
    /// CPU time per verification over <paramref name="count"/> of them on one thread: what a sign-in costs in
    /// core-seconds, which a busy machine stretches in wall time but not in CPU time.
    /// </summary>
    public static void ReportCpu(int count)
    {
        var benchmark = new PasswordHashingBenchmarks();
        benchmark.Setup();
        benchmark.Verify(); // warm-up
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
            benchmark.Verify();
        var perVerify = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / count;
        Console.WriteLine($"{count} verifications: {perVerify:F1} ms CPU each ({1000 / perVerify:F1} per core-second), " +
            $"{wall.Elapsed.TotalMilliseconds / count:F1} ms wall each; load average {File.ReadAllText("/proc/loadavg")[..14]}");
    }
}
