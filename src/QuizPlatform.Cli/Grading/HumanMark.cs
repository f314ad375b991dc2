using QuizPlatform.Cli.Json;

namespace QuizPlatform.Cli.Grading;

/// <summary>
/// A human marker's verdict on a response as a share of the points (0..1): <c>humanScore</c> out of the line's
/// points, or a label (<c>humanLabel</c>, or the evaluation set's <c>label_2way</c>).
/// </summary>
public static class HumanMark
{
    /// <summary>The mark as a share of the points, or an error message.</summary>
    public static (double? Share, string? Error) Of(GradeRequest request)
    {
        var points = request.Points ?? 1;
        if (request.HumanScore is { } score)
        {
            return double.IsFinite(score) && score >= 0 && score <= points
                ? (score / points, null)
                : (null, $"\"humanScore\" must be a number from 0 to the points ({points}).");
        }
        var label = request.HumanLabel ?? request.Label2Way;
        if (label is null)
            return (null, "No human mark: give \"humanScore\" or \"humanLabel\".");
        return label.Trim().ToLowerInvariant().Replace('-', '_').Replace(' ', '_') switch
        {
            "correct" or "right" or "true" or "pass" => (1, null),
            "incorrect" or "wrong" or "false" or "fail" or "contradictory" or "irrelevant" or "non_domain" => (0, null),
            "partially_correct" or "partially_correct_incomplete" or "partial" => (0.5, null),
            _ => (null, $"Unknown \"humanLabel\" '{label}': use correct, partially_correct or incorrect, or give \"humanScore\"."),
        };
    }
}
