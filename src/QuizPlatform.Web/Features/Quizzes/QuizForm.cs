using System.ComponentModel.DataAnnotations;
using QuizPlatform.Data.Configurations;
using QuizPlatform.Data.Entities;
using QuizPlatform.Grading.Statistics;

namespace QuizPlatform.Web.Features.Quizzes;

/// <summary>
/// The quiz editor's fields. Times are wall-clock times in the editor's time zone (the zone is passed beside the
/// form); <see cref="QuizAuthoring"/> converts them to UTC to store and back to show.
/// </summary>
public sealed class QuizForm
{
    [Required(ErrorMessage = "Give the quiz a title.")]
    [StringLength(Limits.Title, ErrorMessage = "A title has at most {1} characters.")]
    public string Title { get; set; } = "";

    [Range(1, int.MaxValue, ErrorMessage = "Choose an assignment version.")]
    public int AssignmentVersionId { get; set; }

    public QuestionSelection Selection { get; set; } = QuestionSelection.All;

    /// <summary>With <see cref="QuestionSelection.RandomPerStudent"/>: how many of the selected questions each student gets.</summary>
    public int? RandomCount { get; set; }

    public bool Shuffle { get; set; }
    public bool OnePerPage { get; set; } = true;

    public DateTime? OpensAt { get; set; }
    public DateTime? ClosesAt { get; set; }

    [Range(1, 7 * 24 * 60, ErrorMessage = "A time limit is between 1 minute and a week.")]
    public int? TimeLimitMinutes { get; set; }

    [Range(1, 100, ErrorMessage = "Allow between 1 and 100 attempts.")]
    public int AttemptsAllowed { get; set; } = 1;

    /// <summary>Which attempt counts when several are allowed.</summary>
    public CountedAttempt CountedAttempt { get; set; }

    [Range(0, 24 * 60, ErrorMessage = "A grace period is between 0 minutes and a day.")]
    public int GraceMinutes { get; set; }

    public ReviewVisibility ShowScore { get; set; } = ReviewVisibility.Immediately;
    public ReviewVisibility ShowKeywordFeedback { get; set; } = ReviewVisibility.Immediately;
    public ReviewVisibility ShowModelAnswer { get; set; } = ReviewVisibility.AfterClose;

    /// <summary>Keyword feedback also lists the missing keywords while a student has attempts left (<see cref="Taking.ReviewPolicy"/>).</summary>
    public bool ShowMissingKeywordsWhileAttemptsRemain { get; set; }

    /// <summary>The share of other answers drawn at random into the review queue, in percent.</summary>
    [Range(0, 100, ErrorMessage = "A spot-check share is between 0 and 100 %.")]
    public double SpotCheckPercent { get; set; }

    /// <summary>Students see no score until the review queue is empty.</summary>
    public bool HoldScoresUntilReviewed { get; set; }

    /// <summary>How many days after seeing their score a student may ask for a regrade; empty: no requests.</summary>
    [Range(1, 365, ErrorMessage = "A regrade request window is between 1 and 365 days (empty for none).")]
    public int? RegradeRequestDays { get; set; }

    /// <summary>Every question of the version, in number order, with whether it is picked and its points.</summary>
    public List<QuestionChoice> Questions { get; set; } = [];

    public List<int> ClassIds { get; set; } = [];

    public List<AccommodationForm> Accommodations { get; set; } = [];

    /// <summary>
    /// The review parts set to show after the quiz closes while it has no close time: students would never see them
    /// (<see cref="Taking.ReviewPolicy"/>), and the editor says so.
    /// </summary>
    public IReadOnlyList<string> ReviewWaitingForNoClose() => ClosesAt is not null ? [] :
        new[] { ("their score", ShowScore), ("keyword feedback", ShowKeywordFeedback), ("the model answer", ShowModelAnswer) }
            .Where(part => part.Item2 == ReviewVisibility.AfterClose).Select(part => part.Item1).ToList();

    /// <summary>
    /// Full keyword feedback right after each attempt, with another attempt to come: a student can hand in an empty
    /// attempt, read the missing keywords and pad them into the next. The editor warns.
    /// </summary>
    public bool HandsOutTheKeyBetweenAttempts =>
        ShowMissingKeywordsWhileAttemptsRemain && ShowKeywordFeedback == ReviewVisibility.Immediately && AttemptsAllowed > 1;

    /// <summary>The questions the quiz draws from: all of them, or the ticked ones.</summary>
    public IEnumerable<QuestionChoice> SelectedQuestions =>
        Selection == QuestionSelection.All ? Questions : Questions.Where(q => q.Selected);
}

public sealed class QuestionChoice
{
    public int QuestionId { get; set; }
    public int Number { get; set; }
    public string Prompt { get; set; } = "";

    /// <summary>
    /// Ticked for a subset. Kept apart from <see cref="QuizForm.Selection"/>: a quiz of all questions has none ticked,
    /// so choosing "the questions ticked below" starts from none (picking 5 of 50 is 5 ticks, not 45 unticks).
    /// </summary>
    public bool Selected { get; set; }
    public double Points { get; set; } = 1;
}

public sealed class AccommodationForm
{
    public string StudentId { get; set; } = "";
    public string StudentName { get; set; } = "";
    public double TimeMultiplier { get; set; } = 1;

    /// <summary>A later close time for this student, in the editor's time zone.</summary>
    public DateTime? ExtendedClosesAt { get; set; }
}
