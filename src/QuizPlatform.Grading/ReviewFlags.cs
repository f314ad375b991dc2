namespace QuizPlatform.Grading;

/// <summary>Which grades an instructor should look at before they count: the one rule for "flagged for review".</summary>
public static class ReviewFlags
{
    /// <summary>The grader asked for a person, the answer mostly restates the question or reads as an answer to another
    /// one, a keyword was only negated, or a required keyword is missing.</summary>
    public const GradeFlags Any = GradeFlags.NeedsReview | GradeFlags.CopiesPrompt | GradeFlags.OtherQuestion | GradeFlags.Negated
        | GradeFlags.RequiredMissing;

    public static bool AskForReview(GradeFlags flags) => (flags & Any) != 0;
}
