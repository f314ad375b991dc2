namespace QuizPlatform.Web.Features.Classes;

public static class ClassesFeature
{
    public static IServiceCollection AddClassesFeature(this IServiceCollection services) =>
        services.AddSingleton<ClassService>().AddSingleton<EnrollmentService>();
}
