namespace QuizPlatform.Data.Entities;

/// <summary>An assignment document, identified by its title. Each changed import adds a version; none is ever replaced.</summary>
public class Assignment
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public List<AssignmentVersion> Versions { get; set; } = [];
}

/// <summary>One imported revision of an assignment document, kept whole so quizzes built on it never change under them.</summary>
public class AssignmentVersion
{
    public int Id { get; set; }
    public int AssignmentId { get; set; }
    public Assignment Assignment { get; set; } = null!;
    public int Version { get; set; }
    public string SourceFileName { get; set; } = "";
    public string ContentHash { get; set; } = "";
    public string Markdown { get; set; } = "";
    public DateTime ImportedAt { get; set; }
    public string? ImportedById { get; set; }
    public ApplicationUser? ImportedBy { get; set; }
    public List<Question> Questions { get; set; } = [];
}
