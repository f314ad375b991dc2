using System.Text;
using System.Text.RegularExpressions;
using QuizPlatform.Grading;

namespace QuizPlatform.Benchmarks;

/// <summary>What kind of answer a generated response imitates.</summary>
public enum ResponseKind
{
    /// <summary>The model answer's keyword-rich sentences, reordered and paraphrased.</summary>
    Good,
    /// <summary>A third of a good answer, then vague filler.</summary>
    Partial,
    /// <summary>A good answer to another question of the seed, or filler.</summary>
    OffTopic,
    /// <summary>A good answer with a typo in about one long word in four.</summary>
    Typos,
}

/// <summary>
/// Deterministic ~80-word student responses built from the seed's model answers. The same (question, kind, seed)
/// always gives the same text on every machine: the generator uses its own PRNG, not <see cref="Random"/>.
/// </summary>
public sealed partial class StudentResponses(IReadOnlyList<QuestionText> questions, IReadOnlyList<IReadOnlyList<Keyword>> keywords)
{
    public const int TargetWords = 80;

    private static readonly string[] Filler =
    [
        "I think this is an important topic that comes up in many practical projects.",
        "There are several ways to look at it and each one has its own advantages and drawbacks.",
        "In class we discussed a few examples, and the results depended a lot on the details.",
        "It is not always easy to decide which approach is best for a given problem.",
        "Most people would agree that practice and experiments help to understand it better.",
        "The main idea is fairly simple even if the implementation can get complicated.",
        "Overall it works well in many cases but there are still open questions.",
        "This is why engineers usually try more than one option before they choose.",
    ];

    private static readonly Dictionary<string, string> Paraphrases = new(StringComparer.Ordinal)
    {
        ["uses"] = "employs", ["use"] = "employ", ["used"] = "employed", ["images"] = "pictures", ["image"] = "picture",
        ["helps"] = "assists", ["help"] = "assist", ["reduce"] = "lower", ["improve"] = "boost", ["improves"] = "boosts",
        ["technique"] = "method", ["techniques"] = "methods", ["typically"] = "usually", ["specific"] = "particular",
        ["large"] = "big", ["allows"] = "lets", ["important"] = "key", ["often"] = "frequently", ["model"] = "network",
        ["different"] = "various", ["process"] = "procedure", ["provides"] = "gives", ["learn"] = "pick up",
    };

    private readonly List<string>[] sentences = questions.Select(q => Sentences(q.ModelAnswer)).ToArray();

