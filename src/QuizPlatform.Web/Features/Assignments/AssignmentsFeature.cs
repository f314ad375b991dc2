namespace QuizPlatform.Web.Features.Assignments;

public static class AssignmentsFeature
{
    public static IServiceCollection AddAssignmentsFeature(this IServiceCollection services) =>
        services.AddScoped<AssignmentLibrary>().AddScoped<KeywordEditing>();
}
