namespace QuizPlatform.Web.Features.Taking;

/// <summary>Why a student could not start (or resume) an attempt; <see cref="StartOutcome.Refusal"/> says it in words.</summary>
public enum StartRefusal { None, NotAssigned, NotYetOpen, Closed, NoAttemptsLeft }
