using QuizPlatform.Benchmarks;

namespace QuizPlatform.LoadHarness;

/// <summary>
/// What each student writes: the benchmarks' deterministic answers built from the seed's model answers (good,
/// partial, off-topic, with typos), cut to 40-80 words; a share of questions left unanswered (null).
/// </summary>
public sealed class AnswerTexts(double emptyShare)
{
    readonly StudentResponses responses = Load();

    public string? For(int student, int seedIndex)
    {
        var rng = new SplitMix64((ulong)student * 1_000_003UL + (ulong)seedIndex);
        if (rng.Next(1000) < emptyShare * 1000)
            return null;
        var kind = rng.Next(20) switch
        {
            < 8 => ResponseKind.Good,
            < 13 => ResponseKind.Partial,
            < 17 => ResponseKind.Typos,
            _ => ResponseKind.OffTopic,
        };
        var words = responses.Create(seedIndex, kind, (ulong)student).Split(' ');
        return string.Join(' ', words.Take(40 + rng.Next(41)));
    }

    static StudentResponses Load()
    {
        var seed = SeedAssignment.Load();
        return new StudentResponses(seed.Questions, seed.Keywords);
    }
}
