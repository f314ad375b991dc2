using QuizPlatform.Grading;
using QuizPlatform.Importing;

namespace QuizPlatform.Benchmarks;

/// <summary>The seed assignment parsed and its keywords extracted, as the import does it.</summary>
public sealed class SeedAssignment
{
    private SeedAssignment(string text)
    {
        Text = text;
        var parsed = new AssignmentParser().Parse(text);
        Questions = parsed.Assignment?.Questions.Select(q => new QuestionText(q.Prompt, q.ModelAnswer)).ToList()
            ?? throw new InvalidOperationException("The seed did not parse: " + string.Join("; ", parsed.Diagnostics));
        Keywords = new KeywordExtractor().Extract(Questions);
    }

    public string Text { get; }
    public IReadOnlyList<QuestionText> Questions { get; }
    public IReadOnlyList<IReadOnlyList<Keyword>> Keywords { get; }

    public static SeedAssignment Load() => new(File.ReadAllText(Locate()));

    /// <summary>
    /// <paramref name="count"/> questions spread over the seed whose extracted keys are closest to
    /// <paramref name="phrases"/> phrases (the benchmark's "~15 keyword phrases").
    /// </summary>
    public IReadOnlyList<int> QuestionsWithKeyOf(int phrases, int count)
    {
        var closest = Enumerable.Range(0, Questions.Count).Min(i => Math.Abs(Keywords[i].Count - phrases));
        var fitting = Enumerable.Range(0, Questions.Count).Where(i => Math.Abs(Keywords[i].Count - phrases) <= closest).ToList();
        var stride = Math.Max(1, fitting.Count / count);
        return fitting.Where((_, n) => n % stride == 0).Take(count).ToList();
    }

    // Copied next to the binary; BenchmarkDotNet's generated host may run from elsewhere, so also walk up.
    private static string Locate()
    {
        var copied = Path.Combine(AppContext.BaseDirectory, "Seeds", "assignment-8.md");
        if (File.Exists(copied)) return copied;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "seeds", "assignment-8.md");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("seeds/assignment-8.md not found next to the binary or above it.");
    }
}
