namespace QuizPlatform.Web.Features.StudentHome;

public static class StudentHomeFeature
{
    public static IServiceCollection AddStudentHomeFeature(this IServiceCollection services) =>
        services.AddSingleton<StudentQuizzes>();
}
