namespace QuizPlatform.Web.Features.Taking;

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
