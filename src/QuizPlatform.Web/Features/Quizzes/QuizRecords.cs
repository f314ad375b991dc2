using Microsoft.AspNetCore.Components.Forms;

namespace QuizPlatform.Web.Features.Quizzes;

/// <summary>A quiz as the list shows it; <see cref="Archived"/>: every class it is assigned to is archived, so its term is over.</summary>
public sealed record QuizSummary(int Id, string Title, string AssignmentTitle, int AssignmentVersion, int QuestionCount,
    IReadOnlyList<string> ClassNames, DateTime? OpensAt, DateTime? ClosesAt, int AttemptCount, bool Archived = false);

public sealed record AssignmentVersionChoice(int VersionId, int AssignmentId, string Title, int Version, int QuestionCount, bool IsLatest,
    DateTime ImportedAt)
{
    /// <summary>What a new quiz starts from: the version imported last, most likely the one the instructor just prepared.</summary>
    public static AssignmentVersionChoice Newest(IEnumerable<AssignmentVersionChoice> versions) =>
        versions.MaxBy(v => (v.ImportedAt, v.VersionId))!;
}

/// <summary>A class the quiz editor offers; an archived one only where the quiz already has it.</summary>
public sealed record ClassChoice(int Id, string Name, bool Archived = false);

public sealed record StudentChoice(string StudentId, string Name);

/// <summary>
/// A quiz as the editor shows it: the form, whether started attempts freeze its questions, and its stored close time
/// (UTC), which says whether it is closed whatever the form holds.
/// </summary>
public sealed record LoadedQuiz(int Id, QuizForm Form, int AttemptCount, DateTime? ClosesAt)
{
    public bool Locked => AttemptCount > 0;
}

public enum AuthoringOutcome { Saved, Invalid, NotFound, Locked }

/// <summary>A problem with one field of the form (<see cref="Field"/> points at the form or one of its rows).</summary>
public sealed record AuthoringError(FieldIdentifier Field, string Message);

public sealed record AuthoringResult(AuthoringOutcome Outcome, int? QuizId, IReadOnlyList<AuthoringError> Errors, string? Reason = null)
{
    public bool Saved => Outcome == AuthoringOutcome.Saved;

    public static AuthoringResult Success(int quizId) => new(AuthoringOutcome.Saved, quizId, []);
    public static readonly AuthoringResult Missing = new(AuthoringOutcome.NotFound, null, [], "No such quiz.");
}
