namespace QuizPlatform.Data.Entities;

/// <summary>A group of students taught by one instructor; students join with the join code or by roster.</summary>
public class Class
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string JoinCode { get; set; } = "";
    public string InstructorId { get; set; } = "";
    public ApplicationUser Instructor { get; set; } = null!;
    public DateTime CreatedAt { get; set; }
    /// <summary>
    /// When the class ended (the term is over): it leaves the class lists and the quiz editor's choices, and its join
    /// code no longer works; its students, quizzes and results stay. Null: a current class.
    /// </summary>
    public DateTime? ArchivedAt { get; set; }
    public List<Enrollment> Enrollments { get; set; } = [];
}

public class Enrollment
{
    public int Id { get; set; }
    public int ClassId { get; set; }
    public Class Class { get; set; } = null!;
    public string StudentId { get; set; } = "";
    public ApplicationUser Student { get; set; } = null!;
    public DateTime EnrolledAt { get; set; }
}
