namespace QuizPlatform.Web.Features.Taking;

/// <summary>
/// A submission: <see cref="AlreadySubmitted"/> is true when this call found the attempt handed in already (a double
/// click, a second tab, the timer); either way the attempt is submitted once, at <see cref="SubmittedAt"/>.
/// </summary>
public sealed record SubmitOutcome(bool Found, bool AlreadySubmitted, DateTime? SubmittedAt);
