namespace QuizPlatform.Web.Features.StudentResults;

public static class StudentResultsFeature
{
    public static IServiceCollection AddStudentResultsFeature(this IServiceCollection services) => services.AddSingleton<AttemptResults>();
}
