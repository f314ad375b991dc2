namespace QuizPlatform.Web.Features.Marking;

/// <summary>
/// A mark form's fields as posted: the grade's <see cref="Revision"/> the page showed, the button pressed and the
/// override's score, reason and "show the reason to the student" tick.
/// </summary>
public sealed class MarkInput
{
    public int Revision { get; set; }
    public MarkAction? Action { get; set; }
    public double? Score { get; set; }
    public string? Reason { get; set; }
    public bool Shown { get; set; }
    /// <summary>For a group: tick to change the answers already overridden too.</summary>
    public bool IncludeOverridden { get; set; }
    /// <summary>For a group: the grades it held when the page was read, comma-separated.</summary>
    public string? Grades { get; set; }

    public Mark ToMark() => new(Action ?? MarkAction.Accept, Action == MarkAction.Override ? Score ?? double.NaN : null,
        string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim(), Shown);

    /// <summary>Whether <see cref="Mark.Problem"/> is about the score (else it is about the reason).</summary>
    public bool ScoreIsTheProblem(double maxPoints) =>
        Action == MarkAction.Override && (ToMark() with { Reason = "-" }).Problem(maxPoints) is not null;
}
