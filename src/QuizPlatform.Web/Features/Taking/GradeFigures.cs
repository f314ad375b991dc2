using QuizPlatform.Data.Entities;

namespace QuizPlatform.Web.Features.Taking;

/// <summary>A grade's figures without its explanation; <see cref="CountedScore"/> is the score that counts.</summary>
public sealed record GradeFigures(double Score, double? OverrideScore, double MaxPoints)
{
    public double CountedScore => Grade.Counted(Score, OverrideScore);
}
