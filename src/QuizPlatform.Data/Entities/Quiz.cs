using QuizPlatform.Grading.Statistics;

namespace QuizPlatform.Data.Entities;

public enum QuestionSelection { All, Subset, RandomPerStudent }

/// <summary>When students may see a part of their results.</summary>
public enum ReviewVisibility { Immediately, AfterClose, Never }

/// <summary>
/// A quiz over one assignment version. Times are UTC. <see cref="QuestionSelection.Subset"/> uses the chosen
/// <see cref="Questions"/>; <see cref="QuestionSelection.RandomPerStudent"/> draws <see cref="RandomCount"/> of them per attempt.
/// </summary>
public class Quiz
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public int AssignmentVersionId { get; set; }
    public AssignmentVersion AssignmentVersion { get; set; } = null!;
    public string CreatedById { get; set; } = "";
    public ApplicationUser CreatedBy { get; set; } = null!;
    public DateTime CreatedAt { get; set; }
    public DateTime? OpensAt { get; set; }
    public DateTime? ClosesAt { get; set; }
    public TimeSpan? TimeLimit { get; set; }
    public int AttemptsAllowed { get; set; } = 1;
    public TimeSpan Grace { get; set; }
    public QuestionSelection QuestionSelection { get; set; }
    public int? RandomCount { get; set; }
    public bool Shuffle { get; set; }
    public bool OnePerPage { get; set; }
    public ReviewVisibility ShowScore { get; set; }
    public ReviewVisibility ShowKeywordFeedback { get; set; }
    public ReviewVisibility ShowModelAnswer { get; set; } = ReviewVisibility.AfterClose;
    /// <summary>
    /// Keyword feedback lists the missing keywords even while the student has attempts left. Off by default: a list
    /// of what was missing, shown before the next attempt, hands out the answer key.
    /// </summary>
    public bool ShowMissingKeywordsWhileAttemptsRemain { get; set; }
    /// <summary>Which attempt counts when several are allowed: the same rule on the dashboard, the student's home and exports.</summary>
    public CountedAttempt CountedAttempt { get; set; }
    /// <summary>The share of answers (0 to 1) drawn at random into the review queue beside flagged and borderline ones.</summary>
    public double SpotCheckShare { get; set; }
    /// <summary>Students see no score until the review queue is empty.</summary>
    public bool HoldScoresUntilReviewed { get; set; }
    /// <summary>How long after a score is shown a student may ask for a regrade; null: no requests.</summary>
    public TimeSpan? RegradeRequestWindow { get; set; }
    public List<QuizQuestion> Questions { get; set; } = [];
    public List<QuizClass> Classes { get; set; } = [];
    public List<Accommodation> Accommodations { get; set; } = [];
}

public class QuizQuestion
{
    public int Id { get; set; }
    public int QuizId { get; set; }
    public Quiz Quiz { get; set; } = null!;
    public int QuestionId { get; set; }
    public Question Question { get; set; } = null!;
    public int Position { get; set; }
    public double Points { get; set; } = 1;
}

/// <summary>A class a quiz is assigned to.</summary>
public class QuizClass
{
    public int QuizId { get; set; }
    public Quiz Quiz { get; set; } = null!;
    public int ClassId { get; set; }
    public Class Class { get; set; } = null!;
}

/// <summary>Per-student extra time on a quiz (multiplier on the time limit) and/or a later close time.</summary>
public class Accommodation
{
    public int Id { get; set; }
    public int QuizId { get; set; }
    public Quiz Quiz { get; set; } = null!;
    public string StudentId { get; set; } = "";
    public ApplicationUser Student { get; set; } = null!;
    public double TimeMultiplier { get; set; } = 1;
    public DateTime? ExtendedClosesAt { get; set; }
}
