namespace QuizPlatform.Web.Features.Marking;

public static class MarkingFeature
{
    /// <summary>Instructors' marks on grades (accept, override, revert, groups) and the grades' history.</summary>
    public static IServiceCollection AddMarkingFeature(this IServiceCollection services) =>
        services.AddSingleton<GradeMarks>();
}
