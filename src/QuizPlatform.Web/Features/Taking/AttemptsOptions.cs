namespace QuizPlatform.Web.Features.Taking;

/// <summary>How often the server hands in attempts whose time ran out, and how many refused saves it keeps (section <c>Attempts</c>).</summary>
public sealed class AttemptsOptions
{
    public const string Section = "Attempts";
    public TimeSpan ExpiryScanInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Refused saves (late, stale, after hand-in) stored per attempt, text and all, for disputes; later ones are only
    /// counted (metric <c>quiz.answer.refused_saves.dropped</c>), so a flood of large refused saves cannot fill the database.
    /// </summary>
    public int RefusedSavesKept { get; set; } = 20;
}
