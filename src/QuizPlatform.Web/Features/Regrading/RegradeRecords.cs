using QuizPlatform.Web.Features.Grading;

namespace QuizPlatform.Web.Features.Regrading;

/// <summary>Which changed grades an apply stores: every change, or only those that raise the score.</summary>
public enum RegradeMode { AllChanges, OnlyIncreases }

/// <summary>
/// What a draft key would do to one quiz's answers to a question: how many counted scores change, up and down, the
/// mean change per answer, each changed answer and, apart, the overridden answers a regrade leaves counting as they are.
/// </summary>
public sealed record RegradePreviewResult(int QuizId, string QuizTitle, int Answers, int Up, int Down, double MeanChange,
    IReadOnlyList<RegradeRow> Changes, IReadOnlyList<RegradeRow> Overridden)
{
    public int Changed => Up + Down;
}

/// <summary>
/// One answer under the draft key: the grader's score before and now (the counted one unless overridden), the keywords it matches now
/// and did not (<see cref="Found"/>) and those it no longer matches (<see cref="Lost"/>); <see cref="Flipped"/> are
/// the found keywords where they now match, for highlighting. <see cref="OverrideScore"/> is the instructor's, which keeps counting.
/// </summary>
public sealed record RegradeRow(int GradeId, string Student, int Attempt, string Text, double OldScore, double NewScore,
    double MaxPoints, double? OverrideScore, IReadOnlyList<string> Found, IReadOnlyList<string> Lost,
    IReadOnlyList<ExplainedKeyword> Flipped)
{
    public double Change => NewScore - OldScore;

    /// <summary>Why the score moved beyond the keywords (a regrade learned from marks); null for a keyword edit.</summary>
    public string? Because { get; init; }
}

/// <summary>
/// An apply: the key version now in force, the grades regraded and of those whose counted score went up or down,
/// decreases kept at their old grade (only increases), overridden answers regraded but still counting the override.
/// <see cref="Errors"/> when the keywords were not valid (nothing stored).
/// </summary>
public sealed record RegradeApplied(int KeywordVersion, int Regraded, int Up, int Down, int KeptDecreases, int Overridden,
    IReadOnlyList<Assignments.KeywordDraft.Error> Errors);

/// <summary>
/// A quiz's grades made with an older key (<see cref="OlderKey"/>) or an older grader (<see cref="OlderGrader"/>);
/// <see cref="OutOfDate"/> counts each answer once. <see cref="Job"/> is the whole-quiz regrade running, if any.
/// </summary>
public sealed record OutOfDateGrades(int OutOfDate, int OlderKey, int OlderGrader, RegradeJobProgress? Job);

public sealed record RegradeJobProgress(int JobId, int Total, int Done, int Changed, DateTime CreatedAt, DateTime? FinishedAt);
