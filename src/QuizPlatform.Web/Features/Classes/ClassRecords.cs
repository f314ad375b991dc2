namespace QuizPlatform.Web.Features.Classes;

public sealed record ClassSummary(int Id, string Name, string JoinCode, string InstructorName, int StudentCount, DateTime CreatedAt,
    DateTime? ArchivedAt = null);

public sealed record ClassStudent(string StudentId, string DisplayName, string Email, DateTime EnrolledAt);

public sealed record ClassDetails(int Id, string Name, string JoinCode, string InstructorId, string InstructorName, DateTime CreatedAt,
    IReadOnlyList<ClassStudent> Students, IReadOnlyList<ClassQuiz> Quizzes, DateTime? ArchivedAt = null);

public enum ClassQuizState { NotYetOpen, Open, Closed }

/// <summary>A quiz assigned to the class; <see cref="Mine"/>: the actor may open its editor and results.</summary>
public sealed record ClassQuiz(int Id, string Title, DateTime? OpensAt, DateTime? ClosesAt, ClassQuizState State, bool Mine);

/// <summary>An active instructor an admin can give a class to; the email tells apart two of the same name.</summary>
public sealed record InstructorChoice(string Id, string Name, string Email);

/// <summary>What a move to another class did: <see cref="NoSuchClass"/> when either class is not the actor's.</summary>
public enum StudentMove { Moved, NotInClass, NoSuchClass }

public enum JoinOutcome { Joined, AlreadyEnrolled, UnknownCode, NotAStudent, Ended }

/// <summary>What happened when a student typed a join code; <see cref="Message"/> is shown to them as is.</summary>
public sealed record JoinResult(JoinOutcome Outcome, int? ClassId, string? ClassName, string Message)
{
    public bool Enrolled => Outcome is JoinOutcome.Joined or JoinOutcome.AlreadyEnrolled;
}
