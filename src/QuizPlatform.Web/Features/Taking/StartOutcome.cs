namespace QuizPlatform.Web.Features.Taking;

/// <summary>The attempt to go to (a new one, or the one already in progress), or why there is none.</summary>
public sealed record StartOutcome(int? AttemptId, StartRefusal Reason, string? Refusal)
{
    public bool Started => AttemptId is not null;
}
