namespace QuizPlatform.Web.Features.Taking;

/// <summary>
/// What a student sees before starting: the quiz's rules with their accommodation applied (UTC times), the attempt in
/// progress if any, their last handed-in attempt, and whether a new attempt may start now.
/// </summary>
public sealed record QuizIntro(
    int QuizId,
    string Title,
    int QuestionCount,
    DateTime? OpensAt,
    DateTime? ClosesAt,
    TimeSpan? TimeLimit,
    int AttemptsAllowed,
    int AttemptsUsed,
    int? AttemptInProgressId,
    int? LastSubmittedAttemptId,
    StartRefusal CannotStart,
    string? CannotStartReason);
