namespace QuizPlatform.Web.Features.Grading;

/// <summary>The <c>Grading</c> section: how answers are graded.</summary>
public sealed class GradingSettings
{
    public const string Section = "Grading";

    /// <summary>
    /// Grade by meaning as well as by keywords (the MiniLM sentence model, loaded on the first grade: about 200 MB).
    /// Off: pure keyword grading.
    /// </summary>
    public bool Meaning { get; set; } = true;

    /// <summary>
    /// With <see cref="Meaning"/> on, import, the seeder and "reset to extracted" choose a long answer's keywords with
    /// the model too (maximal marginal relevance): seconds per assignment instead of milliseconds. Off: by salience alone.
    /// </summary>
    public bool MeaningKeywords { get; set; } = true;

    /// <summary>Threads the sentence model computes on; 0 takes one per core.</summary>
    public int MeaningThreads { get; set; }

    /// <summary>
    /// How long a worker holds the work it claimed (a batch of attempts, or of answers for the meaning pass). A batch
    /// takes well under a second by keywords and seconds by meaning; work of an instance that died is taken over
    /// once its lease runs out.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often an idle worker looks for work handed in on another instance (its own hand-ins wake it at once), and
    /// tries again after the database was away.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long grading waits, at most, while students hand in on this instance before it takes another batch: at a
    /// deadline the hand-ins get the cores first and grading catches up after. Zero: grading never waits.
    /// </summary>
    public TimeSpan HandInsFirst { get; set; } = TimeSpan.FromSeconds(10);
}
