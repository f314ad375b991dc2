using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Components.Shared;
using QuizPlatform.Web.Features.Marking;

namespace QuizPlatform.Web.Features.RegradeRequests;

/// <summary>A quiz's regrade requests as its instructor works them: the open ones grouped, the answered ones below.</summary>
public sealed record RequestInbox(int QuizId, string Title, int AssignmentId, IReadOnlyList<RequestGroup> Groups,
    IReadOnlyList<AnsweredRequest> Answered)
{
    public int OpenCount => Groups.Sum(g => g.Requests.Count);
}

/// <summary>
/// Open requests about one question that name the same missing <see cref="Keyword"/>, or (no keyword) dispute its score.
/// <see cref="Satisfied"/> counts those whose answer the current grade already credits with the keyword (after a key change).
/// </summary>
public sealed record RequestGroup(int QuestionId, string QuestionLabel, string Prompt, string? Keyword, IReadOnlyList<OpenRequest> Requests)
{
    public int Satisfied => Requests.Count(r => r.Satisfied);

    public string Heading => Keyword is { } keyword
        ? $"{Formats.Count(Requests.Count, "student")} {(Requests.Count == 1 ? "says their answer has" : "say their answer has")} \u201c{keyword}\u201d"
        : $"{Formats.Count(Requests.Count, "student")} {(Requests.Count == 1 ? "disputes" : "dispute")} the score";

}

/// <summary>One open request with the answer and its grade (<see cref="Grade"/> carries the revision a mark must name).</summary>
public sealed record OpenRequest(int RequestId, string Student, DateTime CreatedAt, string Answer, int? SpanStart, int? SpanLength,
    string Comment, GradeState Grade, bool Satisfied)
{
    public string? Words => RegradeRequests.Words(Answer, SpanStart, SpanLength);
}

public sealed record AnsweredRequest(int RequestId, string Student, string QuestionLabel, string? Keyword, RegradeRequestStatus Status,
    string? Reply, string? RepliedBy, DateTime? RepliedAt);

/// <summary>What came of an instructor's answer to a request.</summary>
public abstract record ReplyOutcome
{
    private ReplyOutcome() { }

    public sealed record Done : ReplyOutcome;
    /// <summary>The grade changed since the page was read; nothing was stored.</summary>
    public sealed record Conflict(GradeState Current) : ReplyOutcome;
    public sealed record Invalid(string Message) : ReplyOutcome;
    /// <summary>Someone answered the request already.</summary>
    public sealed record AlreadyAnswered : ReplyOutcome;
    /// <summary>No such request in a quiz the actor may mark.</summary>
    public sealed record NotFound : ReplyOutcome;
}
