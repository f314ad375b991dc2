using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using QuizPlatform.Grading;

namespace QuizPlatform.Benchmarks;

/// <summary>
/// The same load file graded in this process, one thread, timed in phases: reading and parsing the JSON lines, then
/// grading them against keys compiled once per question as <c>quiz grade</c> does (extracted from the model answer
/// with the question as only context when a line has no keywords). The grading phase is the ceiling for the CLI.
/// </summary>
public static class InProcessGrading
{
    // Process CPU time as well as wall time: on a shared machine the wall clock also counts other builds' turns.
    private static TimeSpan CpuTime() => Process.GetCurrentProcess().TotalProcessorTime;

    public static void Run(string path)
    {
        var clock = Stopwatch.StartNew();
        var cpu = CpuTime();
        var requests = new List<LoadRequest>();
        foreach (var line in File.ReadLines(path))
            requests.Add(JsonSerializer.Deserialize(line, LoadJson.Default.LoadRequest)!);
        var parse = clock.Elapsed;
        var parseCpu = CpuTime() - cpu;

        var grader = new Grader();
        var extractor = new KeywordExtractor();
        var keys = new Dictionary<(string, bool), GradingKey>();
        clock.Restart();
        var cases = requests.Select(r => (Key: KeyFor(r), r.Response, Points: r.Points ?? 1)).ToArray();
        var compile = clock.Elapsed;

        // One pass to warm the JIT and the term cache on a slice, then the timed pass over every line.
        foreach (var (key, response, points) in cases.Take(1000)) grader.Grade(key, response, points);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        clock.Restart();
        cpu = CpuTime();
        double total = 0;
        foreach (var (key, response, points) in cases) total += grader.Grade(key, response, points).Score;
        var grade = clock.Elapsed;
        var gradeCpu = CpuTime() - cpu;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Console.WriteLine($"lines={cases.Length} keys={keys.Count} mean_score={total / cases.Length:0.###}");
        Console.WriteLine($"parse_seconds={parse.TotalSeconds:0.000} parse_cpu_seconds={parseCpu.TotalSeconds:0.000}");
        Console.WriteLine($"keys_seconds={compile.TotalSeconds:0.000}");
        Console.WriteLine($"grade_seconds={grade.TotalSeconds:0.000} grade_cpu_seconds={gradeCpu.TotalSeconds:0.000} " +
                          $"grade_bytes_per_line={allocated / cases.Length}");

        GradingKey KeyFor(LoadRequest r)
        {
            var explicitKeys = r.Keywords is { Count: > 0 };
            if (keys.TryGetValue((r.Question, explicitKeys), out var key)) return key;
            IReadOnlyList<Keyword> list = explicitKeys
                ? r.Keywords!.Select(k => new Keyword(k.Phrase, k.Alternatives ?? [], k.Weight ?? 1, k.Required ?? false)).ToList()
                : extractor.Extract([new QuestionText(r.Question, r.ModelAnswer)])[0];
            return keys[(r.Question, explicitKeys)] = grader.Compile(r.Question, list);
        }
    }
}

public sealed record LoadKeyword(string Phrase, List<string>? Alternatives, double? Weight, bool? Required);

public sealed record LoadRequest(string Id, string Question, string ModelAnswer, string Response, List<LoadKeyword>? Keywords, double? Points);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LoadRequest))]
internal sealed partial class LoadJson : JsonSerializerContext;
