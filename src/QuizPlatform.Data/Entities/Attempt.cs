namespace QuizPlatform.Data.Entities;

public enum SubmittedBy { Student, Timer }

/// <summary>One student's sitting of a quiz. <see cref="Deadline"/> is fixed by the server when the attempt starts.</summary>
public class Attempt
{
    public int Id { get; set; }
    public int QuizId { get; set; }
    public Quiz Quiz { get; set; } = null!;
    public string StudentId { get; set; } = "";
    public ApplicationUser Student { get; set; } = null!;
    public int Number { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? Deadline { get; set; }
    /// <summary>When an answer was last saved; saving updates it first, which serialises saves with the hand-in.</summary>
    public DateTime? LastSavedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public SubmittedBy? SubmittedBy { get; set; }
    /// <summary>
    /// When every answer had its keyword grade. Handed in and not graded is the grading queue: any app instance claims
    /// such attempts for <see cref="GradingLeaseUntil"/> and grades them (<c>Features/Grading/GradingQueue</c>).
    /// </summary>
    public DateTime? GradedAt { get; set; }
    /// <summary>Until when a grading worker holds the attempt; after it, another takes it over (the worker died).</summary>
    public DateTime? GradingLeaseUntil { get; set; }
    public List<Response> Responses { get; set; } = [];
}

/// <summary>
/// A student's answer to one question of an attempt. <see cref="Version"/> is the concurrency token: a save
/// carries the version it started from, so an older draft can never overwrite a newer one.
/// </summary>
public class Response
{
    public int Id { get; set; }
    public int AttemptId { get; set; }
    public Attempt Attempt { get; set; } = null!;
    public int QuestionId { get; set; }
    public Question Question { get; set; } = null!;
    public int Position { get; set; }
    public string Text { get; set; } = "";
    public DateTime? SavedAt { get; set; }
    public int Version { get; set; }
    public Grade? Grade { get; set; }

    /// <summary>An answer left empty: nothing but white space (the grader's <c>Empty</c>, scored 0).</summary>
    public static bool IsEmpty(string text) => string.IsNullOrWhiteSpace(text);
}

/// <summary>A save the server refused (after the deadline, or from a stale version): kept so nothing is silently dropped.</summary>
public class RefusedSave
{
    public long Id { get; set; }
    public int AttemptId { get; set; }
    public Attempt Attempt { get; set; } = null!;
    public int QuestionId { get; set; }
    public string Text { get; set; } = "";
    public int Version { get; set; }
    public DateTime ReceivedAt { get; set; }
    public string Reason { get; set; } = "";
}
