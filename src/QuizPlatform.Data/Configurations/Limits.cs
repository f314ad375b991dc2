namespace QuizPlatform.Data.Configurations;

/// <summary>Column sizes shared by entity configurations and the forms that validate against them.</summary>
public static class Limits
{
    public const int Title = 200;
    public const int Phrase = 200;
    public const int Enum = 32;
    /// <summary>A reason, comment or reply a person writes about a grade.</summary>
    public const int Reason = 2000;
    public const int ResponseText = 20_000;
    public const int IpAddress = 45;
    public const int UserAgent = 512;
}
