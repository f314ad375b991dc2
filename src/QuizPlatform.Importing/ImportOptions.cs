namespace QuizPlatform.Importing;

/// <summary>Limits and thresholds for <see cref="AssignmentParser"/>.</summary>
public sealed record ImportOptions
{
    /// <summary>Largest accepted document, in bytes of UTF-8 (BOM included).</summary>
    public int MaxBytes { get; init; } = 1_000_000;

    /// <summary>Model answers with fewer words than this get a warning: there is little to grade against.</summary>
    public int MinAnswerWords { get; init; } = 3;
}
