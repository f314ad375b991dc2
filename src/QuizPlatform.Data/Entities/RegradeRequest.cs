namespace QuizPlatform.Data.Entities;

public enum RegradeRequestStatus { Open, Accepted, Declined }

/// <summary>
/// A student disputes the grade of one answer: a missing <see cref="Keyword"/> their answer says at
/// <see cref="SpanStart"/> (for <see cref="SpanLength"/> characters), or the score, with a comment. One per answer.
/// </summary>
public class RegradeRequest
{
    public int Id { get; set; }
    public int ResponseId { get; set; }
    public Response Response { get; set; } = null!;
    public string StudentId { get; set; } = "";
    public ApplicationUser Student { get; set; } = null!;
    public DateTime CreatedAt { get; set; }
    /// <summary>The missing keyword's phrase as the student saw it; null when the score itself is disputed.</summary>
    public string? Keyword { get; set; }
    public int? SpanStart { get; set; }
    public int? SpanLength { get; set; }
    public string Comment { get; set; } = "";
    public RegradeRequestStatus Status { get; set; }
    public string? Reply { get; set; }
    public string? RepliedById { get; set; }
    public ApplicationUser? RepliedBy { get; set; }
    public DateTime? RepliedAt { get; set; }
}

/// <summary>
/// A whole-quiz regrade of the answers graded with an older key or grader version, run in the background in batches;
/// unfinished jobs resume after a restart. Overrides keep counting.
/// </summary>
public class RegradeJob
{
    public int Id { get; set; }
    public int QuizId { get; set; }
    public Quiz Quiz { get; set; } = null!;
    public string? RequestedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    /// <summary>Answers out of date when the job started, answers regraded so far, and of those whose counted score changed.</summary>
    public int Total { get; set; }
    public int Done { get; set; }
    public int Changed { get; set; }
}

/// <summary>
/// What an instructor's marks on a question of a quiz taught the grader, kept when they applied "Learn from my marks"
/// so that the meaning pass grades answers handed in later with it too: the answers they gave full marks, which stand
/// beside the model answer, and the question's offset on the calibration curve. It applies while the question keeps
/// the keywords it was learned with (<see cref="KeywordVersion"/>); applying again replaces it.
/// </summary>
public class LearnedKey
{
    public int Id { get; set; }
    public int QuizId { get; set; }
    public Quiz Quiz { get; set; } = null!;
    public int QuestionId { get; set; }
    public Question Question { get; set; } = null!;
    public int KeywordVersion { get; set; }
    /// <summary>The marks learned from.</summary>
    public int Marks { get; set; }
    /// <summary>The texts of the answers given full marks, as they were when learned: a later change of mark leaves them.</summary>
    public List<string> References { get; set; } = [];
    /// <summary>The question's offset on the curve's logit scale, and the marks it rests on; null: no offset.</summary>
    public double? CalibrationLogit { get; set; }
    public int CalibrationMarks { get; set; }
    public DateTime LearnedAt { get; set; }
}
