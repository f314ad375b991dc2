namespace QuizPlatform.Data.Entities;

/// <summary>A numbered question of one assignment version; prompt and model answer are Markdown.</summary>
public class Question
{
    public int Id { get; set; }
    public int AssignmentVersionId { get; set; }
    public AssignmentVersion AssignmentVersion { get; set; } = null!;
    public int Number { get; set; }
    public string Prompt { get; set; } = "";
    public string ModelAnswer { get; set; } = "";
    public double DefaultPoints { get; set; } = 1;
    /// <summary>
    /// The version of <see cref="Keywords"/>: every edit stores the set it replaces as a <see cref="KeywordSetVersion"/>
    /// and counts this up, and every grade records the version that graded it.
    /// </summary>
    public int KeywordVersion { get; set; } = 1;
    public List<QuestionKeyword> Keywords { get; set; } = [];
}

/// <summary>
/// A keyword set of a question as it was before an edit replaced it (the current set is the question's
/// <see cref="Question.Keywords"/>): what graded the answers that record <see cref="Version"/>.
/// </summary>
public class KeywordSetVersion
{
    public int Id { get; set; }
    public int QuestionId { get; set; }
    public Question Question { get; set; } = null!;
    public int Version { get; set; }
    /// <summary>The keywords as JSON: phrase, alternatives, weight, required, in key order.</summary>
    public string Keywords { get; set; } = "[]";
    /// <summary>When this set was replaced, and by whom.</summary>
    public DateTime ReplacedAt { get; set; }
    public string? ReplacedById { get; set; }
}

public enum KeywordOrigin { Extracted, Edited }

/// <summary>
/// What the grader looks for in an answer to a question. Extracted keywords are written at import; once an
/// instructor edits the list, every keyword of the question has <see cref="KeywordOrigin.Edited"/> and wins.
/// </summary>
public class QuestionKeyword
{
    public int Id { get; set; }
    public int QuestionId { get; set; }
    public Question Question { get; set; } = null!;
    public int Position { get; set; }
    public string Phrase { get; set; } = "";
    public List<string> Alternatives { get; set; } = [];
    public double Weight { get; set; } = 1;
    public bool Required { get; set; }
    public KeywordOrigin Origin { get; set; }
}
