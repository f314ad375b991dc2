using QuizPlatform.Grading.Meaning;

namespace QuizPlatform.Grading.Tests.Meaning;

/// <summary>One model for the whole test run: loading it takes about a second and 200 MB.</summary>
public static class SharedEncoder
{
    private static readonly Lazy<MiniLmEncoder> Instance = new(() => new MiniLmEncoder());

    public static MiniLmEncoder Encoder => Instance.Value;

    public static MeaningText[] Encode(params string[] texts) => MeaningText.Encode(Encoder, texts);
}
