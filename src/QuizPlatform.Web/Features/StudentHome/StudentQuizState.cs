namespace QuizPlatform.Web.Features.StudentHome;

/// <summary>Where a quiz stands for one student; each quiz on the student home is in exactly one of these.</summary>
public enum StudentQuizState { NotYetOpen, Open, InProgress, Submitted, Graded, Closed }
