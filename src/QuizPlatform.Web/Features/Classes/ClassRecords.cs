namespace QuizPlatform.Web.Features.Classes;

public sealed record ClassSummary(int Id, string Name, string JoinCode, string InstructorName, int StudentCount, DateTime CreatedAt);

public sealed record ClassStudent(string StudentId, string DisplayName, string Email, DateTime EnrolledAt);

public sealed record ClassDetails(int Id, string Name, string JoinCode, string InstructorName, DateTime CreatedAt,
    IReadOnlyList<ClassStudent> Students);

public enum JoinOutcome { Joined, AlreadyEnrolled, UnknownCode, NotAStudent }

/// <summary>What happened when a student typed a join code; <see cref="Message"/> is shown to them as is.</summary>
public sealed record JoinResult(JoinOutcome Outcome, int? ClassId, string? ClassName, string Message)
{
    public bool Enrolled => Outcome is JoinOutcome.Joined or JoinOutcome.AlreadyEnrolled;
}
