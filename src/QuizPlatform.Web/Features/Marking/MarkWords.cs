using QuizPlatform.Data.Entities;
using QuizPlatform.Grading;
using QuizPlatform.Web.Components.Shared;

namespace QuizPlatform.Web.Features.Marking;

/// <summary>How marking pages word a grade's state and its changes, the same on every page that shows them.</summary>
public static class MarkWords
{
    /// <summary>"Overridden by Alice: 3 of 4 (the grader gave 2)", "Accepted by Alice: 2 of 4", "The grader's proposal: 2 of 4".</summary>
    /// <param name="otherQuestion">With <see cref="GradeFlags.OtherQuestion"/>: the question it reads as an answer to (<see cref="QuizResults.FlagWords.OtherQuestion"/>).</param>
    public static string State(GradeState grade, GradeFlags flags, string? otherQuestion)
    {
        var counted = $"{Formats.Figure(grade.Counted)} of {Formats.Figure(grade.MaxPoints)}";
        var by = grade.ReviewedBy ?? "an instructor";
        if (grade.OverrideScore is not null)
            return $"Overridden by {by}: {counted} (the grader gave {Formats.Figure(grade.GraderScore)})";
        if (grade.ReviewedAt is not null)
            return $"Accepted by {by}: {counted}";
        return Grade.Provisional(flags, grade.ReviewedAt)
            ? $"The grader's proposal: {counted}, provisional until reviewed (flagged: {string.Join(", ", QuizResults.FlagWords.Of(flags & ReviewFlags.Any, otherQuestion))})"
            : $"The grader's proposal: {counted}";
    }

    /// <summary>What a mark did, for the message beside the answer: "Overridden: 3 of 4".</summary>
    public static string Done(MarkAction action, GradeState grade) =>
        $"{action switch { MarkAction.Accept => "Accepted", MarkAction.Override => "Overridden", _ => "Back to the grader's score" }}: " +
        $"{Formats.Figure(grade.Counted)} of {Formats.Figure(grade.MaxPoints)}";

    public static string Source(GradeChangeSource source) => source switch
    {
        GradeChangeSource.Accept => "accepted",
        GradeChangeSource.Override => "overridden",
        GradeChangeSource.Revert => "reverted to the grader",
        GradeChangeSource.Group => "marked with a group",
        GradeChangeSource.Regrade => "regraded",
        GradeChangeSource.Request => "answering a regrade request",
        _ => WireNames.Of(source),
    };
}
