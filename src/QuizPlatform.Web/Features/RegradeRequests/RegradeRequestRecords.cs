using QuizPlatform.Data.Entities;

namespace QuizPlatform.Web.Features.RegradeRequests;

/// <summary>
/// What a student asks: a missing <see cref="Keyword"/> their answer says in <see cref="Words"/> (at the selection's
/// <see cref="SpanStart"/>/<see cref="SpanLength"/> when the page's script reported it), or, with no keyword, a
/// dispute of the score, whose <see cref="Comment"/> is required.
/// </summary>
public sealed record RequestDraft(string? Keyword, string? Words, int? SpanStart, int? SpanLength, string? Comment);

/// <summary>What came of a student's request.</summary>
public abstract record CreateOutcome
{
    private CreateOutcome() { }

    public sealed record Created(int RequestId) : CreateOutcome;
    /// <summary>The request is not allowed (already asked, the window closed, no requests for this quiz): a sentence for the student.</summary>
    public sealed record Refused(string Message) : CreateOutcome;
    /// <summary>The draft needs fixing (a comment missing, words not in the answer).</summary>
    public sealed record Invalid(string Message) : CreateOutcome;
    /// <summary>No such answer of this student (another student's looks the same).</summary>
    public sealed record NotFound : CreateOutcome;
}

/// <summary>
/// One answer's regrade side on the student's results page: whether they may ask now (and until when, or why not),
/// the missing keywords they may name (only when keyword feedback is shown), and their request once sent.
/// </summary>
public sealed record RegradePanel(int QuestionId, string AnswerText, RegradeWindow? Window, bool CanAsk,
    IReadOnlyList<string> MissingKeywords, SentRequest? Request);

/// <summary>A request as its student reads it, with the instructor's reply once there is one.</summary>
public sealed record SentRequest(DateTime CreatedAt, string? Keyword, string? Words, string Comment,
    RegradeRequestStatus Status, string? Reply, DateTime? RepliedAt);
