namespace QuizPlatform.Web.Features.Attempts;

/// <summary>Why a student could not start (or resume) an attempt; <see cref="StartOutcome.Refusal"/> says it in words.</summary>
public enum StartRefusal { None, NotAssigned, NotYetOpen, Closed, NoAttemptsLeft }

/// <summary>The attempt to go to (a new one, or the one already in progress), or why there is none.</summary>
public sealed record StartOutcome(int? AttemptId, StartRefusal Reason, string? Refusal)
{
    public bool Started => AttemptId is not null;
}

/// <summary>
/// What the quiz page shows for an attempt: its questions in the student's order with the saved text and version of
/// each answer. Times are UTC; <see cref="ServerNow"/> lets the browser count down on the server's clock.
/// <see cref="Deadline"/> is null when the quiz has neither time limit nor close time.
/// </summary>
public sealed record AttemptSheet(
    int AttemptId,
    int QuizId,
    string QuizTitle,
    int AttemptNumber,
    bool OnePerPage,
    DateTime StartedAt,
    DateTime? Deadline,
    DateTime? SubmittedAt,
    DateTime ServerNow,
    int MaxResponseChars,
    IReadOnlyList<SheetQuestion> Questions)
{
    public bool Submitted => SubmittedAt is not null;
}

/// <summary>One question of an attempt: <see cref="Prompt"/> is Markdown; <see cref="Version"/> is 0 until the first save.</summary>
public sealed record SheetQuestion(
    int QuestionId, int Position, int Number, string Prompt, double Points, string Text, int Version, DateTime? SavedAt);

public enum SaveStatus
{
    /// <summary>Committed: <see cref="SaveResult.Version"/> is the answer's new version.</summary>
    Saved,
    /// <summary>The save started from an older version than the stored one (another tab or device saved since):
    /// nothing was overwritten; <see cref="SaveResult.Text"/> and <see cref="SaveResult.Version"/> are the stored ones.</summary>
    Stale,
    /// <summary>Arrived after the deadline and its grace: refused and recorded.</summary>
    Late,
    /// <summary>The attempt was already submitted: refused and recorded.</summary>
    Submitted,
    /// <summary>Longer than <see cref="AttemptSheet.MaxResponseChars"/>: refused, nothing stored.</summary>
    TooLong,
    /// <summary>No such attempt or question for this student (including someone else's attempt).</summary>
    NotFound,
}

/// <summary>
/// The server's answer to a save. <see cref="Message"/> is a sentence for the student when the save was refused.
/// <see cref="SavedAt"/> and <see cref="Version"/> describe the stored answer after the call.
/// </summary>
public sealed record SaveResult(SaveStatus Status, int Version, DateTime? SavedAt, string? Text, string? Message);

/// <summary>
/// A submission: <see cref="AlreadySubmitted"/> is true when this call found the attempt handed in already (a double
/// click, a second tab, the timer); either way the attempt is submitted once, at <see cref="SubmittedAt"/>.
/// </summary>
public sealed record SubmitOutcome(bool Found, bool AlreadySubmitted, DateTime? SubmittedAt);
