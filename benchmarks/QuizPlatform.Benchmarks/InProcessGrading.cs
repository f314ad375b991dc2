using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using QuizPlatform.Grading;

namespace QuizPlatform.Benchmarks;

/// <summary>
/// The load file graded in this process the way <c>quiz grade</c> streams it, one thread, each line's time split
/// into reading and parsing the JSON, finding its compiled key (extracting keywords from the model answer, with
/// the question as only context, the first time a question comes without keywords) and <see cref="Grader.Grade"/>.
/// No output is written: the grading phase alone is the ceiling for the CLI.
/// </summary>
public static class InProcessGrading
{
    private const int WarmUpLines = 2_000;

    public static void Run(string path)
    {
        var grader = new Grader();
        var keys = new Dictionary<(string, bool), GradingKey>();
        var extractor = new KeywordExtractor();
        Pass(File.ReadLines(path).Take(WarmUpLines));

        var cpu = CpuTime();
        var wall = Stopwatch.StartNew();
        var (lines, parse, key, grade, allocated, total) = Pass(File.ReadLines(path));
        var cpuSeconds = (CpuTime() - cpu).TotalSeconds;
        var wallSeconds = wall.Elapsed.TotalSeconds;

        // Per-phase CPU is apportioned by the phases' share of wall time (CPU time cannot be read per line cheaply).
        double Cpu(long ticks) => cpuSeconds * ticks / Stopwatch.Frequency / wallSeconds;
        Console.WriteLine($"lines={lines} keys={keys.Count} mean_score={total / lines:0.###}");
        Console.WriteLine($"wall_seconds={wallSeconds:0.000} cpu_seconds={cpuSeconds:0.000}");
        Console.WriteLine($"parse_seconds={Seconds(parse):0.000} parse_cpu_seconds={Cpu(parse):0.000}");
        Console.WriteLine($"keys_seconds={Seconds(key):0.000} keys_cpu_seconds={Cpu(key):0.000}");
        Console.WriteLine($"grade_seconds={Seconds(grade):0.000} grade_cpu_seconds={Cpu(grade):0.000} grade_bytes_per_line={allocated / lines}");

        (int Lines, long Parse, long Key, long Grade, long Allocated, double Total) Pass(IEnumerable<string> input)
        {
            int count = 0;
            long parse = 0, key = 0, grade = 0, allocated = 0;
            double total = 0;
            var t0 = Stopwatch.GetTimestamp();
            foreach (var line in input)
            {
                var request = JsonSerializer.Deserialize(line, LoadJson.Default.LoadRequest)!;
                var t1 = Stopwatch.GetTimestamp();
                var gradingKey = KeyFor(request);
                var t2 = Stopwatch.GetTimestamp();
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                total += grader.Grade(gradingKey, request.Response, request.Points ?? 1).Score;
                allocated += GC.GetAllocatedBytesForCurrentThread() - bytes;
                var t3 = Stopwatch.GetTimestamp();
                (parse, key, grade) = (parse + t1 - t0, key + t2 - t1, grade + t3 - t2);
                count++;
                t0 = Stopwatch.GetTimestamp();
            }
            return (count, parse, key, grade, allocated, total);
        }

        GradingKey KeyFor(LoadRequest r)
        {
            var explicitKeys = r.Keywords is { Count: > 0 };
            if (keys.TryGetValue((r.Question, explicitKeys), out var found)) return found;
            IReadOnlyList<Keyword> list = explicitKeys
                ? r.Keywords!.Select(k => new Keyword(k.Phrase, k.Alternatives ?? [], k.Weight ?? 1, k.Required ?? false)).ToList()
                : extractor.Extract([new QuestionText(r.Question, r.ModelAnswer ?? "")])[0];
            return keys[(r.Question, explicitKeys)] = grader.Compile(r.Question, list);
        }
    }

    private static double Seconds(long ticks) => (double)ticks / Stopwatch.Frequency;

    // On a shared machine the wall clock also counts other builds' turns; process CPU time does not.
    private static TimeSpan CpuTime() => Process.GetCurrentProcess().TotalProcessorTime;
}

public sealed record LoadKeyword(string Phrase, List<string>? Alternatives, double? Weight, bool? Required);

public sealed record LoadRequest(string Id, string Question, string? ModelAnswer, string Response, List<LoadKeyword>? Keywords, double? Points);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LoadRequest))]
internal sealed partial class LoadJson : JsonSerializerContext;
