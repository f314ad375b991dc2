namespace QuizPlatform.Web.Features.Taking;

/// <summary>How often the server hands in attempts whose time ran out (section <c>Attempts</c>).</summary>
public sealed class AttemptsOptions
{
    public const string Section = "Attempts";
    public TimeSpan ExpiryScanInterval { get; set; } = TimeSpan.FromSeconds(10);
}