    public string Create(int question, ResponseKind kind, ulong seed)
    {
        var rng = Rng(question, kind, seed);
        return kind switch
        {
            ResponseKind.Good => Good(question, ref rng),
            ResponseKind.Partial => Take(Words(Good(question, ref rng)), TargetWords / 3) + " " + FillerText(ref rng, TargetWords - TargetWords / 3),
            ResponseKind.OffTopic => OtherQuestion(question, ref rng) is { } other
                ? Padded(Good(other, ref rng), ref rng)
                : FillerText(ref rng, TargetWords),
            ResponseKind.Typos => WithTypos(Good(question, ref rng), ref rng),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    /// <summary>The question whose good answer <see cref="Create"/> gives as an off-topic answer; null for filler.</summary>
    public int? OtherQuestionOf(int question, ulong seed)
    {
        var rng = Rng(question, ResponseKind.OffTopic, seed);
        return OtherQuestion(question, ref rng);
    }

    private int? OtherQuestion(int question, ref SplitMix64 rng) =>
        rng.Next(2) == 0 ? (question + 1 + rng.Next(questions.Count - 1)) % questions.Count : null;

    private static SplitMix64 Rng(int question, ResponseKind kind, ulong seed) =>
        new(seed * 0x9E3779B97F4A7C15UL + (ulong)question * 131 + (ulong)kind);

    /// <summary>Sentences that carry the most keyword phrases first, rotated, paraphrased, cut near 80 words.</summary>
    private string Good(int question, ref SplitMix64 rng)
    {
        var phrases = keywords[question].Select(k => k.Phrase.ToLowerInvariant()).ToList();
        var ranked = sentences[question]
            .Select((s, i) => (Sentence: s, Index: i, Hits: phrases.Count(p => s.Contains(p, StringComparison.OrdinalIgnoreCase))))
            .OrderByDescending(x => x.Hits).ThenBy(x => x.Index).ToList();
        var chosen = new List<string>();
        var words = 0;
        foreach (var (sentence, _, _) in ranked)
        {
            if (words >= TargetWords) break;
            chosen.Add(sentence);
            words += Words(sentence).Length;
        }
        var rotation = rng.Next(chosen.Count);
        var text = new StringBuilder();
        foreach (var sentence in chosen.Skip(rotation).Concat(chosen.Take(rotation)))
            foreach (var word in Words(sentence))
                text.Append(Paraphrases.TryGetValue(word, out var other) && rng.Next(2) == 0 ? other : word).Append(' ');
        return Take(Words(text.ToString()), TargetWords);
    }

    /// <summary>
    /// A good answer where one long word in four has random letters substituted (two in words of nine letters or
    /// more, still within typo tolerance): so many spellings that almost every one is new to the process.
    /// </summary>
    public string CreateUnseen(int question, ulong seed)
    {
        var rng = new SplitMix64(seed * 0xD1B54A32D192ED03UL + (ulong)question);
        var words = Words(Good(question, ref rng));
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i].Length < 6 || !words[i].All(char.IsLetter) || rng.Next(4) != 0) continue;
            var letters = words[i].ToCharArray();
            for (var edit = 0; edit < (letters.Length >= 9 ? 2 : 1); edit++)
                letters[1 + rng.Next(letters.Length - 1)] = (char)('a' + rng.Next(26));
            words[i] = new string(letters);
        }
        return string.Join(' ', words);
    }

    /// <summary>Short model answers give short good answers: top them up with filler.</summary>
    private static string Padded(string answer, ref SplitMix64 rng)
    {
        var missing = TargetWords - Words(answer).Length;
        return missing < 5 ? answer : answer + " " + FillerText(ref rng, missing);
    }

    private static string WithTypos(string answer, ref SplitMix64 rng)
    {
        var words = Words(answer);
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i];
            if (w.Length < 6 || !w.All(char.IsLetter) || rng.Next(4) != 0) continue;
            var at = 1 + rng.Next(w.Length - 2);
            words[i] = rng.Next(3) switch
            {
                0 => string.Concat(w.AsSpan(0, at), w.AsSpan(at + 1, 1), w.AsSpan(at, 1), w.AsSpan(at + 2)),
                1 => w.Remove(at, 1),
                _ => w.Insert(at, w[at].ToString()),
            };
        }
        return string.Join(' ', words);
    }

    private static string FillerText(ref SplitMix64 rng, int words)
    {
        var text = new List<string>();
        while (text.Count < words) text.AddRange(Words(Filler[rng.Next(Filler.Length)]));
        return Take(text.ToArray(), words);
    }

    private static List<string> Sentences(string modelAnswer)
    {
        var plain = MarkdownNoise().Replace(modelAnswer, " ");
        return SentenceEnd().Split(plain).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
    }

    private static string[] Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static string Take(string[] words, int count)
    {
        var text = string.Join(' ', words.Take(count)).TrimEnd(',', ';', ':');
        return text.EndsWith('.') ? text : text + ".";
    }

    [GeneratedRegex(@"(^|\n)\s*([-*]|\d+\.)\s+|\*\*|`|\(question \d+\)")]
    private static partial Regex MarkdownNoise();

    [GeneratedRegex(@"(?<=[.!?])\s+|\n+")]
    private static partial Regex SentenceEnd();
}

/// <summary>SplitMix64: tiny, fast, and the same sequence on every runtime.</summary>
public struct SplitMix64(ulong state)
{
    public int Next(int bound)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return bound <= 1 ? 0 : (int)((z ^ (z >> 31)) % (ulong)bound);
    }
}
