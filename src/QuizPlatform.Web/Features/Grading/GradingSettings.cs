namespace QuizPlatform.Web.Features.Grading;

/// <summary>The <c>Grading</c> section: how answers are graded.</summary>
public sealed class GradingSettings
{
    public const string Section = "Grading";

    /// <summary>
    /// Grade by meaning as well as by keywords (the MiniLM sentence model, loaded on the first grade: about 200 MB).
    /// Off: pure keyword grading.
    /// </summary>
    public bool Meaning { get; set; } = true;

    /// <summary>Threads the sentence model computes on; 0 takes one per core.</summary>
    public int MeaningThreads { get; set; }
}
